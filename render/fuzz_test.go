package render

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func addSeeds(f *testing.F) {
	for _, doc := range corpus(f) {
		f.Add(doc)
	}
	for _, s := range snippets {
		f.Add([]byte(s))
	}
}

// FuzzRender checks that no input panics and that rendering stays fast.
func FuzzRender(f *testing.F) {
	addSeeds(f)
	r := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		r.Blocks(src)
		if d := time.Since(start); d > 2*time.Second && len(src) < 100_000 {
			t.Fatalf("rendering %d bytes took %v", len(src), d)
		}
	})
}

// FuzzIncremental checks that an edit rendered incrementally matches a full render: the
// fuzzer's input is split in two documents, the second replacing the first.
func FuzzIncremental(f *testing.F) {
	for _, doc := range corpus(f) {
		f.Add(doc, len(doc)/2, []byte("\n\n"))
	}
	for _, s := range snippets {
		f.Add([]byte("# T\n\npara\n\n"+s+"\nmore\n"), 5, []byte(s))
	}
	r := New()
	f.Fuzz(func(t *testing.T, doc []byte, at int, insert []byte) {
		if at < 0 || at > len(doc) {
			return
		}
		d := NewDocument(r)
		d.Update(doc)
		checkSame(t, d, doc, "first render")
		edited := append(append(append([]byte(nil), doc[:at]...), insert...), doc[at:]...)
		d.Update(edited)
		checkSame(t, d, edited, "after edit")
	})
}

// TestPathologicalInput renders inputs built to be slow or deep, within a time bound.
func TestPathologicalInput(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
	}{
		{"10000 nested quotes", []byte(strings.Repeat(">", 10000) + " x\n")},
		{"10000 nested lists", []byte(strings.Repeat("- ", 10000) + "x\n")},
		{"100000 backticks", bytes.Repeat([]byte("`"), 100000)},
		{"5 MB line", bytes.Repeat([]byte("a*b_c$d~e^f=g+h{i "), 5<<20/18)},
		{"nested admonitions", []byte(strings.Repeat("!!! note\n", 1) + strings.Repeat("    ", 200) + "x\n")},
		{"many brackets", []byte(strings.Repeat("[", 50000) + strings.Repeat("]", 50000))},
		{"many dollars", bytes.Repeat([]byte("$a "), 100000)},
		{"many pluses", bytes.Repeat([]byte("++ctrl+"), 50000)},
		{"many braces", bytes.Repeat([]byte("[a](b){: .c "), 50000)},
		{"unclosed div markdown", []byte(strings.Repeat("<div markdown>\n\n", 5000))},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r.Blocks(tt.src)
			d := NewDocument(r)
			d.Update(tt.src)
			d.Update(append([]byte("x\n\n"), tt.src...))
			if el := time.Since(start); el > 20*time.Second {
				t.Fatalf("took %v", el)
			}
		})
	}
}
