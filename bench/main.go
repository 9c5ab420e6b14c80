// Command bench measures Casewright in headless Chromium, the way an author meets it: start-up
// cold and warm, the keystroke path on the template and on a 100 KB case study, a minute of
// steady typing, markdown-it and marked rendering the same documents in the same page, the
// drafts store, and the bytes transferred before the app is ready. It prints a table and
// writes bench/results.json.
//
// Run it through `make bench`, which builds the app, the Chromium launcher and the peers'
// bundle first; by hand, from the module root:
//
//	go run ./bench -keys 200 -typing 60s
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// options are the harness's flags.
type options struct {
	app, chrome, peers, out string
	template, large         string
	keys                    int
	typing                  time.Duration
	coldRuns, warmRuns      int
	renderRuns, saveRuns    int
	drafts                  int
	phases                  string
	cpuProfile              string
	startupProfile          string
	trace                   bool
}

func main() {
	var o options
	flag.StringVar(&o.app, "app", "bin/casewright", "the built command-line tool, which serves the app")
	flag.StringVar(&o.startupProfile, "startup-profile", "", "write Chromium's CPU profile of the first cold start to `file`")
	flag.BoolVar(&o.trace, "trace", false, "print what the main thread did per keystroke on the large document (Chromium's trace)")
	flag.StringVar(&o.chrome, "chrome", "bin/chrome/chromium", "the Chromium launcher (scripts/chromium.sh)")
	flag.StringVar(&o.peers, "peers", "bench/out/peers.js", "the peers' bundle (markdown-it, marked)")
	flag.StringVar(&o.out, "out", "bench/results.json", "where to write the results")
	flag.StringVar(&o.template, "template", "testdata/templates/case-study.md", "the small document")
	flag.StringVar(&o.large, "large", "testdata/bench/large-case-study.md", "the 100 KB document")
	flag.IntVar(&o.keys, "keys", 200, "keystrokes timed per document")
	flag.DurationVar(&o.typing, "typing", time.Minute, "how long to type steadily while watching for pauses")
	flag.IntVar(&o.coldRuns, "cold", 3, "cold starts, each in a fresh browser profile")
	flag.IntVar(&o.warmRuns, "warm", 5, "warm starts, reloads after the first visit")
	flag.IntVar(&o.renderRuns, "renders", 20, "timed full renders per renderer and document")
	flag.IntVar(&o.saveRuns, "saves", 20, "timed saves of the large draft")
	flag.IntVar(&o.drafts, "drafts", 1000, "drafts in the store when listing")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write Chromium's CPU profile of the keystrokes on the large document to this file (.cpuprofile, for DevTools) and print its top functions")
	flag.StringVar(&o.phases, "phases", "start-up,keystrokes,peers,drafts", "the measurements to make, comma-separated")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	for _, p := range []*string{&o.app, &o.chrome, &o.peers} {
		abs, err := filepath.Abs(*p)
		if err != nil {
			return err
		}
		if _, err := os.Stat(abs); err != nil {
			return fmt.Errorf("%s is missing: run `make bench`, which builds it", *p)
		}
		*p = abs
	}
	docs, err := readDocuments(o.template, o.large)
	if err != nil {
		return err
	}
	peers, err := os.ReadFile(o.peers)
	if err != nil {
		return err
	}
	srv, err := startServer(o.app)
	if err != nil {
		return err
	}
	defer srv.stop()

	res := results{Machine: describeMachine(o.chrome), Date: time.Now().UTC().Format(time.RFC3339)}
	step := func(name string, fn func() error) error {
		fmt.Fprintf(os.Stderr, "bench: %s...\n", name)
		if err := fn(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	ctx := context.Background()
	steps := []struct {
		name string
		fn   func() error
	}{
		{"start-up", func() (err error) {
			res.Startup, res.Transfer, err = measureStartup(ctx, o, srv.url)
			return err
		}},
		{"keystrokes", func() (err error) {
			res.Keystroke, res.Typing, err = measureKeystrokes(ctx, o, srv.url, docs)
			return err
		}},
		{"peers", func() (err error) {
			res.Renders, err = measureRenders(ctx, o, srv.url, docs, string(peers))
			return err
		}},
		{"drafts", func() (err error) {
			res.Drafts, err = measureDrafts(ctx, o, srv.url, docs)
			return err
		}},
	}
	for _, s := range steps {
		if !slices.Contains(strings.Split(o.phases, ","), s.name) {
			continue
		}
		if err := step(s.name, s.fn); err != nil {
			return err
		}
	}
	printTable(os.Stdout, res)
	return writeResults(o.out, res)
}

// document is one text the harness types into and renders.
type document struct {
	name string
	text string
}

func readDocuments(paths ...string) ([]document, error) {
	var docs []document
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, document{name: docName(filepath.Base(p), len(b)), text: string(b)})
	}
	return docs, nil
}

// docName names a document by its file and size, the way the Go benchmarks do
// ("template-6KB", "case-study-100KB").
func docName(file string, size int) string {
	kind := "case-study"
	if file == "case-study.md" {
		kind = "template" // testdata/templates/case-study.md
	}
	return fmt.Sprintf("%s-%dKB", kind, size/1000)
}
