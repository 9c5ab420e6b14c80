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
	// Sized up front: the editor indexes the whole draft at every keystroke.
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return LineIndex{starts: starts}
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
