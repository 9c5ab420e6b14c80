package editor

import (
	"bytes"
	"slices"
)

// A lineIndex maps byte offsets of a draft to 1-based lines and byte columns.
type lineIndex struct {
	starts []int // the offset at which each line begins, in order
}

func newLineIndex(src []byte) lineIndex {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	return lineIndex{starts: appendLineStarts(starts, src, 0)}
}

// appendLineStarts appends the starts of the lines that follow each newline of text, which
// begins at offset base of the draft.
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

// Line returns the 1-based line that holds byte offset off.
func (x lineIndex) Line(off int) int {
	i, found := slices.BinarySearch(x.starts, off)
	if found {
		i++
	}
	return i
}

// Position returns the 1-based line and byte column of offset off.
func (x lineIndex) Position(off int) (line, col int) {
	line = x.Line(off)
	return line, off - x.starts[line-1] + 1
}

// Offset returns the byte offset of a 1-based line and column, clamped to the draft's lines.
func (x lineIndex) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	line = min(line, len(x.starts))
	return x.starts[line-1] + col - 1
}

// A lineTracker keeps the line index of the draft it was last given and brings it up to date
// for the next one: only the lines between the first and the last byte that differ are
// counted again, the lines after them are moved. A keystroke changes a few bytes of a draft
// whose lines number in the thousands.
type lineTracker struct {
	src    []byte // a copy of the draft last indexed: the caller may reuse its own bytes
	starts []int  // its line starts
	spare  []int  // the line starts of the index before, to write the next into
}

// index returns the line index of src. It is valid until the next call.
func (t *lineTracker) index(src []byte) lineIndex {
	var next []int
	if t.starts == nil {
		next = newLineIndex(src).starts
	} else {
		same := commonPrefix(t.src, src)
		tail := commonSuffix(t.src[same:], src[same:])
		oldEnd, newEnd := len(t.src)-tail, len(src)-tail
		old := lineIndex{t.starts}
		next = append(t.spare[:0], t.starts[:old.Line(same)]...) // lines that begin within the same prefix
		next = appendLineStarts(next, src[same:newEnd], same)    // lines after the changed bytes' newlines
		for _, start := range t.starts[old.Line(oldEnd):] {      // lines after the same suffix's newlines
			next = append(next, start+newEnd-oldEnd)
		}
	}
	t.spare, t.starts = t.starts, next
	t.src = append(t.src[:0], src...)
	return lineIndex{starts: next}
}

// commonPrefix returns the length of the longest prefix a and b share, comparing blocks at a
// time where they are equal.
func commonPrefix(a, b []byte) int {
	const block = 1024
	n := min(len(a), len(b))
	i := 0
	for i+block <= n && bytes.Equal(a[i:i+block], b[i:i+block]) {
		i += block
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the longest suffix a and b share.
func commonSuffix(a, b []byte) int {
	const block = 1024
	n := min(len(a), len(b))
	i := 0
	for i+block <= n && bytes.Equal(a[len(a)-i-block:len(a)-i], b[len(b)-i-block:len(b)-i]) {
		i += block
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
