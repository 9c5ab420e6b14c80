package render

import (
	"math/rand"
	"reflect"
	"testing"
)

// TestDocumentLinesMatchNewIndex edits documents at random, at their ends too, and compares
// the line index the Document brings up to date with one made from scratch after every edit.
func TestDocumentLinesMatchNewIndex(t *testing.T) {
	docs := [][]byte{{}, []byte("\n"), []byte("a\n\nb"), []byte("a [^1]\n\n[^1]: note\n")} // the last renders whole
	for _, src := range corpus(t) {
		docs = append(docs, src)
	}
	for i, src := range docs {
		rng := rand.New(rand.NewSource(int64(i)))
		d := NewDocument(New())
		for step := 0; step < 100; step++ {
			d.Update(src)
			if got, want := d.Lines(), NewLineIndex(src); !reflect.DeepEqual(got.starts, want.starts) {
				t.Fatalf("document %d, step %d: line starts differ from a new index\ngot:  %v\nwant: %v", i, step, got.starts, want.starts)
			}
			switch rng.Intn(5) {
			case 0: // the whole document replaced, as when another draft is opened
				src = []byte("one\ntwo\n")[:rng.Intn(9)]
			case 1: // at either end
				if rng.Intn(2) == 0 {
					src = append([]byte("\n#\n"), src...)
				} else {
					src = append(append([]byte(nil), src...), "x\n"...)
				}
			default:
				src = randomEdit(rng, src)
			}
		}
	}
}

func TestLineIndexPositions(t *testing.T) {
	x := NewLineIndex([]byte("ab\n\ncd"))
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 3, 1}, {6, 3, 3}} {
		if line, col := x.Position(tt.off); line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
	if got := x.Offset(3, 2); got != 5 {
		t.Errorf("Offset(3, 2) = %d, want 5", got)
	}
	if got := x.Offset(9, 1); got != 4 {
		t.Errorf("Offset(9, 1) = %d, want the last line's start 4", got)
	}
}
