package editor

import (
	"slices"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// walk visits the whole draft once for the rules that apply anywhere in it: placeholders,
// template text, YAML that must parse, and links. The sections' blocks were walked by
// checkSections (or not at all, when unchanged): their findings are reported here, in the
// draft's order, and the blocks outside any section are walked now (or not at all, when
// unchanged).
func (c *checker) walk() {
	c.sortFields()
	w := walker{heads: c.scratch.heads[:0], links: c.scratch.links[:0]}
	kept := c.scratch.keptBlocks
	if kept == nil && c.keeps {
		kept = map[ast.Node]*blockCheck{}
	}
	next := 0            // the next section, in the draft's order
	var in *draftSection // the section whose blocks come now
	member := 0          // the next of in's blocks
	for _, n := range c.blocks {
		if next < len(c.sections) && n == ast.Node(c.sections[next].heading) {
			in, member = c.sections[next], 0
			k := c.checked[next]
			c.diags = c.appendShifted(c.diags, k.found, in.from-k.from)
			w.links = append(w.links, k.links...)
			w.heads = append(w.heads, k.heads...)
			next++
			continue
		}
		if in != nil && member < len(in.nodes) && n == in.nodes[member] {
			member++
			continue
		}
		c.walkOutside(&w, n, kept)
	}
	rotate(&c.cache.blocks, &c.scratch.keptBlocks, kept)
	c.checkLinks(w.links, c.anchorsOf(w.heads))
	c.scratch.heads, c.scratch.links = w.heads[:0], w.links[:0]
}

// anchorsOf returns the ids of heads, the anchors a link within the draft may name. The set of
// the last check serves again while the ids are the same, as they are after most keystrokes.
func (c *checker) anchorsOf(heads []*ast.Heading) map[string]bool {
	b := c.scratch
	same, n := b.anchors != nil, 0
	for _, h := range heads {
		if id, ok := headingID(h); ok {
			same = same && n < len(b.anchorIDs) && b.anchorIDs[n] == string(id)
			n++
		}
	}
	if same && n == len(b.anchorIDs) {
		return b.anchors
	}
	if b.anchors == nil {
		b.anchors = make(map[string]bool, n)
	}
	clear(b.anchors)
	b.anchorIDs = b.anchorIDs[:0]
	for _, h := range heads {
		if id, ok := headingID(h); ok {
			s := string(id)
			b.anchorIDs = append(b.anchorIDs, s)
			b.anchors[s] = true
		}
	}
	return b.anchors
}

// headingID returns the id attribute of heading h.
func headingID(h *ast.Heading) ([]byte, bool) {
	if id, ok := h.AttributeString("id"); ok {
		s, ok := id.([]byte)
		return s, ok
	}
	return nil, false
}

func (c *checker) sortFields() {
	slices.SortFunc(c.fields, func(a, b fieldSpan) int { return a.from - b.from })
}

// A walker visits blocks for walk's rules and gathers their links and headings.
type walker struct {
	links []*ast.Link
	heads []*ast.Heading
	runs  [][2]int
}

// block applies walk's rules to the top-level block n and everything in it.
func (w *walker) block(c *checker, n ast.Node) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			w.heads = append(w.heads, n)
			w.runs, w.links = c.scanInline(n, w.runs[:0], w.links)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			c.templateText(n)
			w.runs, w.links = c.scanInline(n, w.runs[:0], w.links)
			return ast.WalkSkipChildren, nil
		case *east.TableCell:
			w.runs, w.links = c.scanInline(n, w.runs[:0], w.links)
			return ast.WalkSkipChildren, nil
		case *east.TableRow:
			c.templateText(n)
		case *ast.FencedCodeBlock:
			c.templateText(n)
			c.checkYAML(n)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// scanInline reports the placeholders in the plain text of an inline-bearing block and
// gathers its links. Text inside links, code and raw HTML is not the writer's prose.
func (c *checker) scanInline(block ast.Node, runs [][2]int, links []*ast.Link) ([][2]int, []*ast.Link) {
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, n)
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			if seg.Start < 0 || seg.Stop > len(c.src) || seg.Start >= seg.Stop {
				return ast.WalkContinue, nil
			}
			// Brackets and words split over several text nodes are one run of source.
			if k := len(runs) - 1; k >= 0 && runs[k][1] == seg.Start {
				runs[k][1] = seg.Stop
			} else {
				runs = append(runs, [2]int{seg.Start, seg.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	var buf [8]token
	for _, r := range runs {
		for _, tok := range findPlaceholders(c.src[r[0]:r[1]], r[0], buf[:0]) {
			label, sh := c.fieldAt(tok.from)
			c.report(tok.from, tok.to, Error, "placeholder", c.placeholderMessage(tok, label, sh))
		}
	}
	return runs, links
}

// fieldAt returns the label and shape of the value that holds offset off, if any.
func (c *checker) fieldAt(off int) (string, shape) {
	i, _ := slices.BinarySearchFunc(c.fields, off, func(f fieldSpan, off int) int {
		if f.from <= off {
			return -1
		}
		return 1
	})
	if i > 0 {
		if f := c.fields[i-1]; off < f.to || f.from == f.to && off == f.from {
			return f.label, f.shape
		}
	}
	return "", shapeNone
}

// textKey returns n's textKey, in storage kept for the next.
func (c *checker) textKey(n ast.Node) []byte {
	b := c.scratch
	b.textKey, b.textLines = appendTextKey(b.textKey[:0], b.textLines, n, c.src)
	return b.textKey
}

// templateText reports a paragraph, list item, table row or fenced block that is still the
// template's own text.
func (c *checker) templateText(n ast.Node) {
	if len(c.t.texts) == 0 || !c.t.textRunes[visibleRunes(n, c.src)] {
		return
	}
	kind := c.t.texts[string(c.textKey(n))]
	if kind == 0 {
		return
	}
	var from, to int
	switch n.(type) {
	case *east.TableRow:
		from, to = c.rowSpan(n)
	default:
		var ok bool
		if from, to, ok = blockSpan(n); !ok {
			return
		}
		for to > from && (c.src[to-1] == '\n' || c.src[to-1] == '\r') {
			to--
		}
	}
	what := "text"
	switch n.(type) {
	case *east.TableRow:
		what = "row"
	case *ast.FencedCodeBlock:
		what = "block"
	}
	if kind == instructionText {
		c.report(from, to, Error, "template-text",
			"This "+what+" is the template's instruction, not your case study: replace it with what it asks for.")
		return
	}
	c.report(from, to, Warning, "template-text",
		"This "+what+" is the template's example: replace it with your own system's.")
}
