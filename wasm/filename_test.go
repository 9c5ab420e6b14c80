//go:build js && wasm

package main

import "testing"

func TestFileNameFollowsTheTitle(t *testing.T) {
	for _, tc := range []struct{ title, file string }{
		{"Acme Payments Architecture", "acme-payments-architecture.md"},
		{"[Company] [System Name] Architecture", "company-system-name-architecture.md"},
		{"Zürich Über-Cache", "zürich-über-cache.md"},
		{"  Spaced   out  ", "spaced-out.md"},
		{"!!!", "case-study.md"},
	} {
		if got := fileNameOf(tc.title); got != tc.file {
			t.Errorf("fileNameOf(%q) = %q, want %q", tc.title, got, tc.file)
		}
	}
}
