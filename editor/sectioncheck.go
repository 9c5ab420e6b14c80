package editor

import (
	"slices"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
)

// A sectionCheck is what one section of the draft (its heading and its own blocks, up to the
// next heading) was found to have: the findings of its rules and of the walk over its blocks,
// its slots, its links and headings. A section's findings depend on nothing outside it but
// its rule and the day, so a section whose blocks are the same nodes as at the last check, at
// the same places relative to its heading, gives the same findings moved with it.
type sectionCheck struct {
	title   string         // its heading's text
	key     string         // its heading's folded title
	rule    int            // the template section it was checked as, -1 for none
	nodes   []nodeAt       // its heading and blocks, where they were
	bodyEnd int            // the end of its body, relative to its start
	last    byte           // the byte before bodyEnd, which an inserted section starts after
	from    int            // the start of its heading's line when checked
	rules   []Diagnostic   // from the section's rules, at from
	found   []Diagnostic   // from the walk over its blocks, at from
	slots   []slot         // at from
	links   []*ast.Link    // checked with the whole draft's anchors at every check
	heads   []*ast.Heading // whose ids are the draft's anchors
	movable bool           // every finding lies in the section: it can be moved with it
}

// A nodeAt is a block and its position relative to its section's start.
type nodeAt struct {
	node ast.Node
	pos  int
}

// sameAs reports whether s would be checked now as it was for k.
func (k *sectionCheck) sameAs(c *checker, s *draftSection) bool {
	if !k.movable || k.rule != s.matched || k.bodyEnd != s.bodyEnd-s.from || k.last != c.byteBefore(s.bodyEnd) ||
		len(k.nodes) != len(s.nodes)+1 || k.nodes[0] != (nodeAt{s.heading, s.heading.Pos() - s.from}) {
		return false
	}
	for i, n := range s.nodes {
		if k.nodes[i+1] != (nodeAt{n, n.Pos() - s.from}) {
			return false
		}
	}
	return true
}

func (c *checker) byteBefore(off int) byte {
	if off <= 0 || off > len(c.src) {
		return 0
	}
	return c.src[off-1]
}

// sectionCache keeps the sectionChecks of one draft from one check to the next, by heading,
// the blockChecks of the blocks between sections, and the admonitions read from the draft.
type sectionCache struct {
	day      string // the day the findings were made on: dates are judged against it
	sections map[*ast.Heading]*sectionCheck
	blocks   map[ast.Node]*blockCheck // the blocks outside every section, by node
	closings map[*render.Admonition]placedClosing
}

// checkSections checks every section of the draft, reusing the findings of the sections that
// did not change since the last check with the same cache. The findings of the rules are
// reported here, in the template's order as before; the walk's are reported by walk.
func (c *checker) checkSections() {
	day := c.today.UTC().Format("2006-01-02")
	if c.cache.day != day || c.cache.sections == nil {
		c.cache.day, c.cache.sections, c.cache.blocks = day, map[*ast.Heading]*sectionCheck{}, nil
	}
	kept := c.scratch.kept
	if kept == nil {
		kept = make(map[*ast.Heading]*sectionCheck, len(c.sections))
	}
	c.checked = slices.Grow(c.checked[:0], len(c.sections))[:len(c.sections)]
	for d, s := range c.sections {
		k := c.cache.sections[s.heading]
		if k == nil || !k.sameAs(c, s) {
			k = c.checkSection(d)
		}
		c.checked[d] = k
		kept[s.heading] = k
		for _, sl := range k.slots {
			sl.from, sl.to = sl.from+s.from-k.from, sl.to+s.from-k.from
			c.slots = append(c.slots, sl)
		}
	}
	rotate(&c.cache.sections, &c.scratch.kept, kept)
	for _, d := range c.match {
		if d >= 0 {
			c.diags = c.appendShifted(c.diags, c.checked[d].rules, c.sections[d].from-c.checked[d].from)
		}
	}
}

// checkSection applies the rule of section d, if it matched one, and walks its blocks, with
// findings, slots and fields of its own.
func (c *checker) checkSection(d int) *sectionCheck {
	s := c.sections[d]
	diags, slots, fields := c.diags, c.slots, c.fields
	c.diags, c.slots, c.fields = nil, nil, nil
	defer func() { c.diags, c.slots, c.fields = diags, slots, fields }()

	k := &sectionCheck{title: string(s.title), key: s.key, rule: s.matched, bodyEnd: s.bodyEnd - s.from, last: c.byteBefore(s.bodyEnd), from: s.from}
	k.nodes = append(make([]nodeAt, 0, len(s.nodes)+1), nodeAt{s.heading, s.heading.Pos() - s.from})
	for _, n := range s.nodes {
		k.nodes = append(k.nodes, nodeAt{n, n.Pos() - s.from})
	}
	if s.matched >= 0 {
		c.applyRule(c.t.sections[s.matched], s)
	}
	k.rules, c.diags = c.diags, nil
	c.sortFields()
	var w walker
	w.block(c, s.heading)
	for _, n := range s.nodes {
		w.block(c, n)
	}
	k.found, k.slots, k.links, k.heads = c.diags, c.slots, w.links, w.heads
	// Findings outside the section, or on a heading without text (placed at 0), are not the
	// section's own: the section is checked again next time.
	end := len(c.src)
	if d+1 < len(c.sections) {
		end = c.sections[d+1].from
	}
	k.movable = s.heading.Lines().Len() > 0 && k.within(s.from, max(end, s.bodyEnd))
	return k
}

// within reports whether every offset k holds lies in [from, to].
func (k *sectionCheck) within(from, to int) bool {
	if !findingsWithin(k.rules, from, to) || !findingsWithin(k.found, from, to) {
		return false
	}
	for _, sl := range k.slots {
		if sl.from < from || sl.from > to || sl.to < from || sl.to > to {
			return false
		}
	}
	return true
}

// findingsWithin reports whether every offset of diags, their fixes' edits included, lies in
// [from, to], where appendShifted can move them with what they were found in.
func findingsWithin(diags []Diagnostic, from, to int) bool {
	in := func(off int) bool { return off >= from && off <= to }
	for _, d := range diags {
		if !in(d.From) || !in(d.To) {
			return false
		}
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				if !in(e.From) || !in(e.To) {
					return false
				}
			}
		}
	}
	return true
}

// rotate makes kept, the map a check filled, the cache's for the next check, and hands the
// cache's last map to spare, emptied, for the next check to fill: neither is made again.
func rotate[K comparable, V any](cache, spare *map[K]V, kept map[K]V) {
	clear(*cache)
	*cache, *spare = kept, *cache
}

// appendShifted appends diags to out with every range moved by delta bytes, lines and columns
// found again. Fixes whose edits land where they were are shared with diags, not copied: a
// section that did not move, or moved by whole lines within them, makes no garbage.
func (c *checker) appendShifted(out, diags []Diagnostic, delta int) []Diagnostic {
	for _, d := range diags {
		d.Range = c.rangeOf(d.From+delta, d.To+delta)
		if c.fixesMove(d.Fixes, delta) {
			fixes := make([]Fix, len(d.Fixes))
			for j, f := range d.Fixes {
				edits := make([]TextEdit, len(f.Edits))
				for k, e := range f.Edits {
					edits[k] = TextEdit{Range: c.rangeOf(e.From+delta, e.To+delta), NewText: e.NewText}
				}
				fixes[j] = Fix{Title: f.Title, Edits: edits}
			}
			d.Fixes = fixes
		}
		out = append(out, d)
	}
	return out
}

// fixesMove reports whether moving the edits of fixes by delta bytes changes any range.
func (c *checker) fixesMove(fixes []Fix, delta int) bool {
	for _, f := range fixes {
		for _, e := range f.Edits {
			if c.rangeOf(e.From+delta, e.To+delta) != e.Range {
				return true
			}
		}
	}
	return false
}
