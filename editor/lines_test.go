package editor

import (
	"math/rand"
	"reflect"
	"testing"
)

// TestLineTrackerMatchesNewIndex edits drafts at random, at their ends too, and compares the
// tracked line index with one made from scratch after every edit.
func TestLineTrackerMatchesNewIndex(t *testing.T) {
	for i, draft := range append(seedDocuments(t), []byte{}, []byte("\n"), []byte("a\n\nb")) {
		rng := rand.New(rand.NewSource(int64(i)))
		var tracker lineTracker
		src := draft
		for step := 0; step < 200; step++ {
			got, want := tracker.index(src), newLineIndex(src)
			if !reflect.DeepEqual(got.starts, want.starts) {
				t.Fatalf("draft %d, step %d: tracked line starts differ from a new index\ngot:  %v\nwant: %v", i, step, got.starts, want.starts)
			}
			switch rng.Intn(5) {
			case 0: // the whole draft replaced, as when another draft is opened
				src = []byte("one\ntwo\n")[:rng.Intn(9)]
			case 1: // at either end
				if rng.Intn(2) == 0 {
					src = append([]byte("\n#\n"), src...)
				} else {
					src = append(append([]byte(nil), src...), "x\n"...)
				}
			default:
				src = randomDraftEdit(rng, src)
			}
		}
	}
}

func TestLineIndexPositions(t *testing.T) {
	x := newLineIndex([]byte("ab\n\ncd"))
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
