package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A textMatch is a byte range [start, end) of a Text node's value to replace by a node.
type textMatch struct {
	start, end int
	node       ast.Node
}

// replaceInText splits t around matches (sorted, not overlapping) and puts each match's
// node in its place. Line-break flags stay on the last piece of the original text.
func replaceInText(t *ast.Text, matches []textMatch) {
	parent := t.Parent()
	if parent == nil || len(matches) == 0 {
		return
	}
	seg := t.Segment
	soft, hard := t.SoftLineBreak(), t.HardLineBreak()
	pos := 0
	var last ast.Node
	for _, m := range matches {
		if m.start > pos {
			piece := ast.NewTextSegment(text.NewSegment(seg.Start+pos, seg.Start+m.start))
			parent.InsertBefore(parent, t, piece)
		}
		parent.InsertBefore(parent, t, m.node)
		last = m.node
		pos = m.end
	}
	if pos < seg.Len() {
		piece := ast.NewTextSegment(text.NewSegment(seg.Start+pos, seg.Stop))
		parent.InsertBefore(parent, t, piece)
		last = piece
	}
	if soft || hard {
		if lt, ok := last.(*ast.Text); ok {
			lt.SetSoftLineBreak(soft)
			lt.SetHardLineBreak(hard)
		} else {
			br := ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
			br.SetSoftLineBreak(soft)
			br.SetHardLineBreak(hard)
			parent.InsertBefore(parent, t, br)
		}
	}
	parent.RemoveChild(parent, t)
}

// textNodes lists the Text nodes under n that hold prose: not those in code spans or
// raw text.
func textNodes(n ast.Node) []*ast.Text {
	var out []*ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !c.IsRaw() {
				out = append(out, c)
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}
