package main

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The scripts the harness puts in the app's page.
var (
	//go:embed page/startup.js
	startupScript string
	//go:embed page/keystroke.js
	keystrokeScript string
	//go:embed page/peers.js
	rendersScript string
	//go:embed page/drafts.js
	draftsScript string
)

// browser is one headless Chromium with a fresh profile of its own: empty HTTP cache, no
// service worker, no drafts.
type browser struct {
	ctx     context.Context
	profile string
	cancel  func()
}

func newBrowser(parent context.Context, chrome string) (*browser, error) {
	profile, err := os.MkdirTemp("", "casewright-bench-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	b := &browser{ctx: ctx, profile: profile, cancel: func() {
		// Close the browser and wait for it to exit, so that its profile can be removed.
		_ = chromedp.Cancel(ctx)
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}}
	// The page's uncaught exceptions and console errors, which explain a measurement that stalls.
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *cdpruntime.EventExceptionThrown:
			fmt.Fprintln(os.Stderr, "bench: uncaught in the page:", e.ExceptionDetails.Error())
		case *cdpruntime.EventConsoleAPICalled:
			if e.Type == cdpruntime.APITypeError {
				for _, a := range e.Args {
					fmt.Fprintln(os.Stderr, "bench: console error in the page:", string(a.Value), a.Description)
				}
			}
		}
	})
	// The start-up script runs before the app's own on every page of this browser's tab.
	err = chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(startupScript).Do(ctx)
		return err
	}))
	if err != nil {
		b.close()
		return nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return b, nil
}

func (b *browser) close() { b.cancel() }

// run runs actions with a time limit, so that a page that never gets ready fails the run.
func (b *browser) run(limit time.Duration, actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(b.ctx, limit)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// startupMarks are what page/startup.js records, in milliseconds since navigation start.
type startupMarks struct {
	WASM    float64 `json:"wasm"` // the WASM downloaded (its response's end)
	Core    float64 `json:"core"` // Go's main ran: the core registered itself
	Preview float64 `json:"preview"`
	Ready   float64 `json:"ready"`
	Error   string  `json:"error"`
	// Loaded are the URLs of the page and of the resources it had loaded when it was ready.
	Loaded []string           `json:"loaded"`
	Stages map[string]float64 `json:"stages"`
}

// open navigates to url and waits for the app to be ready.
func (b *browser) open(url string) (startupMarks, error) {
	var marks startupMarks
	err := b.run(time.Minute,
		chromedp.Navigate(url),
		chromedp.Evaluate(`window.__cwStartup`, &marks, awaitPromise),
	)
	switch {
	case err != nil:
		err = fmt.Errorf("opening the app: %w", err)
	case marks.Error != "":
		err = fmt.Errorf("the app did not start: %s", marks.Error)
	}
	return marks, err
}

// awaitPromise makes chromedp.Evaluate wait for the promise an expression returns.
func awaitPromise(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
	return p.WithAwaitPromise(true)
}
