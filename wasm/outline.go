//go:build js && wasm

package main

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
	"syscall/js"

	"casewright/editor"
)

// outlinePanel shows the template's sections with their state, and the draft's completeness,
// in the Outline region.
type outlinePanel struct {
	root    element
	shown   []outlineEntry // what the region shows, one per item
	total   editor.Completeness
	buttons js.Value // the items' buttons, in order, while shown is what they show
}

// An outlineEntry is one item as the region shows it: the item, and the missing-section
// diagnostic that its button goes to and whose fix its Add button applies (-1 for none).
type outlineEntry struct {
	item     editor.OutlineItem
	fix      int
	hasFix   bool
	fixTitle string
}

// outlineStates names each state for the eye (icon) and for assistive technology (label).
var outlineStates = map[string]struct{ icon, label string }{
	editor.StateMissing:      {"○", "missing"},
	editor.StatePlaceholders: {"◐", "placeholders left"},
	editor.StateDone:         {"●", "done"},
	editor.StateExtra:        {"+", "your own section"},
}

// show brings the outline up to date. diags are the page's diagnostics of the same check: a
// missing section jumps to, and offers, its insertion fix. Most keystrokes change nothing the
// outline shows, and lines added above a section only move its button's target: the region
// is written again only when an item, a state or a figure changed.
func (p *outlinePanel) show(items []editor.OutlineItem, total editor.Completeness, diags []diagnostic) {
	entries := make([]outlineEntry, len(items))
	for i, item := range items {
		entries[i] = outlineEntry{item: item, fix: -1}
		if item.Line == 0 {
			if fix := missingSectionDiagnostic(diags, item); fix >= 0 {
				entries[i].fix = fix
				if len(diags[fix].Fixes) > 0 {
					entries[i].hasFix, entries[i].fixTitle = true, diags[fix].Fixes[0].Title
				}
			}
		}
	}
	if p.buttons.Truthy() && total == p.total && slices.EqualFunc(entries, p.shown, sameButLine) {
		for i, e := range entries {
			if e.item.Line != p.shown[i].item.Line {
				p.buttons.Index(i).Call("setAttribute", "data-line", strconv.Itoa(e.item.Line))
			}
		}
		p.shown = entries
		return
	}
	p.shown, p.total = entries, total
	p.root.SetInnerHTML(outlineHTML(entries, total))
	p.buttons = p.root.Underlying().Call("querySelectorAll", ".cw-outline-item > button.cw-goto")
}

// sameButLine reports whether two entries look the same, whatever their items' lines.
func sameButLine(a, b outlineEntry) bool {
	a.item.Line, b.item.Line = 0, 0
	return a == b
}

func outlineHTML(entries []outlineEntry, total editor.Completeness) string {
	var b strings.Builder
	percent := int(math.Round(total.Ratio * 100))
	fmt.Fprintf(&b, `<div class="cw-completeness"><span id="cw-completeness-label">Completeness</span> `+
		`<progress max="100" value="%d" aria-labelledby="cw-completeness-label"></progress> `+
		`<span class="cw-percent">%d%%</span> <span class="cw-slots">%d of %d filled</span></div>`,
		percent, percent, total.Filled, total.Slots)
	b.WriteString(`<ol class="cw-outline">`)
	for _, e := range entries {
		item := e.item
		state := outlineStates[item.State]
		fmt.Fprintf(&b, `<li class="cw-outline-item cw-state-%s cw-level-%d">`, html.EscapeString(item.State), item.Level)
		switch {
		case item.Line > 0:
			fmt.Fprintf(&b, `<button type="button" class="cw-goto" data-line="%d">`, item.Line)
		case e.fix >= 0:
			fmt.Fprintf(&b, `<button type="button" class="cw-goto" data-diag="%d">`, e.fix)
		default:
			b.WriteString(`<button type="button" class="cw-goto" disabled>`)
		}
		fmt.Fprintf(&b, `<span class="cw-state-icon" aria-hidden="true">%s</span> `+
			`<span class="cw-outline-title">%s</span><span class="cw-visually-hidden">, %s</span>`,
			state.icon, html.EscapeString(item.Title), state.label)
		if item.Slots > 0 && item.State != editor.StateMissing {
			fmt.Fprintf(&b, ` <span class="cw-slots">%d/%d</span>`, item.Filled, item.Slots)
		}
		b.WriteString(`</button>`)
		if e.hasFix {
			fmt.Fprintf(&b, `<button type="button" class="cw-fix" data-diag="%d" data-fix="0" aria-label="%[2]s" title="%[2]s">Add</button>`,
				e.fix, html.EscapeString(e.fixTitle))
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	return b.String()
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
