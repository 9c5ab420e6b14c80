package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// A trace is Chromium's timeline of what the page's main thread did (style, layout, paint,
// scripts), recorded while the harness types, to tell the page's rendering from its scripts:
// a CPU profile lumps all rendering together as "(program)".
type trace struct {
	events []traceEvent
	done   chan struct{}
}

type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Dur  float64 `json:"dur"` // µs
	Tid  int     `json:"tid"`
	Pid  int     `json:"pid"`
	Args struct {
		Name string `json:"name"`
	} `json:"args"`
}

func startTrace(b *browser) (*trace, error) {
	t := &trace{done: make(chan struct{})}
	chromedp.ListenTarget(b.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			for _, raw := range ev.Value {
				var e traceEvent
				if json.Unmarshal(raw, &e) == nil {
					t.events = append(t.events, e)
				}
			}
		case *tracing.EventTracingComplete:
			close(t.done)
		}
	})
	err := b.run(time.Minute, tracing.Start().
		WithTransferMode(tracing.TransferModeReportEvents).
		WithTraceConfig(&tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "v8.execute", "blink", "cc"}}))
	return t, err
}

// stop ends the trace and prints, for the renderer's main thread, the time spent in each kind
// of complete event, per keystroke.
func (t *trace) stop(b *browser, keys int, w io.Writer) error {
	if err := b.run(time.Minute, chromedp.ActionFunc(func(ctx context.Context) error { return tracing.End().Do(ctx) })); err != nil {
		return err
	}
	select {
	case <-t.done:
	case <-time.After(time.Minute):
		return fmt.Errorf("the trace did not complete")
	}
	main := map[[2]int]bool{}
	for _, e := range t.events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
	}
	perKey := map[string]float64{}
	for _, e := range t.events {
		if e.Ph == "X" && main[[2]int{e.Pid, e.Tid}] {
			perKey[e.Name] += e.Dur / 1000 / float64(keys)
		}
	}
	printLargest(w, fmt.Sprintf("trace of the main thread, per keystroke (%d keys; events nest)", keys), perKey, 40)
	return nil
}
