package render

import (
	"bytes"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// treeDump writes what a validator can read of a tree: kinds, attributes and every source
// position, with the text they point at.
func treeDump(root ast.Node, src []byte) string {
	var b strings.Builder
	seg := func(s text.Segment) {
		fmt.Fprintf(&b, " [%d:%d+%d %q]", s.Start, s.Stop, s.Padding, s.Value(src))
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "\n%s pos=%d", n.Kind(), n.Pos())
		for _, a := range n.Attributes() {
			fmt.Fprintf(&b, " %s=%s", a.Name, a.Value)
		}
		if n.Type() == ast.TypeBlock {
			for i := range n.Lines().Len() {
				seg(n.Lines().At(i))
			}
		}
		switch n := n.(type) {
		case *ast.Text:
			seg(n.Segment)
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg(n.Segments.At(i))
			}
		case *ast.FencedCodeBlock:
			if n.Info != nil {
				seg(n.Info.Segment)
			}
		case *ast.HTMLBlock:
			if n.HasClosure() {
				seg(n.ClosureLine)
			}
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %q %q", n.URL(src), n.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func checkTree(t *testing.T, d *Document, src []byte, what string) {
	t.Helper()
	fresh := d.r.Parse(src)
	// Rendering sets attributes on some nodes (goldmark's table cells get their alignment
	// style), and the chunks' trees have been rendered.
	var sink bytes.Buffer
	_ = d.r.RenderNode(&sink, src, fresh)
	var want, got strings.Builder
	for n := fresh.FirstChild(); n != nil; n = n.NextSibling() {
		want.WriteString(treeDump(n, src))
	}
	for _, n := range d.Nodes() {
		got.WriteString(treeDump(n, d.Source()))
	}
	if string(d.Source()) != string(src) {
		t.Fatalf("%s: the document holds another source", what)
	}
	if got.String() != want.String() {
		t.Fatalf("%s: the document's tree differs from a parse of the whole source\nsource:\n%s\n%s", what, src, firstDifference(got.String(), want.String()))
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\ngot:  %s\nwant: %s", i, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

func TestNodesMatchParse(t *testing.T) {
	iterations := 150
	if testing.Short() {
		iterations = 30
	}
	docs := corpus(t)
	docs["autolinks"] = []byte("# Links\n\nSee https://example.com and <https://go.dev>.\n\nMail me@example.com.\n\n<!-- note -->\n\n```go\nx\n```\n")
	for name, doc := range docs {
		t.Run(filepath.Base(name), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(len(doc))))
			d := NewDocument(New())
			src := doc
			d.Update(src)
			checkTree(t, d, src, "first parse")
			for i := range iterations {
				src = randomEdit(rng, src)
				d.Update(src)
				checkTree(t, d, src, fmt.Sprintf("edit %d", i))
				checkSame(t, d, src, fmt.Sprintf("edit %d, render after reading the tree", i))
			}
		})
	}
}
