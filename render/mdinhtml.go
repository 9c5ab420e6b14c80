package render

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A MarkdownHTML is a raw HTML element whose opening tag has a `markdown` attribute
// (Python-Markdown's md_in_html): the element is kept, its content parsed as Markdown.
type MarkdownHTML struct {
	ast.BaseBlock
	// Tag is the element name, lower case; Attrs the raw attributes of the opening
	// tag without the markdown attribute.
	Tag   string
	Attrs string
	depth int
}

// KindMarkdownHTML is the ast.NodeKind of MarkdownHTML.
var KindMarkdownHTML = ast.NewNodeKind("MarkdownHTML")

// Kind implements ast.Node.
func (n *MarkdownHTML) Kind() ast.NodeKind { return KindMarkdownHTML }

// Dump implements ast.Node.
func (n *MarkdownHTML) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": n.Tag}, nil)
}

var (
	mdOpenTag  = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>$`)
	mdAttr     = regexp.MustCompile(`(^|\s)markdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?`)
	blockLevel = map[string]bool{
		"address": true, "article": true, "aside": true, "blockquote": true, "details": true,
		"dialog": true, "dd": true, "div": true, "dl": true, "dt": true, "fieldset": true,
		"figcaption": true, "figure": true, "footer": true, "form": true, "header": true,
		"hgroup": true, "li": true, "main": true, "nav": true, "ol": true, "p": true,
		"section": true, "summary": true, "table": true, "td": true, "th": true, "ul": true,
	}
)

// markdownHTMLOpen reads an opening tag line such as `<div class="x" markdown>` and
// returns the tag and the other attributes.
func markdownHTMLOpen(line []byte) (tag, attrs string, ok bool) {
	m := mdOpenTag.FindSubmatch(bytes.TrimSpace(line))
	if m == nil {
		return "", "", false
	}
	tag = strings.ToLower(string(m[1]))
	if !blockLevel[tag] || !mdAttr.Match(m[2]) {
		return "", "", false
	}
	attrs = strings.TrimRight(string(mdAttr.ReplaceAll(m[2], nil)), " \t/")
	return tag, attrs, true
}

// tagBalance counts the openings minus the closings of tag on one line.
func tagBalance(line []byte, tag string) int {
	lower := bytes.ToLower(line)
	open := []byte("<" + tag)
	n := 0
	for i := 0; i < len(lower); {
		j := bytes.Index(lower[i:], open)
		if j < 0 {
			break
		}
		k := i + j + len(open)
		if k == len(lower) || lower[k] == '>' || lower[k] == ' ' || lower[k] == '\t' || lower[k] == '/' || lower[k] == '\n' {
			n++
		}
		i = k
	}
	return n - bytes.Count(lower, []byte("</"+tag+">"))
}

type markdownHTMLParser struct{}

// maxMarkdownHTMLDepth bounds nesting: every open element reads every line, so thousands
// of unclosed `<div markdown>` would take quadratic time. Deeper ones stay raw HTML.
const maxMarkdownHTMLDepth = 16

func markdownHTMLDepth(n ast.Node) int {
	depth := 0
	for ; n != nil; n = n.Parent() {
		if n.Kind() == KindMarkdownHTML {
			depth++
		}
	}
	return depth
}

func (p *markdownHTMLParser) Trigger() []byte { return []byte{'<'} }

func (p *markdownHTMLParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line := restOfLine(reader, pc)
	tag, attrs, ok := markdownHTMLOpen(line)
	if !ok || markdownHTMLDepth(parent) >= maxMarkdownHTMLDepth {
		return nil, parser.NoChildren
	}
	reader.Advance(len(line))
	return &MarkdownHTML{Tag: tag, Attrs: attrs, depth: 1}, parser.HasChildren
}

func (p *markdownHTMLParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MarkdownHTML)
	line, _ := reader.PeekLine()
	balance := tagBalance(line, n.Tag)
	if bytes.Equal(bytes.ToLower(bytes.TrimSpace(line)), []byte("</"+n.Tag+">")) && n.depth+balance <= 0 {
		reader.Advance(len(line) - 1)
		return parser.Close
	}
	n.depth = max(n.depth+balance, 1)
	return parser.Continue | parser.HasChildren
}

func (p *markdownHTMLParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (p *markdownHTMLParser) CanInterruptParagraph() bool { return true }

func (p *markdownHTMLParser) CanAcceptIndentedLine() bool { return false }

type markdownHTMLRenderer struct{}

func (r *markdownHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMarkdownHTML, r.render)
}

// render writes the element around its content. Its attributes are raw HTML, like any
// other raw HTML of the dialect: the page sanitises.
func (r *markdownHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*MarkdownHTML)
	if entering {
		_, _ = w.WriteString("<" + n.Tag + n.Attrs + ">\n")
	} else {
		_, _ = w.WriteString("</" + n.Tag + ">\n")
	}
	return ast.WalkContinue, nil
}

type markdownHTMLExtension struct{}

// MarkdownInHTML adds Python-Markdown's md_in_html: `<div markdown>` … `</div>`.
var MarkdownInHTML goldmark.Extender = &markdownHTMLExtension{}

func (e *markdownHTMLExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(&markdownHTMLParser{}, 850)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&markdownHTMLRenderer{}, 500)))
}
