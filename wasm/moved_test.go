//go:build js && wasm

package main

import (
	"testing"

	"casewright/editor"
)

func TestMovedOnly(t *testing.T) {
	finding := func(from, to, line int, message string, fixAt int) diagnostic {
		d := diagnostic{
			Diagnostic: editor.Diagnostic{Range: editor.Range{Line: line, Col: 1, EndLine: line, EndCol: 4}, Severity: editor.Error, Code: "c", Message: message},
			From:       from, To: to,
		}
		if fixAt >= 0 {
			d.Fixes = []pageFix{{Title: "Fix it", Changes: []pageEdit{{From: fixAt, To: fixAt, Insert: "x"}}}}
		}
		return d
	}
	before := []diagnostic{finding(2, 5, 1, "early", -1), finding(40, 44, 3, "late", 50)}
	typed := move{from: 10, deleted: 0, inserted: 2} // two characters typed at 10
	for _, tc := range []struct {
		name  string
		after []diagnostic
		want  bool
	}{
		{"the later one moved, fix and all", []diagnostic{finding(2, 5, 1, "early", -1), finding(42, 46, 3, "late", 52)}, true},
		{"the later one did not move", []diagnostic{finding(2, 5, 1, "early", -1), finding(40, 44, 3, "late", 50)}, false},
		{"its fix did not move", []diagnostic{finding(2, 5, 1, "early", -1), finding(42, 46, 3, "late", 50)}, false},
		{"a message changed", []diagnostic{finding(2, 5, 1, "early", -1), finding(42, 46, 3, "later", 52)}, false},
		{"a line changed", []diagnostic{finding(2, 5, 1, "early", -1), finding(42, 46, 4, "late", 52)}, false},
		{"one more", []diagnostic{finding(2, 5, 1, "early", -1), finding(42, 46, 3, "late", 52), finding(60, 61, 5, "new", -1)}, false},
	} {
		if got := movedOnly(before, tc.after, typed); got != tc.want {
			t.Errorf("%s: movedOnly = %v, want %v", tc.name, got, tc.want)
		}
	}
	// A diagnostic at the edit, or inside what it deleted, has no single place to go.
	at := []diagnostic{finding(10, 12, 1, "at", -1)}
	if movedOnly(at, []diagnostic{finding(12, 14, 1, "at", -1)}, typed) || movedOnly(at, at, typed) {
		t.Error("a diagnostic starting at the edit counts as moved")
	}
	deleted := move{from: 8, deleted: 4, inserted: 0}
	if movedOnly([]diagnostic{finding(9, 20, 1, "in", -1)}, []diagnostic{finding(8, 16, 1, "in", -1)}, deleted) {
		t.Error("a diagnostic starting inside the deleted text counts as moved")
	}
	if !movedOnly([]diagnostic{finding(20, 30, 1, "past", -1)}, []diagnostic{finding(16, 26, 1, "past", -1)}, deleted) {
		t.Error("a diagnostic past the deleted text does not count as moved back by it")
	}
}
