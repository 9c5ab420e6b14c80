package render

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestAdmonitionNode(t *testing.T) {
	tests := []struct {
		src                         string
		class, title                string
		hasTitle, collapsible, open bool
		children                    int
	}{
		{"!!! note\n    body\n", "note", "Note", false, false, false, 1},
		{"!!! info \"About This Case Study\"\n    a\n\n    b\n", "info", "About This Case Study", true, false, false, 2},
		{"!!! warning \"\"\n    x\n", "warning", "", true, false, false, 1},
		{"!!! Danger inline end \"T\"\n    x\n", "danger", "T", true, false, false, 1},
		{"??? tip\n    x\n", "tip", "Tip", false, true, false, 1},
		{"???+ bug \"Open\"\n    x\n", "bug", "Open", true, true, true, 1},
		{"!!! note\n    ```mermaid\n    graph TB\n    ```\n", "note", "Note", false, false, false, 1},
	}
	r := New()
	for _, tt := range tests {
		doc := r.Parse([]byte(tt.src))
		a, ok := doc.FirstChild().(*Admonition)
		if !ok {
			t.Errorf("%q: first block is %T, want *Admonition", tt.src, doc.FirstChild())
			continue
		}
		if a.Class != tt.class || a.Title != tt.title || a.HasTitle != tt.hasTitle || a.Collapsible != tt.collapsible || a.Open != tt.open || a.ChildCount() != tt.children {
			t.Errorf("%q: got %+v children %d", tt.src, *a, a.ChildCount())
		}
		if a.Kind() != KindAdmonition {
			t.Errorf("%q: kind %v", tt.src, a.Kind())
		}
	}
}

func TestAdmonitionNotRecognised(t *testing.T) {
	for _, src := range []string{"!!!\n    x\n", "!! note\n", "!!!note \"x\" y\n", "    !!! note\n"} {
		found := false
		_ = ast.Walk(New().Parse([]byte(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			found = found || n.Kind() == KindAdmonition
			return ast.WalkContinue, nil
		})
		if found {
			t.Errorf("%q parsed as an admonition", src)
		}
	}
}

func TestAdmonitionTitleEscaped(t *testing.T) {
	got := New().HTML([]byte("!!! note \"<b onclick=x>&\"\n    x\n"))
	if !strings.Contains(got, `<p class="admonition-title">&lt;b onclick=x&gt;&amp;</p>`) {
		t.Errorf("title not escaped: %s", got)
	}
}
