//go:build js && wasm

package main

import (
	"cmp"
	"fmt"
	"html"
	"slices"
	"strings"

	"casewright/wasm/internal/jsobj"
)

// problemsPanel lists the draft's diagnostics in the Problems region, sorted by position, with
// counts per severity and a button per quick fix. Besides the core's own diagnostics it shows
// the page's (diagram syntax errors found by mermaid), which the page hands over separately.
type problemsPanel struct {
	root  element
	shown []problemRow // what the region shows, nil before it shows anything
	diags []diagnostic
	page  []pageProblem
}

// A pageProblem is a diagnostic found by the page itself rather than by the core.
type pageProblem struct {
	From     int    `json:"from"`
	To       int    `json:"to"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Source   string `json:"source"`
}

// problemRow is one line of the panel; index is the diagnostic's place in the core's list
// (which the page's fix buttons refer to), -1 for the page's own problems.
type problemRow struct {
	from, to, line int
	severity       string
	code, message  string
	source         string
	fixes          []pageFix
	index          int
}

var severityIcons = map[string]string{"error": "✖", "warning": "▲", "info": "ℹ"}

// show renders the core's diagnostics with the page's latest problems.
func (p *problemsPanel) show(diags []diagnostic) {
	p.diags = diags
	p.render()
}

// setPageProblems replaces the page's own problems, given as a JSON array of pageProblem.
func (p *problemsPanel) setPageProblems(data string) error {
	page, err := parsePageProblems(data)
	if err != nil {
		return err
	}
	p.page = page
	p.render()
	return nil
}

// parsePageProblems reads a JSON array of pageProblem.
func parsePageProblems(data string) ([]pageProblem, error) {
	list, err := jsobj.Parse(data)
	if err != nil {
		return nil, err
	}
	items, err := jsobj.Array(list)
	if err != nil {
		return nil, err
	}
	page := make([]pageProblem, len(items))
	for i, v := range items {
		if err := jsobj.Read(v, page[i].read); err != nil {
			return nil, fmt.Errorf("problem %d: %w", i, err)
		}
	}
	return page, nil
}

func (p *pageProblem) read(f *jsobj.Fields) {
	p.From, p.To, p.Line = int(f.Int("from")), int(f.Int("to")), int(f.Int("line"))
	p.Severity, p.Code, p.Message, p.Source = f.String("severity"), f.String("code"), f.String("message"), f.String("source")
}

func (p *problemsPanel) render() {
	rows := make([]problemRow, 0, len(p.diags)+len(p.page))
	counts := map[string]int{}
	for i, d := range p.diags {
		rows = append(rows, problemRow{d.From, d.To, d.Line, string(d.Severity), d.Code, d.Message, "", d.Fixes, i})
		counts[string(d.Severity)]++
	}
	for _, d := range p.page {
		rows = append(rows, problemRow{d.From, d.To, d.Line, d.Severity, d.Code, d.Message, d.Source, nil, -1})
		counts[d.Severity]++
	}
	slices.SortStableFunc(rows, func(a, b problemRow) int { return cmp.Compare(a.from, b.from) })
	// Offsets move with every character typed above a problem; the rows show only its line.
	if p.shown != nil && slices.EqualFunc(rows, p.shown, sameRow) {
		return
	}
	p.shown = rows

	var b strings.Builder
	b.WriteString(`<p class="cw-counts">`)
	for _, sev := range []string{"error", "warning", "info"} {
		fmt.Fprintf(&b, `<span class="cw-count cw-%s"><span aria-hidden="true">%s</span> %d %s</span> `,
			sev, severityIcons[sev], counts[sev], plural(counts[sev], sev))
	}
	b.WriteString(`</p>`)
	if len(rows) == 0 {
		b.WriteString(`<p class="cw-empty">No problems.</p>`)
	} else {
		b.WriteString(`<ul class="cw-problems">`)
		for _, r := range rows {
			writeProblem(&b, r)
		}
		b.WriteString(`</ul>`)
	}
	p.root.SetInnerHTML(b.String())
}

// sameRow reports whether two rows look the same in the panel.
func sameRow(a, b problemRow) bool {
	if a.source == "" && b.source == "" { // the core's problems are named by index, not offsets
		a.from, a.to, b.from, b.to = 0, 0, 0, 0
	}
	return a.from == b.from && a.to == b.to && a.line == b.line && a.severity == b.severity &&
		a.code == b.code && a.message == b.message && a.source == b.source && a.index == b.index &&
		slices.EqualFunc(a.fixes, b.fixes, func(x, y pageFix) bool { return x.Title == y.Title })
}

func writeProblem(b *strings.Builder, r problemRow) {
	sev := html.EscapeString(r.severity)
	code := html.EscapeString(r.code)
	if r.source != "" {
		code = html.EscapeString(r.source) + ": " + code
	}
	// The core's problems name their diagnostic, not its offsets: offsets move with every
	// character typed above them, and the panel should only be rewritten when it looks different.
	target := fmt.Sprintf(`data-diag="%d"`, r.index)
	if r.index < 0 {
		target = fmt.Sprintf(`data-from="%d" data-to="%d"`, r.from, r.to)
	}
	fmt.Fprintf(b, `<li class="cw-problem cw-%s"><button type="button" class="cw-goto" %s>`+
		`<span class="cw-severity" aria-label="%s" title="%s">%s</span> <span class="cw-where">line %d</span> `+
		`<span class="cw-message">%s</span> <code class="cw-code">%s</code></button>`,
		sev, target, sev, sev, severityIcons[r.severity], r.line, html.EscapeString(r.message), code)
	if len(r.fixes) > 0 {
		b.WriteString(`<span class="cw-fixes">`)
		for j, f := range r.fixes {
			fmt.Fprintf(b, `<button type="button" class="cw-fix" data-diag="%d" data-fix="%d">%s</button>`,
				r.index, j, html.EscapeString(f.Title))
		}
		b.WriteString(`</span>`)
	}
	b.WriteString(`</li>`)
}

func plural(n int, severity string) string {
	switch {
	case severity == "info":
		return "info"
	case n == 1:
		return severity
	default:
		return severity + "s"
	}
}
