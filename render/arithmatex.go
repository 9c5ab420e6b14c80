package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Math node is inline TeX, `$…$` (or `$$…$$` inside a paragraph), kept verbatim for a
// math renderer. Value is the TeX between the dollars.
type Math struct {
	ast.BaseInline
	Value   []byte
	Display bool
}

// A MathBlock is display TeX: a block from a `$$` line to a `$$` line. Its lines are the
// TeX.
type MathBlock struct {
	ast.BaseBlock
	closed bool
	// ownOpen and ownClose record `$$` alone on its line, which keeps a newline inside
	// the delimiters as arithmatex does.
	ownOpen, ownClose bool
}

var (
	// KindMath is the ast.NodeKind of Math.
	KindMath = ast.NewNodeKind("Math")
	// KindMathBlock is the ast.NodeKind of MathBlock.
	KindMathBlock = ast.NewNodeKind("MathBlock")
)

// Kind implements ast.Node.
func (n *Math) Kind() ast.NodeKind { return KindMath }

// Dump implements ast.Node.
func (n *Math) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Value": string(n.Value)}, nil)
}

// Kind implements ast.Node.
func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// IsRaw implements ast.Node: the lines are TeX, not Markdown.
func (n *MathBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MathBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type mathInlineParser struct{}

// maxInlineMath bounds the search for the closing dollar, so that a long line of dollars
// stays linear.
const maxInlineMath = 1024

func (p *mathInlineParser) Trigger() []byte { return []byte{'$'} }

// Parse follows arithmatex's inline rule: no space just inside the dollars, no digit
// right after the closing one (so "$5 and $10" stays text), backslash escapes skipped.
func (p *mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if block.PrecendingCharacter() == '\\' {
		return nil
	}
	open := 1
	if len(line) > 1 && line[1] == '$' {
		open = 2
	}
	if len(line) <= 2*open || isSpaceByte(line[open]) {
		return nil
	}
	for i := open; i < len(line) && i < maxInlineMath; i++ {
		switch line[i] {
		case '\\':
			i++
		case '$':
			if i+open > len(line) || !bytes.Equal(line[i:i+open], line[:open]) || isSpaceByte(line[i-1]) || i == open {
				if open == 1 {
					return nil
				}
				continue
			}
			if open == 1 && i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9' {
				return nil
			}
			n := &Math{Value: append([]byte(nil), line[open:i]...), Display: open == 2}
			block.Advance(i + open)
			return n
		case '\n':
			return nil
		}
	}
	return nil
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

type mathBlockParser struct{}

func (p *mathBlockParser) Trigger() []byte { return []byte{'$'} }

func (p *mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line := restOfLine(reader, pc)
	if len(line) < 2 || line[0] != '$' || line[1] != '$' {
		return nil, parser.NoChildren
	}
	_, seg := reader.PeekLine()
	start := seg.Start + pc.BlockOffset() + 2
	n := &MathBlock{}
	body := line[2:]
	if len(body) >= 2 && bytes.HasSuffix(body, []byte("$$")) {
		n.Lines().Append(text.NewSegment(start, start+len(body)-2))
		n.closed = true
	} else if len(bytes.TrimSpace(body)) > 0 {
		n.Lines().Append(text.NewSegment(start, start+len(body)))
	} else {
		n.ownOpen = true
	}
	reader.Advance(len(line))
	return n, parser.NoChildren
}

func (p *mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	line, seg := reader.PeekLine()
	if n.closed || util.IsBlank(line) {
		return parser.Close // arithmatex blocks end at a blank line, like Python-Markdown's
	}
	trimmed := util.TrimRightSpace(line)
	if bytes.HasSuffix(trimmed, []byte("$$")) {
		if len(trimmed) > 2 {
			n.Lines().Append(text.NewSegment(seg.Start, seg.Start+len(trimmed)-2))
		} else {
			n.ownClose = true
		}
		n.closed = true
		reader.Advance(len(line) - 1)
		return parser.Continue | parser.NoChildren
	}
	n.Lines().Append(seg)
	reader.Advance(len(line) - 1)
	return parser.Continue | parser.NoChildren
}

func (p *mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (p *mathBlockParser) CanInterruptParagraph() bool { return false }

func (p *mathBlockParser) CanAcceptIndentedLine() bool { return false }

type mathRenderer struct{}

func (r *mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMath, r.renderInline)
	reg.Register(KindMathBlock, r.renderBlock)
}

// Output is arithmatex's generic mode: \( \) and \[ \] delimiters that MathJax and
// KaTeX both read.
func (r *mathRenderer) renderInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*Math)
		open, close := `\(`, `\)`
		if n.Display {
			open, close = `\[`, `\]`
		}
		_, _ = w.WriteString(`<span class="arithmatex">` + open)
		_, _ = w.Write(util.EscapeHTML(n.Value))
		_, _ = w.WriteString(close + `</span>`)
	}
	return ast.WalkSkipChildren, nil
}

func (r *mathRenderer) renderBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*MathBlock)
	_, _ = w.WriteString(`<div class="arithmatex">\[`)
	if n.ownOpen {
		_ = w.WriteByte('\n')
	}
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		if i > 0 {
			_ = w.WriteByte('\n')
		}
		seg := lines.At(i)
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(seg.Value(src), "\r\n")))
	}
	if n.ownClose {
		_ = w.WriteByte('\n')
	}
	_, _ = w.WriteString(`\]</div>` + "\n")
	return ast.WalkSkipChildren, nil
}

type arithmatexExtension struct{}

// Arithmatex adds pymdownx.arithmatex (generic mode): $…$ and $$…$$ pass through intact,
// never read as emphasis, for a math renderer in the page.
var Arithmatex goldmark.Extender = &arithmatexExtension{}

func (e *arithmatexExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&mathBlockParser{}, 160)),
		parser.WithInlineParsers(util.Prioritized(&mathInlineParser{}, 90)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&mathRenderer{}, 500)))
}
