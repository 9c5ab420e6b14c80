package render

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// A Block is one top-level block of a document: its source text, the 1-based line it
// starts on, and its HTML wrapped in an element that carries that line (data-line).
type Block struct {
	Line   int
	Source string
	HTML   string
}

// Blocks renders src block by block, in document order, from one parse of the whole of
// src. Document.Update gives the same blocks without re-parsing what did not change.
func (r *Renderer) Blocks(src []byte) []Block {
	doc := r.Parse(src)
	lines := NewLineIndex(src)
	var blocks []Block
	var buf bytes.Buffer
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		start, end := Span(n, src)
		buf.Reset()
		_ = r.RenderNode(&buf, src, n)
		line := lines.Line(start)
		blocks = append(blocks, Block{Line: line, Source: string(src[start:end]), HTML: wrapBlock(line, buf.String())})
	}
	return blocks
}

// wrapBlock wraps a top-level block's HTML in the element the page patches by.
func wrapBlock(line int, inner string) string {
	return `<div class="cw-block" data-line="` + strconv.Itoa(line) + `">` + inner + `</div>`
}

// Span returns the byte range [start, end) of src that a block node was parsed from.
func Span(n ast.Node, src []byte) (start, end int) {
	start, end = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if p := c.Pos(); p >= 0 && (start < 0 || p < start) {
			start = p
		}
		if c.Type() == ast.TypeBlock {
			if l := c.Lines(); l.Len() > 0 {
				if s := l.At(0).Start; start < 0 || s < start {
					start = s
				}
				if e := l.At(l.Len() - 1).Stop; e > end {
					end = e
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		start = 0
	}
	if end < start {
		end = start
	}
	if end > len(src) {
		end = len(src)
	}
	if start > end {
		start = end
	}
	return start, end
}
