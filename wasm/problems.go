//go:build js && wasm

package main

import (
	"fmt"
	"html"
	"strings"

	"honnef.co/go/js/dom/v2"
)

// problemsPanel lists the draft's diagnostics in the Problems region.
type problemsPanel struct {
	root dom.Element
	last string
}

// show renders the list, touching the DOM only when it changed.
func (p *problemsPanel) show(diags []diagnostic) {
	var b strings.Builder
	if len(diags) == 0 {
		b.WriteString(`<p class="cw-empty">No problems.</p>`)
	} else {
		b.WriteString(`<ul class="cw-problems">`)
		for _, d := range diags {
			fmt.Fprintf(&b, `<li class="cw-problem cw-%s"><button type="button" data-from="%d" data-to="%d">`+
				`<span class="cw-severity">%s</span> <span class="cw-where">line %d</span> `+
				`<span class="cw-message">%s</span> <code class="cw-code">%s</code></button></li>`,
				html.EscapeString(string(d.Severity)), d.From, d.To, html.EscapeString(string(d.Severity)), d.Line,
				html.EscapeString(d.Message), html.EscapeString(d.Code))
		}
		b.WriteString(`</ul>`)
	}
	if s := b.String(); s != p.last {
		p.last = s
		p.root.SetInnerHTML(s)
	}
}
