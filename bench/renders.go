package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// renderResult is one full render of a document by each renderer in the page, in
// milliseconds: markdown-it and marked, and Casewright's window.casewright.render (the WASM
// core's render and the page's sanitiser).
type renderResult struct {
	Doc        string  `json:"doc"`
	MarkdownIt summary `json:"markdownIt"`
	Marked     summary `json:"marked"`
	Casewright summary `json:"casewright"`
}

// measureRenders injects the peers' bundle into the app's page (evaluated over the DevTools
// protocol, which the page's CSP does not govern) and times full renders of each document.
func measureRenders(ctx context.Context, o options, url string, docs []document, peers string) ([]renderResult, error) {
	b, err := newBrowser(ctx, o.chrome)
	if err != nil {
		return nil, err
	}
	defer b.close()
	if _, err := b.open(url); err != nil {
		return nil, err
	}
	if err := b.run(time.Minute, chromedp.Evaluate(peers, nil), chromedp.Evaluate(rendersScript, nil)); err != nil {
		return nil, fmt.Errorf("injecting the peers: %w", err)
	}
	var results []renderResult
	for _, doc := range docs {
		text, _ := json.Marshal(doc.text)
		var times map[string][]float64
		expr := fmt.Sprintf(`window.__cwTimeRenders(%s, %d)`, text, o.renderRuns)
		if err := b.run(5*time.Minute, chromedp.Evaluate(expr, &times)); err != nil {
			return nil, fmt.Errorf("%s: %w", doc.name, err)
		}
		results = append(results, renderResult{Doc: doc.name, MarkdownIt: summarize(times["markdown-it"]),
			Marked: summarize(times["marked"]), Casewright: summarize(times["casewright"])})
	}
	return results, nil
}
