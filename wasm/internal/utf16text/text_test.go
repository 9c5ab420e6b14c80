package utf16text

import (
	"errors"
	"math/rand/v2"
	"testing"
	"unicode/utf16"
)

// reference is the edit done the slow, obvious way: on the UTF-16 units themselves.
func reference(s string, from, deleted int, insert string) string {
	u := utf16.Encode([]rune(s))
	out := append(append(append([]uint16{}, u[:from]...), utf16.Encode([]rune(insert))...), u[from+deleted:]...)
	return string(utf16.Decode(out))
}

func units(s string) int { return len(utf16.Encode([]rune(s))) }

// startsRune reports whether UTF-16 position p of s is between two characters, not inside a
// surrogate pair.
func startsRune(s string, p int) bool {
	u := utf16.Encode([]rune(s))
	return p == 0 || p == len(u) || !utf16.IsSurrogate(rune(u[p])) || u[p] >= 0xD800 && u[p] < 0xDC00
}

func TestReplaceFollowsRandomEdits(t *testing.T) {
	pieces := []string{"a", "bc", " ", "\n", "é", "€", "😀", "the quick brown fox ", "ñandú\n"}
	r := rand.New(rand.NewPCG(1, 2))
	want := "# Title\n\nSome text with é and 😀 in it, and a run of ASCII long enough to skip.\n"
	var got Text
	got.Reset(want)
	for i := range 5000 {
		n := units(want)
		from := r.IntN(n + 1)
		deleted := r.IntN(min(4, n-from) + 1)
		if !startsRune(want, from) || !startsRune(want, from+deleted) {
			continue
		}
		insert := ""
		for range r.IntN(3) {
			insert += pieces[r.IntN(len(pieces))]
		}
		want = reference(want, from, deleted, insert)
		if err := got.Replace(from, deleted, insert); err != nil {
			t.Fatalf("edit %d (%d, %d, %q): %v", i, from, deleted, insert, err)
		}
		if got.String() != want || got.Units() != units(want) {
			t.Fatalf("edit %d (%d, %d, %q): got %q (%d units), want %q (%d)", i, from, deleted, insert, got.String(), got.Units(), want, units(want))
		}
	}
}

func TestReplaceRefusesPositionsOutsideTheText(t *testing.T) {
	var text Text
	text.Reset("a😀b")
	for _, e := range []struct{ from, deleted int }{
		{-1, 0}, {0, -1}, {5, 0}, {3, 3},
		{2, 0}, // between the halves of the emoji
		{0, 2}, // deleting its first half
	} {
		if err := text.Replace(e.from, e.deleted, "x"); !errors.Is(err, ErrPosition) {
			t.Errorf("Replace(%d, %d): got %v, want ErrPosition", e.from, e.deleted, err)
		}
	}
	if text.String() != "a😀b" {
		t.Errorf("a refused edit changed the text to %q", text.String())
	}
}

func TestZeroTextIsUnknownUntilReset(t *testing.T) {
	var text Text
	if text.Known() {
		t.Fatal("the zero Text is known")
	}
	text.Reset("")
	if !text.Known() || text.Units() != 0 {
		t.Fatalf("after Reset(\"\"): known %v, %d units", text.Known(), text.Units())
	}
	text.Forget()
	if text.Known() {
		t.Fatal("Forget left the text known")
	}
}

func TestOffsetsConvertEachByteOffset(t *testing.T) {
	s := "a€b😀c and a run of more than eight ASCII bytes, then é"
	var offsets []int
	for i := range len(s) + 1 {
		offsets = append(offsets, i)
	}
	got := Offsets(s, offsets)
	for i := 0; i <= len(s); i++ {
		if want := units(s[:i]); startsRuneByte(s, i) && got[i] != want {
			t.Errorf("byte %d: got %d units, want %d", i, got[i], want)
		}
	}
}

func startsRuneByte(s string, i int) bool { return i == len(s) || s[i] < 0x80 || s[i] >= 0xC0 }

func BenchmarkReplaceTyping(b *testing.B) {
	text := make([]byte, 0, 100<<10)
	for len(text) < 100<<10 {
		text = append(text, "A line of a long case study, with é and — now and then.\n"...)
	}
	var t Text
	t.Reset(string(text))
	middle := t.Units() / 2
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := t.Replace(middle+i%1000, 0, "x"); err != nil {
			b.Fatal(err)
		}
	}
}
