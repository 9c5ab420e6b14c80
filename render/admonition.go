package render

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An Admonition is a `!!! kind "Title"` block (admonition) or, when Collapsible, a
// `??? kind "Title"` / `???+ kind "Title"` block (pymdownx.details). Its children are the
// body, parsed as Markdown.
type Admonition struct {
	ast.BaseBlock
	// Class is the admonition's type: its first class word, lower case (note, info,
	// warning, ...). The field cannot be called Kind or Type: ast.Node has those methods.
	Class string
	// Classes holds every class word, Class first (`!!! note inline end` has three).
	Classes []string
	// Title is the title shown: the quoted title when the source has one, otherwise the
	// type with a capital letter. It is empty for `!!! note ""`, which shows no title.
	Title string
	// HasTitle reports that the source wrote a quoted title (possibly empty).
	HasTitle bool
	// Collapsible marks a details block (`???`); Open marks `???+`.
	Collapsible bool
	Open        bool
}

// KindAdmonition is the ast.NodeKind of Admonition.
var KindAdmonition = ast.NewNodeKind("Admonition")

// Kind implements ast.Node.
func (n *Admonition) Kind() ast.NodeKind { return KindAdmonition }

// Dump implements ast.Node.
func (n *Admonition) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Class": n.Class, "Title": n.Title, "Collapsible": boolString(n.Collapsible), "Open": boolString(n.Open),
	}, nil)
}

// ShowsTitle reports whether the rendered block has a title line.
func (n *Admonition) ShowsTitle() bool { return n.Collapsible || n.Title != "" }

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// admonitionHeader matches the opening line after its marker, as Python-Markdown's
// admonition and pymdownx.details read it: class words, then an optional quoted title.
var admonitionHeader = regexp.MustCompile(`^ ?([\w\-]+(?: +[\w\-]+)*)?(?: +"(.*?)")? *$`)

type admonitionParser struct{}

func (p *admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

func (p *admonitionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line := restOfLine(reader, pc)
	n, ok := parseAdmonitionHeader(line)
	if !ok {
		return nil, parser.NoChildren
	}
	reader.Advance(len(line))
	return n, parser.HasChildren
}

// parseAdmonitionHeader reads `!!! kind "Title"`, `??? kind "Title"` or `???+ kind`.
func parseAdmonitionHeader(line []byte) (*Admonition, bool) {
	if len(line) < 3 {
		return nil, false
	}
	n := &Admonition{}
	switch {
	case line[0] == '!' && line[1] == '!' && line[2] == '!':
	case line[0] == '?' && line[1] == '?' && line[2] == '?':
		n.Collapsible = true
	default:
		return nil, false
	}
	rest := line[3:]
	if n.Collapsible && len(rest) > 0 && rest[0] == '+' {
		n.Open = true
		rest = rest[1:]
	}
	m := admonitionHeader.FindSubmatchIndex(rest)
	if m == nil {
		return nil, false
	}
	classes := ""
	if m[2] >= 0 {
		classes = strings.ToLower(string(rest[m[2]:m[3]]))
	}
	if classes == "" && (!n.Collapsible || m[4] < 0) {
		return nil, false // admonitions need a kind; details need a kind or a title
	}
	n.Classes = strings.Fields(classes)
	if len(n.Classes) > 0 {
		n.Class = n.Classes[0]
	}
	if m[4] >= 0 {
		n.HasTitle = true
		n.Title = string(rest[m[4]:m[5]])
	} else {
		n.Title = capitalize(n.Class)
	}
	return n, true
}

// capitalize mirrors Python's str.capitalize on ASCII words.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

func (p *admonitionParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return continueIndentedBody(reader)
}

func (p *admonitionParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (p *admonitionParser) CanInterruptParagraph() bool { return true }

func (p *admonitionParser) CanAcceptIndentedLine() bool { return false }

type admonitionRenderer struct{}

func (r *admonitionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAdmonition, r.render)
}

func (r *admonitionRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Admonition)
	class := strings.Join(n.Classes, " ")
	if n.Collapsible {
		if !entering {
			_, _ = w.WriteString("</details>\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<details class="`)
		writeEscaped(w, class)
		if n.Open {
			_, _ = w.WriteString(`" open="open">` + "\n<summary>")
		} else {
			_, _ = w.WriteString(`">` + "\n<summary>")
		}
		writeEscaped(w, n.Title)
		_, _ = w.WriteString("</summary>\n")
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="admonition `)
	writeEscaped(w, class)
	_, _ = w.WriteString("\">\n")
	if n.Title != "" {
		_, _ = w.WriteString(`<p class="admonition-title">`)
		writeEscaped(w, n.Title)
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// writeEscaped writes s escaped for HTML text and attribute values.
func writeEscaped(w util.BufWriter, s string) {
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
}

type admonitionExtension struct{}

// AdmonitionExtension adds admonitions (`!!!`) and collapsible details (`???`, `???+`).
var AdmonitionExtension goldmark.Extender = &admonitionExtension{}

func (e *admonitionExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(&admonitionParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&admonitionRenderer{}, 500)))
}
