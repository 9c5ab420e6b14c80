package editor

import (
	"bytes"
	"fmt"
	"regexp"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The closing admonition may be raw HTML, as the default template writes it.
var (
	htmlAdmonition      = regexp.MustCompile(`class\s*=\s*["'][^"']*\badmonition\b`)
	htmlAdmonitionTitle = regexp.MustCompile(`class\s*=\s*["'][^"']*\badmonition-title\b[^>]*>\s*([^<]*?)\s*<`)
)

// A draftClosing is a top-level admonition of the draft: its title and the lines that hold
// its "**Label**: value" fields.
type draftClosing struct {
	node     ast.Node
	key      string
	title    string
	from     int
	titleEnd int
	lines    []text.Segment // the lines of a raw HTML admonition; see fields
	html     bool           // fields in raw HTML are out of the Markdown walk's reach
}

// closingAt returns the admonition that n, a top-level block, is, or nil. An admonition
// written in Markdown is read once by a kept check: the same node at the next check is the
// same text, moved.
func (c *checker) closingAt(n ast.Node) *draftClosing {
	a, ok := n.(*render.Admonition)
	if !ok || a.Pos() < 0 || !c.keeps {
		return closingNode(n, c.src)
	}
	if c.scratch.keptClosings == nil {
		c.scratch.keptClosings = map[*render.Admonition]placedClosing{}
	}
	pos := a.Pos()
	p, ok := c.cache.closings[a]
	if !ok {
		cl := closingNode(n, c.src)
		p = placedClosing{cl, cl.from - pos, cl.titleEnd - pos}
	}
	p.closing.from, p.closing.titleEnd = pos+p.from, pos+p.titleEnd
	c.scratch.keptClosings[a] = p
	return p.closing
}

// A placedClosing is an admonition read from the draft, with its offsets relative to its
// node's position, which move with it.
type placedClosing struct {
	closing        *draftClosing
	from, titleEnd int
}

// closingNode reads an admonition, written as raw HTML or as "!!! kind "Title"", from block n.
func closingNode(n ast.Node, src []byte) *draftClosing {
	if cl := markdownAdmonition(n, src); cl != nil {
		return cl
	}
	h, ok := n.(*ast.HTMLBlock)
	if !ok {
		return nil
	}
	lines := h.Lines()
	if lines.Len() == 0 {
		return nil
	}
	first := lines.At(0)
	if !htmlAdmonition.Match(src[first.Start:first.Stop]) {
		return nil
	}
	cl := &draftClosing{node: n, from: first.Start, titleEnd: first.Stop, html: true}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		cl.lines = append(cl.lines, seg)
		if cl.title == "" {
			if m := htmlAdmonitionTitle.FindSubmatchIndex(src[seg.Start:seg.Stop]); m != nil {
				cl.title = string(src[seg.Start+m[2] : seg.Start+m[3]])
				cl.titleEnd = seg.Stop
			}
		}
	}
	if h.HasClosure() {
		cl.lines = append(cl.lines, h.ClosureLine)
	}
	cl.key = foldTitle(cl.title)
	return cl
}

// foldedTitles remembers the folded titles of admonitions: a long draft has dozens, the same
// at every keystroke.
var foldedTitles = newMemo[string, string](1024)

func foldTitle(title string) string {
	return foldedTitles.get(title, func() string { return foldKey([]byte(title)) })
}

// fields returns the "**Label**: value" lines of the admonition, in order.
func (cl *draftClosing) fields(src []byte) []labelledItem {
	lines := cl.lines
	if !cl.html {
		lines = paragraphLines(cl.node)
	}
	var out []labelledItem
	for _, seg := range lines {
		line := bytes.TrimRight(src[seg.Start:seg.Stop], "\r\n")
		// One HTML line may carry the paragraph's opening tag before its first field.
		base := seg.Start
		if i := bytes.Index(line, []byte("<p>")); i >= 0 {
			line, base = line[i+3:], base+i+3
		}
		if it, ok := labelledAt(line, base); ok {
			out = append(out, it)
		}
	}
	return out
}

// markdownAdmonition reads an admonition written "!!! info "Title"" with an indented body.
func markdownAdmonition(n ast.Node, src []byte) *draftClosing {
	a, ok := n.(*render.Admonition)
	if !ok {
		return nil
	}
	start, _ := render.Span(n, src)
	// Its lines are read when its fields are: most admonitions are not the closing one.
	return &draftClosing{node: n, title: a.Title, key: foldTitle(a.Title), from: start, titleEnd: lineEnd(src, start)}
}

// paragraphLines returns the lines of the paragraphs within n.
func paragraphLines(n ast.Node) []text.Segment {
	var out []text.Segment
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if entering {
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					out = append(out, lines.At(i))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// checkClosings checks that the draft ends with each admonition the template ends with, and
// that every field of it is filled with a value of the right shape.
func (c *checker) checkClosings() {
	for k, rule := range c.t.closings {
		owner := 1 + len(c.t.sections) + k
		var got *draftClosing
		for _, cl := range c.closings {
			if cl.key == rule.key {
				got = cl
				break
			}
		}
		if got == nil {
			at := len(c.src)
			c.report(at, at, Error, "missing-block",
				fmt.Sprintf("The closing '%s' box is missing: add it at the end, as the template's HTML or as !!! info \"%s\".", rule.title, rule.title),
				Fix{Title: fmt.Sprintf("Add the '%s' box", rule.title), Edits: []TextEdit{c.insert(at, rule.source)}})
			continue
		}
		fields := map[string]labelledItem{}
		for _, it := range got.fields(c.src) {
			if _, seen := fields[it.key]; !seen {
				fields[it.key] = it
			}
		}
		for _, want := range rule.fields {
			it, ok := fields[want.key]
			if !ok {
				c.report(got.from, got.titleEnd, Error, "missing-item",
					fmt.Sprintf("The '%s' box has no '%s' field: add it with its value.", rule.title, want.field.label))
				continue
			}
			c.addSlot(owner, it.from, it.to, true)
			if it.valueFrom == it.value {
				c.report(it.from, it.to, Error, "missing-item",
					fmt.Sprintf("'%s' has no value: write it after the colon.", want.field.label))
				continue
			}
			value := c.src[it.valueFrom:it.value]
			if got.html {
				c.reportPlaceholders(value, it.valueFrom, want.field.label, want.field.shape)
			} else {
				c.fields = append(c.fields, fieldSpan{from: it.valueFrom, to: it.value, label: want.field.label, shape: want.field.shape})
			}
			c.checkValue(want.field, "", value, it.valueFrom, it.value, false)
		}
	}
}

// reportPlaceholders reports the placeholders in value, which begins at offset base and is the
// value of the field label (empty when it is no field's).
func (c *checker) reportPlaceholders(value []byte, base int, label string, sh shape) {
	var buf [8]token
	for _, tok := range findPlaceholders(value, base, buf[:0]) {
		c.report(tok.from, tok.to, Error, "placeholder", c.placeholderMessage(tok, label, sh))
	}
}

// placeholderMessage tells the writer what to put in place of a placeholder.
func (c *checker) placeholderMessage(tok token, label string, sh shape) string {
	hint := placeholderHint(tok.text)
	if sh != shapeNone && tok.text[0] != '[' && !choiceToken.MatchString(tok.text) {
		hint = sh.hint()
	}
	switch label {
	case "":
		where := ""
		if s := c.sectionAt(tok.from); s != nil {
			where = fmt.Sprintf(" in '%s'", s.title)
		}
		return fmt.Sprintf("'%s'%s is still a placeholder: %s.", tok.text, where, hint)
	case "title":
		return fmt.Sprintf("The title still holds the placeholder '%s': write the real name.", tok.text)
	}
	return fmt.Sprintf("The %s value is still the placeholder '%s': %s.", label, tok.text, hint)
}
