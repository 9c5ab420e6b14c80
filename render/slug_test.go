package render

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
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

// The fold table agrees with NFKD for every character: regenerate it (go run
// ./render/internal/foldgen) when golang.org/x/text moves to a new Unicode version.
func TestFoldToASCIIMatchesNFKD(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r) + "x"
		var want []byte
		for _, c := range []byte(norm.NFKD.String(s)) {
			if c < utf8.RuneSelf {
				want = append(want, c)
			}
		}
		if got := foldToASCII(s); got != string(want) {
			t.Fatalf("foldToASCII(%U) = %q, want %q", r, got, want)
		}
	}
}

func TestSlugFoldsCompatibilityCharacters(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ｆｕｌｌｗｉｄｔｈ Ｔｉｔｌｅ", "fullwidth-title"},
		{"ﬁnal ½ step", "final-12-step"},
		{"Straße ① Zürich", "strae-1-zurich"},
		{"Ǆemal\u0301 x²", "dzemal-x2"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
