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
}

// transferWatch adds up the page's finished responses from the network events of a tab.
// Requests the service worker makes for its own cache happen in the worker, not the page,
// and are not counted.
type transferWatch struct {
	mu    sync.Mutex
	urls  map[network.RequestID]string
	bytes transfer
}

// watchTransfer starts counting in the browser's tab; call it before navigating.
func watchTransfer(b *browser) (*transferWatch, error) {
	w := &transferWatch{urls: map[network.RequestID]string{}}
	chromedp.ListenTarget(b.ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventResponseReceived:
			w.urls[e.RequestID] = e.Response.URL
		case *network.EventLoadingFinished:
			w.add(w.urls[e.RequestID], int64(e.EncodedDataLength))
		}
	})
	return w, chromedp.Run(b.ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		return network.Enable().Do(ctx)
	}))
}

func (w *transferWatch) add(rawURL string, n int64) {
	u, err := url.Parse(rawURL)
	if err != nil || rawURL == "" {
		return
	}
	switch path.Ext(u.Path) {
	case ".wasm":
		w.bytes.WASM += n
	case ".js", ".mjs":
		w.bytes.JavaScript += n
	case ".css":
		w.bytes.CSS += n
	default:
		w.bytes.Other += n
	}
	w.bytes.Total += n
	w.bytes.Requests++
}

// snapshot returns the bytes counted so far.
func (w *transferWatch) snapshot() transfer {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.bytes
}
