package render

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Snippet is a pymdownx.snippets inclusion: `--8<-- "file"` on one line, or a block of
// file names between two `--8<--` lines. The browser cannot read the files, so the
// preview shows the lines as written and the validator reports them (KindSnippet).
type Snippet struct {
	ast.BaseBlock
	// File is the first file named; Files all of them, in order.
	File  string
	Files []string
	block bool
}

// KindSnippet is the ast.NodeKind of Snippet.
var KindSnippet = ast.NewNodeKind("Snippet")

// Kind implements ast.Node.
func (n *Snippet) Kind() ast.NodeKind { return KindSnippet }

// IsRaw implements ast.Node: the lines are shown, not parsed.
func (n *Snippet) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Snippet) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"File": n.File}, nil)
}

var (
	snippetLine   = regexp.MustCompile(`^-+8<-+[ \t]+("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')$`)
	snippetMarker = regexp.MustCompile(`^-+8<-+[ \t]*$`)
)

type snippetParser struct{}

func (p *snippetParser) Trigger() []byte { return []byte{'-'} }

func (p *snippetParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line := restOfLine(reader, pc)
	if line == nil {
		return nil, parser.NoChildren
	}
	_, seg := reader.PeekLine()
	start := seg.Start + pc.BlockOffset()
	n := &Snippet{}
	n.Lines().Append(text.NewSegment(start, start+len(line)))
	switch {
	case snippetLine.Match(line):
		m := snippetLine.FindSubmatch(line)
		name := m[1][1 : len(m[1])-1]
		n.File = string(name)
		n.Files = []string{n.File}
	case snippetMarker.Match(line):
		n.block = true
	default:
		return nil, parser.NoChildren
	}
	reader.Advance(len(line))
	return n, parser.NoChildren
}

func (p *snippetParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*Snippet)
	line, seg := reader.PeekLine()
	if !n.block || util.IsBlank(line) {
		return parser.Close
	}
	trimmed := bytes.TrimSpace(line)
	n.Lines().Append(seg.TrimRightSpace(reader.Source()))
	reader.Advance(len(line) - 1)
	if snippetMarker.Match(trimmed) {
		n.block = false // the closing marker: the next line closes the block
		return parser.Continue | parser.NoChildren
	}
	// A line of nothing but spaces goldmark does not count as blank (a no-break space, a
	// vertical tab) names no file; a line starting with ';' is a file left out.
	if len(trimmed) > 0 && trimmed[0] != ';' {
		n.Files = append(n.Files, string(trimmed))
		if n.File == "" {
			n.File = string(trimmed)
		}
	}
	return parser.Continue | parser.NoChildren
}

func (p *snippetParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (p *snippetParser) CanInterruptParagraph() bool { return true }

func (p *snippetParser) CanAcceptIndentedLine() bool { return false }

type snippetRenderer struct{}

func (r *snippetRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSnippet, r.render)
}

func (r *snippetRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<p class="snippet">`)
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		if i > 0 {
			_ = w.WriteByte('\n')
		}
		seg := lines.At(i)
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(seg.Value(src), "\r\n")))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

type snippetsExtension struct{}

// Snippets recognises pymdownx.snippets lines and keeps them as text (see Snippet).
var Snippets goldmark.Extender = &snippetsExtension{}

func (e *snippetsExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(&snippetParser{}, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&snippetRenderer{}, 500)))
}
