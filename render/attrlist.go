package render

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// attrListBody matches Python-Markdown attr_list's `{: ... }` (the colon is optional) and
// captures what is between the braces.
const attrListBody = `\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}`

var (
	// attrListLine is a paragraph's last line made only of an attribute list.
	attrListLine = regexp.MustCompile(`^[ ]*` + attrListBody + `[ ]*$`)
	// attrListInline is an attribute list right after an inline element.
	attrListInline = regexp.MustCompile(`^` + attrListBody)
	// attrListHeading is an attribute list ending a heading, after a space.
	attrListHeading = regexp.MustCompile(`^` + attrListBody + `[ ]*$`)
	// attrToken is one item of a list: key="v", key='v', key=v, #id, .class or key.
	attrToken   = regexp.MustCompile(`[^ =}"']+=(?:"[^"]*"|'[^']*'|[^ }]*)|[#.][^ }]+|[^ =}"']+`)
	attrNameRe  = regexp.MustCompile(`^[A-Za-z_:][-A-Za-z0-9_:.]*$`)
	scriptValue = regexp.MustCompile(`(?i)(javascript|vbscript|data)\s*:|expression\s*\(|url\s*\(`)
)

// An attr is one attribute set by an attribute list.
type attr struct{ name, value string }

// parseAttrList reads the inside of `{: ... }`. Event handlers (`on*`), attributes that
// load or link (href, src, srcdoc, ...) and values that could run script are dropped here,
// at the source, whatever sanitising comes later.
func parseAttrList(body []byte) []attr {
	var attrs []attr
	for _, tok := range attrToken.FindAll(body, -1) {
		var a attr
		switch tok[0] {
		case '#':
			a = attr{"id", string(tok[1:])}
		case '.':
			a = attr{"class", string(tok[1:])}
		default:
			name, value, found := strings.Cut(string(tok), "=")
			if !found {
				value = name
			}
			if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
				value = value[1 : len(value)-1]
			}
			a = attr{strings.ToLower(name), value}
		}
		if safeAttr(a) {
			attrs = append(attrs, a)
		}
	}
	return attrs
}

var urlAttrs = map[string]bool{
	"href": true, "src": true, "srcset": true, "srcdoc": true, "action": true, "formaction": true,
	"xlink:href": true, "poster": true, "background": true, "data": true, "codebase": true, "ping": true,
}

func safeAttr(a attr) bool {
	if !attrNameRe.MatchString(a.name) || strings.HasPrefix(a.name, "on") || urlAttrs[a.name] {
		return false
	}
	return !scriptValue.MatchString(a.value)
}

// applyAttrs sets attrs on n: classes add up, as in attr_list, everything else replaces.
func applyAttrs(n ast.Node, attrs []attr) {
	for _, a := range attrs {
		if a.name == "class" {
			if old, ok := n.AttributeString("class"); ok {
				if b, ok := old.([]byte); ok && len(b) > 0 {
					n.SetAttributeString("class", []byte(string(b)+" "+a.value))
					continue
				}
			}
		}
		n.SetAttributeString(a.name, []byte(a.value))
	}
}

// attrListParagraphTransformer applies a paragraph's last line `{: ... }` to the paragraph.
type attrListParagraphTransformer struct{}

func (t *attrListParagraphTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return // Python wants the list on a line of its own after the text
	}
	last := lines.At(lines.Len() - 1)
	m := attrListLine.FindSubmatch(bytes.TrimRight(last.Value(reader.Source()), "\r\n"))
	if m == nil {
		return
	}
	applyAttrs(node, parseAttrList(m[1]))
	lines.SetSliced(0, lines.Len()-1)
	prev := lines.At(lines.Len() - 1)
	lines.Set(lines.Len()-1, prev.TrimRightSpace(reader.Source()))
	node.SetLines(lines)
}

// attrListInlineParser reads `{: ... }` right after a link, image, code span or other
// inline element, and at the end of a heading.
type attrListInlineParser struct{}

func (p *attrListInlineParser) Trigger() []byte { return []byte{'{'} }

// maxAttrList bounds the search for the closing brace, so that a long line full of
// braces stays linear.
const maxAttrList = 512

func (p *attrListInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > maxAttrList {
		if i := bytes.IndexByte(line[:maxAttrList], '}'); i >= 0 {
			line = line[:i+1]
		} else {
			return nil
		}
	}
	prev := parent.LastChild()
	if prev == nil {
		return nil
	}
	if t, ok := prev.(*ast.Text); ok {
		// After text only a heading's trailing list counts, and it needs a space before.
		h, isHeading := parent.(*ast.Heading)
		if !isHeading || block.PrecendingCharacter() != ' ' {
			return nil
		}
		m := attrListHeading.FindSubmatch(bytes.TrimRight(line, "\r\n"))
		if m == nil {
			return nil
		}
		applyAttrs(h, parseAttrList(m[1]))
		t.Segment = t.Segment.TrimRightSpace(block.Source())
		return consumed(block, len(bytes.TrimRight(line, "\r\n")))
	}
	m := attrListInline.FindSubmatch(line)
	if m == nil {
		return nil
	}
	applyAttrs(prev, parseAttrList(m[1]))
	return consumed(block, len(m[0]))
}

// consumed advances past n bytes that render as nothing and returns an empty text node
// in their place: goldmark rewinds the reader when an inline parser returns nil.
func consumed(block text.Reader, n int) ast.Node {
	_, seg := block.PeekLine()
	block.Advance(n)
	return ast.NewTextSegment(text.NewSegment(seg.Start+n, seg.Start+n))
}

type attrListExtension struct{}

// AttrList adds Python-Markdown's attr_list for paragraphs, headings and inline elements.
var AttrList goldmark.Extender = &attrListExtension{}

func (e *attrListExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(&attrListParagraphTransformer{}, 150)),
		parser.WithInlineParsers(util.Prioritized(&attrListInlineParser{}, 600)),
	)
}
