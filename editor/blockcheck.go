package editor

import (
	"slices"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
)

// A blockCheck is what walk found in one top-level block outside every section: the title,
// and the admonitions and tab sets that close sections (a long draft has dozens, the same at
// most keystrokes). The same node is the same text, moved: its findings depend only on that
// text and on what lies around it in the draft, the section named in its placeholder messages
// and the fields that label its placeholders, which the check compares.
type blockCheck struct {
	pos      int          // the block's position when checked
	from, to int          // its span, relative to pos
	where    string       // the title of the section before it
	inside   bool         // whether there is a section before it
	fields   []fieldSpan  // the fields over its span, relative to pos
	found    []Diagnostic // at pos
	links    []*ast.Link  // checked with the whole draft's anchors at every check
	heads    []*ast.Heading
}

// walkOutside applies walk's rules to n, a top-level block outside every section, or takes
// the findings of the last check when n and what lies around it are the same. A check that
// is not kept (a fresh one) only walks.
func (c *checker) walkOutside(w *walker, n ast.Node, kept map[ast.Node]*blockCheck) {
	pos := n.Pos()
	if pos < 0 || !c.keeps {
		w.block(c, n)
		return
	}
	if k := c.cache.blocks[n]; k != nil && k.sameAround(c, pos) {
		kept[n] = k
		c.diags = c.appendShifted(c.diags, k.found, pos-k.pos)
		w.links = append(w.links, k.links...)
		w.heads = append(w.heads, k.heads...)
		return
	}
	diags, links, heads := len(c.diags), len(w.links), len(w.heads)
	w.block(c, n)
	start, end := render.Span(n, c.src)
	k := &blockCheck{pos: pos, from: start - pos, to: end - pos}
	if s := c.sectionAt(start); s != nil {
		k.where, k.inside = string(s.title), true
	}
	k.fields = c.appendFieldsOver(nil, start, end, pos)
	k.found = slices.Clone(c.diags[diags:])
	k.links = slices.Clone(w.links[links:])
	k.heads = slices.Clone(w.heads[heads:])
	if findingsWithin(k.found, start, end) {
		kept[n] = k
	}
}

// sameAround reports whether the block, now at pos, has the same section before it and the
// same fields over it as when k was found.
func (k *blockCheck) sameAround(c *checker, pos int) bool {
	start, end := pos+k.from, pos+k.to
	s := c.sectionAt(start)
	if (s != nil) != k.inside || s != nil && string(s.title) != k.where || c.sectionAt(max(end-1, start)) != s {
		return false // the placeholders' messages would name another section
	}
	var buf [4]fieldSpan
	return slices.Equal(c.appendFieldsOver(buf[:0], start, end, pos), k.fields)
}

// appendFieldsOver appends the fields that fieldAt may find for an offset in [from, to],
// relative to base. c.fields is sorted.
func (c *checker) appendFieldsOver(out []fieldSpan, from, to, base int) []fieldSpan {
	i, _ := slices.BinarySearchFunc(c.fields, from, func(f fieldSpan, off int) int {
		if f.from < off {
			return -1
		}
		return 1
	})
	if i > 0 && c.fields[i-1].to > from {
		i-- // begins before the span and reaches into it
	}
	for ; i < len(c.fields) && c.fields[i].from <= to; i++ {
		f := c.fields[i]
		f.from, f.to = f.from-base, f.to-base
		out = append(out, f)
	}
	return out
}
