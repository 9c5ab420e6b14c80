package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An InlineMarkup is text wrapped by PyMdown's paired markers: <mark>, <del>, <sub>,
// <ins> or <sup>.
type InlineMarkup struct {
	ast.BaseInline
	// Tag is the HTML element: mark, del, sub, ins or sup.
	Tag string
	// Marker is the source marker, such as "==" or "~", kept to undo a match that
	// PyMdown would not make.
	Marker string
}

// KindInlineMarkup is the ast.NodeKind of InlineMarkup.
var KindInlineMarkup = ast.NewNodeKind("InlineMarkup")

// Kind implements ast.Node.
func (n *InlineMarkup) Kind() ast.NodeKind { return KindInlineMarkup }

// Dump implements ast.Node.
func (n *InlineMarkup) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": n.Tag}, nil)
}

// pairedMarker is a goldmark delimiter processor for one marker character: a double run
// makes double, a single one makes single ("" when the single form does not exist).
type pairedMarker struct {
	char           byte
	double, single string
}

func (p *pairedMarker) IsDelimiter(b byte) bool { return b == p.char }

func (p *pairedMarker) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (p *pairedMarker) OnMatch(consumes int) ast.Node {
	if consumes == 2 {
		return &InlineMarkup{Tag: p.double, Marker: string([]byte{p.char, p.char})}
	}
	return &InlineMarkup{Tag: p.single, Marker: string(p.char)}
}

func (p *pairedMarker) Trigger() []byte { return []byte{p.char} }

// maxMarkers bounds the delimiter runs (*, _, ~, ^, ==) of one block: goldmark matches
// delimiters in quadratic time, and no real paragraph has this many.
const maxMarkers = 1000

var markerCountKey = parser.NewContextKey()

func (p *pairedMarker) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 1, p)
	if node == nil || node.OriginalLength > 2 || before == rune(p.char) {
		return nil
	}
	if p.single == "" && node.OriginalLength != 2 {
		return nil
	}
	if !takeDelimiter(pc) {
		return nil
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

func (p *pairedMarker) CloseBlock(parent ast.Node, pc parser.Context) { pc.Set(markerCountKey, 0) }

// takeDelimiter counts one more delimiter run in the current block and reports whether
// it is within maxMarkers.
func takeDelimiter(pc parser.Context) bool {
	count, _ := pc.Get(markerCountKey).(int)
	if count >= maxMarkers {
		return false
	}
	pc.Set(markerCountKey, count+1)
	return true
}

// emphasisBudget runs before goldmark's emphasis parser: past maxMarkers delimiter runs in
// one block, a run of * or _ is plain text. goldmark matches mixed * and _ runs in
// quadratic time; a 5 MB line of them would take minutes.
type emphasisBudget struct{}

func (p *emphasisBudget) Trigger() []byte { return []byte{'*', '_'} }

func (p *emphasisBudget) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if takeDelimiter(pc) {
		return nil // goldmark's emphasis parser takes it
	}
	line, seg := block.PeekLine()
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	block.Advance(n)
	return ast.NewTextSegment(seg.WithStop(seg.Start + n))
}

func (p *emphasisBudget) CloseBlock(parent ast.Node, pc parser.Context) { pc.Set(markerCountKey, 0) }

// singleMarkerTransformer undoes single-marker matches (`~sub~`, `^sup^`) whose content
// has a space: PyMdown's pattern forbids it, so "2^10 and 3^5" stays text.
type singleMarkerTransformer struct{}

func (t *singleMarkerTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var undo []*InlineMarkup
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*InlineMarkup); ok && entering && len(m.Marker) == 1 && hasSpace(m, src) {
			undo = append(undo, m)
		}
		return ast.WalkContinue, nil
	})
	for _, m := range undo {
		parent := m.Parent()
		if parent == nil {
			continue
		}
		parent.InsertBefore(parent, m, ast.NewString([]byte(m.Marker)))
		for c := m.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, m, c)
			c = next
		}
		parent.InsertBefore(parent, m, ast.NewString([]byte(m.Marker)))
		parent.RemoveChild(parent, m)
	}
}

func hasSpace(n ast.Node, src []byte) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if t.SoftLineBreak() || t.HardLineBreak() {
				found = true
			}
			for _, b := range t.Value(src) {
				if b == ' ' || b == '\t' {
					found = true
				}
			}
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

type inlineMarkupRenderer struct{}

func (r *inlineMarkupRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInlineMarkup, r.render)
}

func (r *inlineMarkupRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*InlineMarkup)
	if entering {
		_, _ = w.WriteString("<" + n.Tag + ">")
	} else {
		_, _ = w.WriteString("</" + n.Tag + ">")
	}
	return ast.WalkContinue, nil
}

type delimiterBudgetExtension struct{}

// DelimiterBudget keeps inline parsing linear on pathological input (see emphasisBudget).
var DelimiterBudget goldmark.Extender = &delimiterBudgetExtension{}

func (e *delimiterBudgetExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(&emphasisBudget{}, 490)))
}
