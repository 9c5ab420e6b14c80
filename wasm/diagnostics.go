//go:build js && wasm

package main

import (
	"casewright/editor"
	"casewright/wasm/internal/utf16text"
)

// diagnostic is an editor.Diagnostic with its range also in the UTF-16 offsets the page uses.
type diagnostic struct {
	editor.Diagnostic
	From  int       `json:"from"`
	To    int       `json:"to"`
	Fixes []pageFix `json:"fixes,omitempty"`
}

type pageFix struct {
	Title   string     `json:"title"`
	Changes []pageEdit `json:"changes"`
}

// pageEdit is a CodeMirror change: replace from..to with insert.
type pageEdit struct {
	From   int    `json:"from"`
	To     int    `json:"to"`
	Insert string `json:"insert"`
}

// pageDiagnostics converts diagnostics of text for the page, in one pass over the text.
func pageDiagnostics(text string, diags []editor.Diagnostic) []diagnostic {
	var offsets []int
	for _, d := range diags {
		offsets = append(offsets, d.From, d.To)
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				offsets = append(offsets, e.From, e.To)
			}
		}
	}
	units := utf16text.Offsets(text, offsets)
	out := make([]diagnostic, len(diags))
	for i, d := range diags {
		out[i] = diagnostic{Diagnostic: d, From: units[d.From], To: units[d.To]}
		for _, f := range d.Fixes {
			fix := pageFix{Title: f.Title}
			for _, e := range f.Edits {
				fix.Changes = append(fix.Changes, pageEdit{From: units[e.From], To: units[e.To], Insert: e.NewText})
			}
			out[i].Fixes = append(out[i].Fixes, fix)
		}
	}
	return out
}
