package affix

import (
	"math/rand"
	"testing"
)

// TestAgainstByteByByte compares Prefix and Suffix with a byte-by-byte scan, on texts that
// differ in one byte or in length, as bytes and as strings.
func TestAgainstByteByByte(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 500 {
		a := make([]byte, rng.Intn(1200))
		for i := range a {
			a[i] = byte('a' + rng.Intn(2))
		}
		b := append([]byte(nil), a...)
		if len(b) > 0 && rng.Intn(4) > 0 {
			b[rng.Intn(len(b))] ^= 1
		}
		b = b[:rng.Intn(len(b)+1)]
		pre, suf := 0, 0
		for pre < min(len(a), len(b)) && a[pre] == b[pre] {
			pre++
		}
		for suf < min(len(a), len(b)) && a[len(a)-1-suf] == b[len(b)-1-suf] {
			suf++
		}
		if got := Prefix(a, b); got != pre {
			t.Fatalf("Prefix = %d, want %d", got, pre)
		}
		if got := Suffix(a, b); got != suf {
			t.Fatalf("Suffix = %d, want %d", got, suf)
		}
		if got := Prefix(string(a), string(b)); got != pre {
			t.Fatalf("Prefix of strings = %d, want %d", got, pre)
		}
		if got := Suffix(string(a), string(b)); got != suf {
			t.Fatalf("Suffix of strings = %d, want %d", got, suf)
		}
	}
}

// BenchmarkKeystroke compares two 100 KB texts that differ by a letter typed in the middle,
// as the preview ([]byte) and the nesting guard (string) do at a keystroke.
func BenchmarkKeystroke(b *testing.B) {
	text := make([]byte, 100<<10)
	for i := range text {
		text[i] = byte('a' + i%26)
	}
	mid := len(text) / 2
	edited := append(append(append([]byte{}, text[:mid]...), 'x'), text[mid:]...)
	b.Run("bytes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := Prefix(text, edited)
			Suffix(text[n:], edited[n:])
		}
	})
	s, e := string(text), string(edited)
	b.Run("string", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := Prefix(s, e)
			Suffix(s[n:], e[n:])
		}
	})
}
