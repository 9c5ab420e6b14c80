package render

import (
	"os"
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
			mid := len(src) / 2
			for mid < len(src) && src[mid] != ' ' {
				mid++
			}
			edited := append(append(append([]byte(nil), src[:mid]...), 'x'), src[mid:]...)
			d := NewDocument(New())
			d.Update(src)
			d.Update(edited)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i%2 == 0 {
					d.Update(src)
				} else {
					d.Update(edited)
				}
				i++
			}
		})
	}
}

// BenchmarkNewLineEdit is the Enter key near the top: every later block moves by a line.
func BenchmarkNewLineEdit(b *testing.B) {
	src := readBench(b, benchDocs[1].path)
	at := 200
	for src[at] != ' ' {
		at++
	}
	edited := append(append(append([]byte(nil), src[:at]...), '\n'), src[at:]...)
	d := NewDocument(New())
	d.Update(src)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			d.Update(edited)
		} else {
			d.Update(src)
		}
		i++
	}
}

// BenchmarkKeystrokeWithTree is a keystroke as the editor makes it: a character typed in the
// middle of the document, then the tree handed to the validator (Nodes).
func BenchmarkKeystrokeWithTree(b *testing.B) {
	src := readBench(b, benchDocs[1].path)
	mid := len(src) / 2
	for mid < len(src) && src[mid] != ' ' {
		mid++
	}
	edited := append(append(append([]byte(nil), src[:mid]...), 'x'), src[mid:]...)
	d := NewDocument(New())
	d.Update(src)
	d.Nodes()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			d.Update(edited)
		} else {
			d.Update(src)
		}
		d.Nodes()
		i++
	}
}
