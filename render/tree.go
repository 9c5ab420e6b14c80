package render

import (
	"reflect"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// WithTree lends fn the syntax tree of the source last given to Update, so that a validator
// reads the parse the preview made instead of parsing the draft again.
//
// The tree is one ast.Document whose top-level blocks are the chunks' blocks, in order, with
// every position a byte offset into src, exactly as Parse(src) would give them. It is the
// chunks' own cached trees, lent: fn must not change it nor keep any node after it returns.
func (d *Document) WithTree(fn func(root ast.Node, src []byte)) {
	if d.whole != nil || len(d.chunks) == 0 {
		root := d.whole
		if root == nil {
			root = ast.NewDocument()
		}
		fn(root, d.src)
		return
	}
	root := ast.NewDocument()
	counts := make([]int, len(d.chunks))
	for i, c := range d.chunks {
		shiftTree(c.doc, d.spans[i].start)
		for n := c.doc.FirstChild(); n != nil; n = c.doc.FirstChild() {
			root.AppendChild(root, n) // moves n: AppendChild detaches it from c.doc
			counts[i]++
		}
	}
	defer func() {
		n := root.FirstChild()
		for i, c := range d.chunks {
			for range counts[i] {
				next := n.NextSibling()
				c.doc.AppendChild(c.doc, n)
				n = next
			}
			shiftTree(c.doc, -d.spans[i].start)
		}
	}()
	fn(root, d.src)
}

// shiftTree moves every source position held by the nodes under n by delta bytes. It runs
// twice per keystroke over the whole draft: a plain recursion, without ast.Walk's callbacks.
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
// (TestWithTreeMatchesParse would then fail on autolinks).
func autoLinkValue(n *ast.AutoLink) *ast.Text {
	f := reflect.ValueOf(n).Elem().FieldByName("value")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*ast.Text]() || f.IsNil() {
		return nil
	}
	return (*ast.Text)(f.UnsafePointer())
}
