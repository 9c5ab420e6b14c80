package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"time"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// startProfile starts Chromium's sampling profiler in b's page, one sample every 100 µs.
func startProfile(b *browser) error {
	return b.run(time.Minute,
		profiler.Enable(),
		profiler.SetSamplingInterval(100),
		profiler.Start(),
	)
}

// stopProfile stops the profiler, writes the profile to path in the format DevTools loads
// (.cpuprofile), and prints the functions that took the most time to w. Functions of the WASM
// core carry their Go names when it was built with its name section (without -ldflags=-s).
func stopProfile(b *browser, path string, w io.Writer) error {
	var p *profiler.Profile
	err := b.run(time.Minute, chromedp.ActionFunc(func(ctx context.Context) (err error) {
		p, err = profiler.Stop().Do(ctx)
		return err
	}))
	if err != nil {
		return fmt.Errorf("stopping the profiler: %w", err)
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	printProfile(w, p, 30)
	return nil
}

// printProfile lists the top functions by self time and by total time (each sample counted
// once per function on its stack), in milliseconds.
func printProfile(w io.Writer, p *profiler.Profile, top int) {
	byID := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	name := func(n *profiler.ProfileNode) string {
		f := n.CallFrame
		if f.FunctionName == "" {
			return fmt.Sprintf("(anonymous) %s:%d", f.URL, f.LineNumber+1)
		}
		return f.FunctionName
	}
	self, total := map[string]float64{}, map[string]float64{}
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		ms := float64(p.TimeDeltas[i+1]) / 1000 // the sample lasts until the next one
		n := byID[id]
		self[name(n)] += ms
		seen := map[string]bool{}
		for ok := true; ok; id, ok = parent[id] {
			fn := name(byID[id])
			if !seen[fn] {
				seen[fn] = true
				total[fn] += ms
			}
		}
	}
	printLargest(w, "profile, self time", self, top)
	printLargest(w, "profile, total time", total, top)
}

// printLargest lists under title the n largest of ms, milliseconds by name, largest first.
func printLargest(w io.Writer, title string, ms map[string]float64, n int) {
	names := slices.Collect(maps.Keys(ms))
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(ms[b], ms[a]) })
	fmt.Fprintf(w, "%s:\n", title)
	for _, name := range names[:min(n, len(names))] {
		fmt.Fprintf(w, "  %9.2f ms  %s\n", ms[name], name)
	}
}
