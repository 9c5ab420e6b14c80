package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

// startupResult is the time from navigation to the first preview and to casewright.ready.
type startupResult struct {
	ColdWASM    summary   `json:"coldWasmDownloaded"`
	ColdCore    summary   `json:"coldCoreStarted"`
	ColdReady   summary   `json:"coldReady"`
	ColdPreview summary   `json:"coldPreview"`
	WarmCore    summary   `json:"warmCoreStarted"`
	WarmReady   summary   `json:"warmReady"`
	WarmPreview summary   `json:"warmPreview"`
	WarmVisits  []float64 `json:"warmVisitsReady"` // in order: the second visit first
	// ColdStages and WarmStages are when each stage of start-up ended, in the order they end.
	ColdStages []stage `json:"coldStages"`
	WarmStages []stage `json:"warmStages"`
}

// stage is when one stage of start-up ended: the page's casewright: marks and the WASM's
// request, in milliseconds from navigation.
type stage struct {
	Name string  `json:"name"`
	At   summary `json:"at"`
}

// stagesOf summarizes each stage over the visits, ordered by median.
func stagesOf(visits []map[string]float64) []stage {
	at := map[string][]float64{}
	for _, v := range visits {
		for name, ms := range v {
			if ms >= 0 {
				at[name] = append(at[name], ms)
			}
		}
	}
	var out []stage
	for name, xs := range at {
		out = append(out, stage{Name: name, At: summarize(xs)})
	}
	slices.SortFunc(out, func(a, b stage) int { return cmp.Compare(a.At.Median, b.At.Median) })
	return out
}

// serviceWorkerState is a JS expression for the page's service worker registrations.
const serviceWorkerState = `navigator.serviceWorker.getRegistrations().then((rs) => rs.map((r) => ({
	scope: r.scope, active: !!r.active, installing: !!r.installing, waiting: !!r.waiting })))`

// measureStartup opens the app cold, each time in a fresh browser profile (empty HTTP cache,
// no service worker), and then warm: visits after the first in the last of those browsers,
// once its service worker is active (the app's files come from its cache, and Chromium may
// reuse the WASM it compiled). The first cold visit's network traffic is the transfer figure.
func measureStartup(ctx context.Context, o options, url string) (startupResult, transfer, error) {
	var res startupResult
	var bytes transfer
	var coldWASM, coldCore, coldReady, coldPreview, warmCore, warmReady, warmPreview []float64
	var coldStages, warmStages []map[string]float64
	for i := range o.coldRuns {
		last := i == o.coldRuns-1
		err := func() error {
			b, err := newBrowser(ctx, o.chrome)
			if err != nil {
				return err
			}
			defer b.close()
			watch, err := watchTransfer(b)
			if err != nil {
				return err
			}
			if i == 0 && o.startupProfile != "" {
				if err := startProfile(b); err != nil {
					return err
				}
			}
			marks, err := b.open(url)
			if err != nil {
				return err
			}
			if i == 0 && o.startupProfile != "" {
				if err := stopProfile(b, o.startupProfile, os.Stderr); err != nil {
					return err
				}
			}
			if i == 0 {
				bytes = watch.before(marks.Loaded)
			}
			coldStages = append(coldStages, marks.Stages)
			coldReady, coldPreview = append(coldReady, marks.Ready), append(coldPreview, marks.Preview)
			coldWASM, coldCore = append(coldWASM, marks.WASM), append(coldCore, marks.Core)
			if !last {
				return nil
			}
			// Warm visits need the service worker installed with the app in its cache.
			if err := b.run(time.Minute, chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => true)`, nil, awaitPromise)); err != nil {
				var state any
				_ = b.run(10*time.Second, chromedp.Evaluate(serviceWorkerState, &state, awaitPromise))
				return fmt.Errorf("waiting for the service worker (%v): %w", state, err)
			}
			for range o.warmRuns {
				marks, err := b.open(url)
				if err != nil {
					return err
				}
				warmStages = append(warmStages, marks.Stages)
				warmReady, warmPreview = append(warmReady, marks.Ready), append(warmPreview, marks.Preview)
				warmCore = append(warmCore, marks.Core)
			}
			return nil
		}()
		if err != nil {
			return res, bytes, err
		}
	}
	res.ColdReady, res.ColdPreview = summarize(coldReady), summarize(coldPreview)
	res.WarmReady, res.WarmPreview = summarize(warmReady), summarize(warmPreview)
	res.ColdWASM, res.ColdCore, res.WarmCore = summarize(coldWASM), summarize(coldCore), summarize(warmCore)
	res.WarmVisits = warmReady
	res.ColdStages, res.WarmStages = stagesOf(coldStages), stagesOf(warmStages)
	return res, bytes, nil
}
