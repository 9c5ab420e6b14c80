package render

import (
	"reflect"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Nodes returns the syntax tree of the source last given to Update as its top-level blocks,
// in order, with every position a byte offset into Source(), exactly as Parse would give
// them, so that a validator reads the parse the preview made instead of parsing the draft
// again. They are the chunks' own cached trees (kept at their place in the source): the
// caller must not change them. The blocks of different chunks are not siblings: iterate the
// slice, not NextSibling. A node met again after a later Update is the same block with the
// same text, moved (every position by the same amount) with its chunk; only heading ids,
// which are unique across the document, may have changed.
//
// The slice itself is valid until the next Update, which updates it in place: only the
// chunks an edit changed are listed again.
func (d *Document) Nodes() []ast.Node {
	if d.nodes != nil {
		return d.nodes[:len(d.nodes):len(d.nodes)] // a caller's append copies
	}
	nodes := make([]ast.Node, 0, len(d.blocks))
	if d.whole != nil {
		for n := d.whole.FirstChild(); n != nil; n = n.NextSibling() {
			nodes = append(nodes, n)
		}
	}
	for _, c := range d.chunks {
		for n := c.doc.FirstChild(); n != nil; n = n.NextSibling() {
			nodes = append(nodes, n)
		}
	}
	d.nodes = nodes
	return nodes[:len(nodes):len(nodes)]
}

// positions are the source positions held by the nodes under a chunk's root, gathered on
// the chunk's first move: every keystroke moves all the chunks after it, and a loop over
// pointers costs a fraction of a walk of the tree through interface calls.
type positions struct {
	nodes []ast.Node      // nodes with a position of their own (Pos), in tree order
	rel   []int           // each node's position less the chunk's offset
	segs  []*text.Segment // every segment: text, lines, raw HTML, fence info, closures
}

// collect adds the positions of the nodes under root, a tree at offset base.
func (p *positions) collect(root ast.Node, base int) {
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		p.collectNode(c, base)
	}
}

// reset empties p, keeping its storage, and lets go of the nodes.
func (p *positions) reset() {
	clear(p.nodes)
	clear(p.segs)
	p.nodes, p.rel, p.segs = p.nodes[:0], p.rel[:0], p.segs[:0]
}

func (p *positions) collectNode(n ast.Node, base int) {
	switch n := n.(type) {
	case *ast.Text:
		p.segs = append(p.segs, &n.Segment) // its Pos is its segment's start
		return
	case *ast.Paragraph, *ast.TextBlock, *ast.LinkReferenceDefinition, *extast.DefinitionTerm, *extast.DefinitionList:
		// Pos is read from the lines (or the first child): not a position of its own.
	case *ast.RawHTML:
		p.addSegments(n.Segments)
	case *ast.FencedCodeBlock:
		if n.Info != nil {
			p.segs = append(p.segs, &n.Info.Segment)
		}
	case *ast.HTMLBlock:
		if n.HasClosure() {
			p.segs = append(p.segs, &n.ClosureLine)
		}
	case *ast.AutoLink:
		if v := autoLinkValue(n); v != nil {
			p.segs = append(p.segs, &v.Segment)
		}
	}
	if pos := n.Pos(); pos >= 0 {
		p.nodes = append(p.nodes, n)
		p.rel = append(p.rel, pos-base)
	}
	if n.Type() == ast.TypeBlock {
		p.addSegments(n.Lines())
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.collectNode(c, base)
	}
}

func (p *positions) addSegments(s *text.Segments) {
	if s == nil {
		return
	}
	values := s.Sliced(0, s.Len()) // the segments' own storage
	for i := range values {
		p.segs = append(p.segs, &values[i])
	}
}

// shift moves every position by delta bytes, the chunk's offset becoming base.
func (p *positions) shift(delta, base int) {
	for i, n := range p.nodes {
		n.SetPos(p.rel[i] + base)
	}
	for _, s := range p.segs {
		s.Start += delta
		s.Stop += delta
	}
}

// autoLinkValue returns the text node that holds an autolink's address, which goldmark
// keeps in an unexported field and out of the tree; nil if goldmark stops keeping it there
// (TestNodesMatchParse would then fail on autolinks).
func autoLinkValue(n *ast.AutoLink) *ast.Text {
	f := reflect.ValueOf(n).Elem().FieldByName("value")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*ast.Text]() || f.IsNil() {
		return nil
	}
	return (*ast.Text)(f.UnsafePointer())
}
