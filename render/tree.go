package render

import (
	"reflect"

	"github.com/yuin/goldmark/ast"
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
func (d *Document) Nodes() []ast.Node {
	if d.nodes != nil {
		return d.nodes
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
	return nodes
}

// shiftTree moves every source position held by the nodes under n by delta bytes, for a
// chunk that moved in the document: a plain recursion, without ast.Walk's callbacks.
func shiftTree(n ast.Node, delta int) {
	if delta == 0 {
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		shiftNode(c, delta)
	}
}

func shiftNode(n ast.Node, delta int) {
	switch n := n.(type) {
	case *ast.Text:
		n.Segment = shiftSegment(n.Segment, delta) // its Pos is its segment's start
		return
	case *ast.RawHTML:
		shiftSegments(n.Segments, delta)
	case *ast.FencedCodeBlock:
		if n.Info != nil {
			n.Info.Segment = shiftSegment(n.Info.Segment, delta)
		}
	case *ast.HTMLBlock:
		if n.HasClosure() {
			n.ClosureLine = shiftSegment(n.ClosureLine, delta)
		}
	case *ast.AutoLink:
		if v := autoLinkValue(n); v != nil {
			v.Segment = shiftSegment(v.Segment, delta)
		}
	}
	if p := n.Pos(); p >= 0 {
		n.SetPos(p + delta)
	}
	if n.Type() == ast.TypeBlock {
		shiftSegments(n.Lines(), delta)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		shiftNode(c, delta)
	}
}

func shiftSegments(s *text.Segments, delta int) {
	if s == nil {
		return
	}
	for i := range s.Len() {
		s.Set(i, shiftSegment(s.At(i), delta))
	}
}

func shiftSegment(s text.Segment, delta int) text.Segment {
	s.Start += delta
	s.Stop += delta
	return s
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
