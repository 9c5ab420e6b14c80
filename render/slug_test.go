package render

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"At a Glance", "at-a-glance"},
		{"Monitoring & Observability", "monitoring-observability"},
		{"Café & Co. (2024)", "cafe-co-2024"},
		{"[Company] [System Name] Architecture", "company-system-name-architecture"},
		{"  spaced   out  ", "spaced-out"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"🚀 Launch", "launch"},
		{"- leading and trailing -", "-leading-and-trailing-"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	src := "# Title\n\n## Title\n\n## Title\n\n## Mine {: #title_2 }\n\n## Title\n\n## !!!\n"
	want := []string{"title", "title_1", "title_3", "title_2", "title_4", "_1"}
	var got []string
	for n := New().Parse([]byte(src)).FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			id, _ := h.AttributeString("id")
			got = append(got, string(id.([]byte)))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("ids = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ids = %q, want %q (toc numbers duplicates _1, _2 and skips ids written in the source)", got, want)
			break
		}
	}
}
