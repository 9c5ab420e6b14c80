package render

import (
	"os"
	"slices"
	"testing"
)

var benchDocs = []struct{ name, path string }{
	{"template-6KB", "../testdata/templates/case-study.md"},
	{"case-study-100KB", "../testdata/bench/large-case-study.md"},
}

func readBench(b *testing.B, path string) []byte {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkFullRender is a full render of the blocks, what the first load costs.
func BenchmarkFullRender(b *testing.B) {
	for _, doc := range benchDocs {
		src := readBench(b, doc.path)
		b.Run(doc.name, func(b *testing.B) {
			r := New()
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r.Blocks(src)
			}
		})
	}
}

// BenchmarkOneCharacterEdit is one keystroke: a character typed in the middle of the
// document (alternately added and removed), through Document.Update.
func BenchmarkOneCharacterEdit(b *testing.B) {
	for _, doc := range benchDocs {
		src := readBench(b, doc.path)
		b.Run(doc.name, func(b *testing.B) {
			alternate(b, src, typedAt(src, len(src)/2, 'x'), false)
		})
	}
}

// BenchmarkNewLineEdit is the Enter key near the top: every later block moves by a line.
func BenchmarkNewLineEdit(b *testing.B) {
	src := readBench(b, benchDocs[1].path)
	alternate(b, src, typedAt(src, 200, '\n'), false)
}

// BenchmarkKeystrokeWithTree is a keystroke as the editor makes it: a character typed in the
// middle of the document, then the tree handed to the validator (Nodes).
func BenchmarkKeystrokeWithTree(b *testing.B) {
	src := readBench(b, benchDocs[1].path)
	alternate(b, src, typedAt(src, len(src)/2, 'x'), true)
}

// typedAt returns src with c typed at the first space from offset at on (or at the end).
func typedAt(src []byte, at int, c byte) []byte {
	for at < len(src) && src[at] != ' ' {
		at++
	}
	return slices.Concat(src[:at], []byte{c}, src[at:])
}

// alternate renders src, then times updates to edited and back in turn, each followed by
// the tree handed to the validator when withTree.
func alternate(b *testing.B, src, edited []byte, withTree bool) {
	d := NewDocument(New())
	d.Update(src)
	if withTree {
		d.Nodes()
	}
	b.ReportAllocs()
	texts := [2][]byte{edited, src}
	for i := 0; b.Loop(); i++ {
		d.Update(texts[i%2])
		if withTree {
			d.Nodes()
		}
	}
}
