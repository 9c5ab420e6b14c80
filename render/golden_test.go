package render

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "regenerate testdata/golden/*.html with Python-Markdown (generate.py)")

// deliberateDifferences are the golden cases where our HTML differs from Python-Markdown's
// on purpose, with the reason and what is removed from our side before comparing.
var deliberateDifferences = map[string]struct {
	why  string
	drop func(*html.Node) bool
}{
	"snippets": {
		why:  "the browser cannot read included files: the --8<-- line is kept as text (and reported by the validator) where the portal would include the file",
		drop: func(n *html.Node) bool { return n.Data == "p" && attrOf(n, "class") == "snippet" },
	},
}

// keyAttributes are compared; others (role, title of back links, rel) are presentation.
var keyAttributes = []string{"id", "class", "href", "src", "for", "name", "type", "checked", "open", "data-tabs", "target", "alt"}

func TestGolden(t *testing.T) {
	if *update {
		cmd := exec.Command("python3", "testdata/golden/generate.py")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("generate.py: %v\n%s", err, out)
		}
	}
	inputs, _ := filepath.Glob("testdata/golden/*.md")
	if len(inputs) < 19 {
		t.Fatalf("found %d golden inputs, want one per extension", len(inputs))
	}
	r := New()
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(in, ".md") + ".html")
			if err != nil {
				t.Fatal(err)
			}
			var drop func(*html.Node) bool
			if d, ok := deliberateDifferences[name]; ok {
				drop = d.drop
			}
			got := structure(t, r.HTML(src), drop)
			exp := structure(t, string(want), nil)
			if got != exp {
				t.Errorf("structure differs from Python-Markdown's\n--- ours\n%s\n--- Python-Markdown\n%s", got, exp)
			}
		})
	}
}

// structure lists the elements, key attributes and text of an HTML fragment, one per
// line, ignoring whitespace between and around text.
func structure(t *testing.T, fragment string, drop func(*html.Node) bool) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch n.Type {
		case html.TextNode:
			if s := strings.Join(strings.Fields(n.Data), " "); s != "" {
				b.WriteString(strings.Repeat("  ", depth) + "text " + s + "\n")
			}
			return
		case html.ElementNode:
			if drop != nil && drop(n) {
				return
			}
			b.WriteString(strings.Repeat("  ", depth) + n.Data)
			keys := keyAttributes
			if n.Data == "abbr" {
				keys = append(keys, "title") // the expansion is the point of an abbr
			}
			for _, k := range keys {
				if hasAttr(n, k) {
					b.WriteString(" " + k + "=" + strings.Join(strings.Fields(attrOf(n, k)), " "))
				}
			}
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	for _, n := range nodes {
		walk(n, 0)
	}
	return b.String()
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
