package editor

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// maxKeyRunes bounds the text that headings and labels are compared on, so that a pathological
// heading cannot make the near-miss search slow.
const maxKeyRunes = 120

// foldKey reduces a heading or label to the form in which two of them are compared: lower case,
// letters and digits only, single spaces. Emoji, punctuation and apostrophes disappear, so
// "What Didn't Work ❌" and "what didnt work" fold to the same key.
func foldKey(s []byte) string {
	var b []byte
	space := false
	n := 0
	for len(s) > 0 && n < maxKeyRunes {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		n++
		switch {
		case r == '\'' || r == '’':
			// "Didn't" folds to "didnt", not "didn t".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
		default:
			space = true
		}
	}
	return string(b)
}

// foldText reduces a block of prose to the form in which the draft's text is compared with the
// template's: lower case, with every run of white space made one space.
func foldText(s []byte) string {
	return string(appendFoldText(make([]byte, 0, len(s)), s))
}

// appendFoldText appends the foldText of s to b.
func appendFoldText(b, s []byte) []byte {
	start := len(b)
	space := false
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// similarity returns how alike two folded keys are, from 0 (nothing shared) to 1 (equal),
// as one minus their byte edit distance over the longer length. Keys whose lengths alone rule
// out a score of at least floor return 0 without the distance being computed.
func similarity(a, b string, floor float64) float64 {
	if max(len(a), len(b)) == 0 {
		return 1
	}
	if !mayBeAlike(len(a), len(b), floor) {
		return 0
	}
	longest := max(len(a), len(b))
	var rows [2][maxKeyRunes*4 + 1]int // keys are at most maxKeyRunes runes of up to 4 bytes
	prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(longest)
}

// mayBeAlike reports whether keys of lengths a and b can score at least floor: a shorter key
// is at least the difference in length away from a longer one.
func mayBeAlike(a, b int, floor float64) bool {
	return float64(max(a-b, b-a)) <= (1-floor)*float64(max(a, b))
}

// blockText returns the source text of a block node's lines, joined by newlines.
func blockText(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	if lines.Len() == 1 {
		seg := lines.At(0)
		return src[seg.Start:seg.Stop]
	}
	return appendBlockText(nil, n, src)
}

// appendBlockText appends the source text of a block node's lines to b.
func appendBlockText(b []byte, n ast.Node, src []byte) []byte {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, src[seg.Start:seg.Stop]...)
	}
	return b
}

// blockSpan returns the byte range covered by a block node's own lines, or ok=false when it has
// none (containers such as lists and tables have none; use nodeSpan for them).
func blockSpan(n ast.Node) (from, to int, ok bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return 0, 0, false
	}
	return lines.At(0).Start, lines.At(lines.Len() - 1).Stop, true
}

// nodeSpan returns the byte range covered by a node and all its descendants.
func nodeSpan(n ast.Node) (from, to int, ok bool) {
	from, to = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var s, e int
		switch c := c.(type) {
		case *ast.Text:
			s, e = c.Segment.Start, c.Segment.Stop
		case *ast.String:
			return ast.WalkContinue, nil
		default:
			if c.Type() != ast.TypeBlock {
				return ast.WalkContinue, nil
			}
			var has bool
			if s, e, has = blockSpan(c); !has {
				return ast.WalkContinue, nil
			}
		}
		if from < 0 || s < from {
			from = s
		}
		if e > to {
			to = e
		}
		return ast.WalkContinue, nil
	})
	return from, to, from >= 0
}

// inlineText returns the plain text of an inline-bearing node: text of every descendant, with
// link destinations and markup left out.
func inlineText(n ast.Node, src []byte) []byte {
	var buf []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			buf = append(buf, src[c.Segment.Start:c.Segment.Stop]...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				buf = append(buf, ' ')
			}
		case *ast.String:
			buf = append(buf, c.Value...)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return buf
}
