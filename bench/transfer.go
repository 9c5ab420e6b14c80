package main

import (
	"context"
	"net/url"
	"path"
	"sync"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// transfer is what the page downloaded, in bytes on the wire (compressed, headers included),
// by kind of file.
type transfer struct {
	WASM       int64 `json:"wasm"`
	JavaScript int64 `json:"javascript"`
	CSS        int64 `json:"css"`
	Other      int64 `json:"other"`
	Total      int64 `json:"total"`
	Requests   int   `json:"requests"`
	// Files are the responses counted, by path, in bytes on the wire.
	Files map[string]int64 `json:"files"`
}

// transferWatch adds up the page's finished responses from the network events of a tab.
// Requests the service worker makes for its own cache happen in the worker, not the page,
// and are not counted.
type transferWatch struct {
	mu        sync.Mutex
	urls      map[network.RequestID]string
	sizes     map[string]int64 // by URL, all its responses together
	responses map[string]int   // by URL
}

// watchTransfer starts counting in the browser's tab; call it before navigating.
func watchTransfer(b *browser) (*transferWatch, error) {
	w := &transferWatch{urls: map[network.RequestID]string{}, sizes: map[string]int64{}, responses: map[string]int{}}
	chromedp.ListenTarget(b.ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventResponseReceived:
			w.urls[e.RequestID] = e.Response.URL
		case *network.EventLoadingFinished:
			if u := w.urls[e.RequestID]; u != "" {
				w.sizes[u] += int64(e.EncodedDataLength)
				w.responses[u]++
			}
		}
	})
	return w, chromedp.Run(b.ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		return network.Enable().Do(ctx)
	}))
}

// before returns the bytes of the responses among urls, the ones the page had finished
// loading when it became ready (from its resource timing: the network events' clock is not
// the page's). A URL fetched more than once (the browser asks for the icon twice) counts each
// of its responses once, however often the page's timing lists it.
func (w *transferWatch) before(urls []string) transfer {
	w.mu.Lock()
	defer w.mu.Unlock()
	t := transfer{Files: map[string]int64{}}
	counted := map[string]bool{}
	for _, raw := range urls {
		n, seen := w.sizes[raw]
		u, err := url.Parse(raw)
		if !seen || err != nil || counted[raw] {
			continue
		}
		counted[raw] = true
		switch path.Ext(u.Path) {
		case ".wasm":
			t.WASM += n
		case ".js", ".mjs":
			t.JavaScript += n
		case ".css":
			t.CSS += n
		default:
			t.Other += n
		}
		t.Total += n
		t.Requests += w.responses[raw]
		t.Files[u.Path] += n
	}
	return t
}
