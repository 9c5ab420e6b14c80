package render

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestDialectHTML covers what the golden files cannot: features newer than Debian's
// PyMdown 9.5 and our own choices.
func TestDialectHTML(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"selected tab (===+, PyMdown 9.7+)", "=== \"A\"\n    a\n\n===+ \"B\"\n    b\n", `<input id="__tabbed_1_1" name="__tabbed_1" type="radio"><input checked="checked" id="__tabbed_1_2"`},
		{"new tab set (===!)", "=== \"A\"\n    a\n\n===! \"B\"\n    b\n", `data-tabs="2:1"`},
		{"tab label escaped", "=== \"<i>\"\n    a\n", `<label for="__tabbed_1_1">&lt;i&gt;</label>`},
		{"mermaid in a tab", "=== \"A\"\n    ```mermaid\n    graph TB\n    ```\n", `<pre class="mermaid"><code>graph TB</code></pre>`},
		{"math not emphasis", "$a*b*c$ and *x*\n", `<span class="arithmatex">\(a*b*c\)</span> and <em>x</em>`},
		{"dollar amounts stay text", "from $5 to $10\n", `<p>from $5 to $10</p>`},
		{"sup needs no space", "2^10 and 3^5 users\n", `<p>2^10 and 3^5 users</p>`},
		{"snippet kept as text", "--8<-- \"a.md\"\n", `<p class="snippet">--8&lt;-- &quot;a.md&quot;</p>`},
		{"attr list drops handlers", "text\n{: onclick=\"x\" .ok style=\"background:url(javascript:x)\" }\n", `<p class="ok">text</p>`},
		{"attr value escaped", "text\n{: title='a\"b<' }\n", `<p title="a&quot;b&lt;">text</p>`},
		{"unknown key stays text", "++foo++\n", `<p>++foo++</p>`},
		{"snippet block with a no-break space line", "--8<--\na.md\n\u00a0\nb.md\n--8<--\n", "<p class=\"snippet\">--8&lt;--\na.md\n\u00a0\nb.md\n--8&lt;--</p>"},
		{"abbr of invalid UTF-8 stays text", "*[\x95]: x\n\nfoo\n", "<p>*[\x95]: x</p>"},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.HTML([]byte(tt.src)); !strings.Contains(got, tt.want) {
				t.Errorf("HTML of %q\n got: %s\nwant: %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestSnippetNode(t *testing.T) {
	src := "Intro.\n\n--8<-- \"includes/abbr.md\"\n\n--8<--\nfirst.md\n;skipped.md\nsecond.md\n--8<--\n"
	var files [][]string
	lines := NewLineIndex([]byte(src))
	var at []int
	_ = ast.Walk(New().Parse([]byte(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*Snippet); ok && entering {
			files = append(files, s.Files)
			at = append(at, lines.Line(s.Lines().At(0).Start))
		}
		return ast.WalkContinue, nil
	})
	if len(files) != 2 || files[0][0] != "includes/abbr.md" || strings.Join(files[1], ",") != "first.md,second.md" {
		t.Fatalf("snippet files = %q", files)
	}
	if at[0] != 3 || at[1] != 5 {
		t.Errorf("snippet lines = %v, want [3 5]", at)
	}
}
