package render

import (
	"bytes"
	"sort"
)

// LineIndex maps byte offsets of a source to 1-based line and column numbers.
type LineIndex struct {
	starts []int // byte offset at which each line begins
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src []byte) LineIndex {
	// Sized up front: a draft of thousands of lines is indexed whole when it is opened.
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	return LineIndex{starts: appendLineStarts(starts, src, 0)}
}

// appendLineStarts appends the starts of the lines that follow each newline of text, which
// begins at offset base of the source.
func appendLineStarts(starts []int, text []byte, base int) []int {
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, base+i)
	}
}

// updated returns the index of e.src, x being the index of e.prev, written into spare: the
// lines that begin before the edit stay, the edited bytes are counted again, and the lines
// after it move. A keystroke changes a few bytes of a draft of thousands of lines.
func (x LineIndex) updated(e edit, spare []int) LineIndex {
	if x.starts == nil {
		return NewLineIndex(e.src)
	}
	oldEnd, newEnd := len(e.prev)-e.suf, len(e.src)-e.suf
	next := append(spare[:0], x.starts[:x.Line(e.pre)]...)
	next = appendLineStarts(next, e.src[e.pre:newEnd], e.pre)
	for _, start := range x.starts[x.Line(oldEnd):] {
		next = append(next, start+newEnd-oldEnd)
	}
	return LineIndex{starts: next}
}

// Line returns the 1-based line that holds byte offset off.
func (x LineIndex) Line(off int) int {
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
}

// Position returns the 1-based line and byte column of offset off.
func (x LineIndex) Position(off int) (line, col int) {
	line = x.Line(off)
	return line, off - x.starts[line-1] + 1
}

// Offset returns the byte offset of a 1-based line and column, clamped to the source.
func (x LineIndex) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		line = len(x.starts)
	}
	return x.starts[line-1] + col - 1
}

// Lines returns the number of lines.
func (x LineIndex) Lines() int { return len(x.starts) }
