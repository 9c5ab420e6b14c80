package nest

import (
	"math/rand"
	"os"
	"testing"
)

func TestDepthCountsTheMarkersThatOpenALine(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"plain text > not a quote - nor a list", 0},
		{"> quote", 1},
		{"> > - item\n> one", 3},
		{"1. one\n   2) two\n12345 is a number", 1},
		{"text\n\t> > >\nmore text - * +", 3},
		{"- a\n  - b\n    - c", 1}, // indentation alone is not counted, only markers
		{"- > - > last line without a newline", 4},
		{"-no space is no marker\n*emphasis*", 0},
	} {
		if got := Depth(tc.text); got != tc.want {
			t.Errorf("Depth(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestGuardAlongEdits edits a draft at random, with the markers that nest and the new lines
// that join and split lines, and checks every answer of one Guard against a scan of the whole.
func TestGuardAlongEdits(t *testing.T) {
	pieces := []string{"> ", "- ", "* ", "1. ", "\n", "\n> > ", "x", " ", "-", "12", ")", "\t"}
	for _, limit := range []int{0, 1, 2, 3, 5} {
		rng := rand.New(rand.NewSource(int64(limit)))
		g := Guard{Limit: limit}
		text := "# Title\n\n- a\n  > b\n\ntext\n"
		for step := 0; step < 3000; step++ {
			at := rng.Intn(len(text) + 1)
			if rng.Intn(3) == 0 {
				text = text[:at] + text[min(len(text), at+rng.Intn(6)):]
			} else {
				text = text[:at] + pieces[rng.Intn(len(pieces))] + text[at:]
			}
			want := Depth(text)
			got, over := g.Over(text)
			if over != (want > limit) || over && got != want {
				t.Fatalf("limit %d, step %d: Over = %d, %v; the whole text nests %d deep\n%q", limit, step, got, over, want, text)
			}
		}
	}
}

// BenchmarkGuard is a keystroke's check of a 100 KB draft: a letter typed in its middle.
func BenchmarkGuard(b *testing.B) {
	src, err := os.ReadFile("../../../testdata/bench/large-case-study.md")
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	mid := len(text) / 2
	edited := text[:mid] + "x" + text[mid:]
	b.Run("whole-text", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			Depth([]string{text, edited}[i%2])
		}
	})
	b.Run("changed-lines", func(b *testing.B) {
		g := Guard{Limit: 1000}
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			g.Over([]string{text, edited}[i%2])
		}
	})
}
