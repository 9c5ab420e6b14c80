//go:build js && wasm

package main

import (
	"testing"
	"time"

	"casewright/editor"
	"casewright/wasm/internal/jsonw"
	"casewright/wasm/internal/jsonw/jsonwtest"
	"casewright/wasm/store"
)

func written(v pageJSON) string {
	var w jsonw.Writer
	v.writeJSON(&w)
	return w.String()
}

// TestPageJSONAsEncodingJSON holds every value the core hands the page to what encoding/json
// writes from the same value's tags, every field set (a field added to a type, or to editor's,
// shows up here as a difference) and every field empty.
func TestPageJSONAsEncodingJSON(t *testing.T) {
	text := "# Café <b>&</b>\n\t\"quoted\" \u2028 🚀"
	edit := editor.TextEdit{Range: editor.Range{Line: 3, Col: 1, EndLine: 3, EndCol: 9, From: 40, To: 48}, NewText: "## Context\n"}
	full := editor.Diagnostic{
		Range:    editor.Range{Line: 2, Col: 4, EndLine: 5, EndCol: 1, From: 10, To: 90},
		Severity: editor.Warning, Code: "missing-section", Message: `Section "Context" <missing>`,
		Fixes: []editor.Fix{{Title: "Insert it", Edits: []editor.TextEdit{edit, edit}}, {Title: "No edits"}},
	}
	draft := draftJSON{ID: "d1", Title: "Café", Created: "2025-03-09T14:05:07.123Z", Updated: "2025-03-09T14:05:08Z",
		Completeness: 1.0 / 3, Revision: 7, Text: &text}
	snapText := "old"
	at := time.Date(2025, 3, 9, 14, 5, 7, 123_000_000, time.UTC)
	sum := store.Summary{ID: "s", Title: "T", Created: at, Updated: at.Add(time.Second), Completeness: 1e-7, Revision: 2}
	tests := []struct {
		name string
		v    pageJSON
	}{
		{"update", updateResult{
			Diagnostics: []diagnostic{
				{Diagnostic: full, From: 3, To: 30, Fixes: []pageFix{{Title: "Insert it", Changes: []pageEdit{{From: 1, To: 2, Insert: "x\n"}}}, {Title: "none"}}},
				{Diagnostic: editor.Diagnostic{Severity: editor.Info}},
			},
			Completeness: editor.Completeness{Filled: 3, Slots: 9, Ratio: 1.0 / 3},
			Title:        "Café", FileName: "cafe.md",
		}},
		{"update, nothing", updateResult{}},
		{"update, diagnostics moved", updateResult{Moved: true, Completeness: editor.Completeness{Slots: 1}, Title: "T"}},
		{"update, no diagnostics", updateResult{Diagnostics: []diagnostic{}}},
		{"validate", editorDiagnostics{full, {}}},
		{"validate, nothing", editorDiagnostics(nil)},
		{"validate, none", editorDiagnostics{}},
		{"draft", draft},
		{"summary", summaryJSON(sum)},
		{"full", fullJSON(store.Draft{Summary: sum})},
		{"drafts", jsonList[draftJSON]{draft, {}}},
		{"no drafts", jsonList[draftJSON](nil)},
		{"list", listJSON{Drafts: []draftJSON{draft}, Damaged: "1 stored record is damaged"}},
		{"list, nothing", listJSON{}},
		{"trash", jsonList[trashedJSON]{{draftJSON: draft, Deleted: "2025-03-10T00:00:00Z"}, {}}},
		{"history", jsonList[snapshotJSON]{{ID: 3, Taken: "2025-03-09T14:05:07Z", Title: "T", Revision: 2, Size: 3, Text: &snapText}, {}}},
		{"archive", archiveJSON{Archive: `{"format":"casewright-drafts"}` + "\n", Damaged: "x"}},
		{"archive, whole", archiveJSON{Archive: "{}"}},
		{"link targets", jsonList[linkTarget]{{Target: "../a.md#b", Title: "A <b>"}, {}}},
		{"true", jsonBool(true)},
		{"count", jsonInt(12)},
		{"changed", emptyObject{}},
	}
	for _, tt := range tests {
		if got, want := written(tt.v), jsonwtest.Marshal(t, tt.v); got != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, want)
		}
	}
}
