//go:build js && wasm

package main

import (
	"fmt"
	"html"
	"math"
	"strings"

	"casewright/editor"
)

// outlinePanel shows the template's sections with their state, and the draft's completeness,
// in the Outline region.
type outlinePanel struct {
	root element
	last string
}

// outlineStates names each state for the eye (icon) and for assistive technology (label).
var outlineStates = map[string]struct{ icon, label string }{
	editor.StateMissing:      {"○", "missing"},
	editor.StatePlaceholders: {"◐", "placeholders left"},
	editor.StateDone:         {"●", "done"},
	editor.StateExtra:        {"+", "your own section"},
}

// show renders the outline, touching the DOM only when it changed. diags are the page's
// diagnostics of the same check: a missing section jumps to, and offers, its insertion fix.
func (p *outlinePanel) show(items []editor.OutlineItem, total editor.Completeness, diags []diagnostic) {
	var b strings.Builder
	percent := int(math.Round(total.Ratio * 100))
	fmt.Fprintf(&b, `<div class="cw-completeness"><span id="cw-completeness-label">Completeness</span> `+
		`<progress max="100" value="%d" aria-labelledby="cw-completeness-label"></progress> `+
		`<span class="cw-percent">%d%%</span> <span class="cw-slots">%d of %d filled</span></div>`,
		percent, percent, total.Filled, total.Slots)
	b.WriteString(`<ol class="cw-outline">`)
	for _, item := range items {
		state := outlineStates[item.State]
		fmt.Fprintf(&b, `<li class="cw-outline-item cw-state-%s cw-level-%d">`, html.EscapeString(item.State), item.Level)
		fix := -1
		if item.Line > 0 {
			fmt.Fprintf(&b, `<button type="button" class="cw-goto" data-line="%d">`, item.Line)
		} else if fix = missingSectionDiagnostic(diags, item); fix >= 0 {
			fmt.Fprintf(&b, `<button type="button" class="cw-goto" data-diag="%d">`, fix)
		} else {
			b.WriteString(`<button type="button" class="cw-goto" disabled>`)
		}
		fmt.Fprintf(&b, `<span class="cw-state-icon" aria-hidden="true">%s</span> `+
			`<span class="cw-outline-title">%s</span><span class="cw-visually-hidden">, %s</span>`,
			state.icon, html.EscapeString(item.Title), state.label)
		if item.Slots > 0 && item.State != editor.StateMissing {
			fmt.Fprintf(&b, ` <span class="cw-slots">%d/%d</span>`, item.Filled, item.Slots)
		}
		b.WriteString(`</button>`)
		if fix >= 0 && len(diags[fix].Fixes) > 0 {
			fmt.Fprintf(&b, `<button type="button" class="cw-fix" data-diag="%d" data-fix="0" aria-label="%[2]s" title="%[2]s">Add</button>`,
				fix, html.EscapeString(diags[fix].Fixes[0].Title))
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	if s := b.String(); s != p.last {
		p.last = s
		p.root.SetInnerHTML(s)
	}
}

// missingSectionDiagnostic returns the index of the missing-section diagnostic that names
// item, or -1.
func missingSectionDiagnostic(diags []diagnostic, item editor.OutlineItem) int {
	name := "'" + strings.Repeat("#", item.Level) + " " + item.Title + "'"
	for i, d := range diags {
		if d.Code == "missing-section" && strings.Contains(d.Message, name) {
			return i
		}
	}
	return -1
}
