//go:build js && wasm

package main

import (
	"testing"
)

const searchIndex = `{"config": {"lang": ["en"]}, "docs": [
	{"location": "", "title": "Home"},
	{"location": "patterns/circuit-breaker/", "title": "Circuit breaker"},
	{"location": "patterns/circuit-breaker/#usage", "title": "Usage"},
	{"location": "guides/", "title": "Guides"}]}`

func TestPortalResolvesMarkdownTargets(t *testing.T) {
	p, err := parseSearchIndex(searchIndex)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		page, anchor       string
		hasPage, hasAnchor bool
	}{
		{"patterns/circuit-breaker.md", "usage", true, true},
		{"patterns/circuit-breaker/index.md", "usage", true, true},
		{"patterns/circuit-breaker", "nope", true, false},
		{"patterns/retry.md", "", false, false},
		{"index.md", "", true, false},
		{"guides/index.md", "", true, false},
	} {
		if got := p.HasPage(tc.page); got != tc.hasPage {
			t.Errorf("HasPage(%q) = %v", tc.page, got)
		}
		if tc.anchor != "" && p.HasAnchor(tc.page, tc.anchor) != tc.hasAnchor {
			t.Errorf("HasAnchor(%q, %q) = %v", tc.page, tc.anchor, !tc.hasAnchor)
		}
	}
	if _, err := parseSearchIndex("not json"); err == nil {
		t.Error("a text that is not a search index should fail")
	}
}

func TestLinkTargetsAreRelativeToTheDraft(t *testing.T) {
	p, _ := parseSearchIndex(searchIndex)
	got := map[string]bool{}
	for _, lt := range p.linkTargets("case-studies/acme.md") {
		got[lt.Target] = true
	}
	for _, want := range []string{"../index.md", "../patterns/circuit-breaker.md", "../patterns/circuit-breaker.md#usage", "../guides.md"} {
		if !got[want] {
			t.Errorf("missing target %q in %v", want, got)
		}
	}
	if r := relativePath("patterns", "patterns/circuit-breaker.md"); r != "circuit-breaker.md" {
		t.Errorf("relativePath in the same directory = %q", r)
	}
}
