// Package render turns Markdown written in the portal's dialect (MkDocs Material with
// PyMdown Extensions) into the HTML the preview shows.
//
// The same parser serves the validator in package editor, so that the preview and the
// checks read one syntax tree.
package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Renderer parses and renders Markdown in the portal's dialect. It is safe for use by one
// goroutine at a time; create one per goroutine for parallel work.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer for the portal's dialect.
func New() *Renderer { return NewWith(Dialect()...) }

// NewWith returns a Renderer for CommonMark plus the given extensions; NewWith() is plain
// CommonMark, configured like New otherwise.
func NewWith(exts ...goldmark.Extender) *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(exts...),
		// Raw HTML is part of the dialect; the page sanitises everything it is given.
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)}
}

// Parse parses src into a syntax tree. Node positions are byte offsets into src.
// Headings carry their id attribute (see Slug).
func (r *Renderer) Parse(src []byte) ast.Node {
	return r.parse(src, parser.NewContext())
}

func (r *Renderer) parse(src []byte, pc parser.Context) ast.Node {
	return r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// RenderNode writes the HTML of n, a node of the tree that Parse made from src.
func (r *Renderer) RenderNode(buf *bytes.Buffer, src []byte, n ast.Node) error {
	return r.md.Renderer().Render(buf, src, n)
}

// HTML renders the whole of src.
func (r *Renderer) HTML(src []byte) string {
	var buf bytes.Buffer
	_ = r.RenderNode(&buf, src, r.Parse(src))
	return buf.String()
}
