package render

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus returns the real documents used as seeds: the template and dialect samples.
func corpus(t testing.TB) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	files, _ := filepath.Glob("testdata/corpus/*.md")
	golden, _ := filepath.Glob("testdata/golden/*.md")
	for _, f := range append(append(files, golden...), "../testdata/templates/case-study.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = b
	}
	return docs
}

// checkSame fails when the incremental blocks differ from a full render of src.
func checkSame(t testing.TB, d *Document, src []byte, what string) {
	t.Helper()
	got, want := d.Blocks(), d.r.Blocks(src)
	if len(got) != len(want) {
		t.Fatalf("%s: %d blocks, full render has %d\nsource:\n%s\ngot:  %s\nwant: %s", what, len(got), len(want), src, dumpBlocks(got), dumpBlocks(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: block %d differs\nsource:\n%s\ngot:  %+v\nwant: %+v", what, i, src, got[i], want[i])
		}
	}
}

func dumpBlocks(bs []Block) string {
	var b strings.Builder
	for _, x := range bs {
		fmt.Fprintf(&b, "\n  %d %q", x.Line, x.HTML)
	}
	return b.String()
}

// applyPatch applies p to blocks the way the page does, shifting the lines of the tail.
func applyPatch(blocks []Block, p Patch) []Block {
	out := append([]Block(nil), blocks[:p.Start]...)
	out = append(out, p.Insert...)
	for _, b := range blocks[p.Start+p.Delete:] {
		if p.Shift != 0 {
			b.HTML = strings.Replace(b.HTML, fmt.Sprintf(`data-line="%d"`, b.Line), fmt.Sprintf(`data-line="%d"`, b.Line+p.Shift), 1)
			b.Line += p.Shift
		}
		out = append(out, b)
	}
	return out
}

// snippets are pieces of the dialect that random edits insert, chosen to cross chunk
// boundaries and document-wide state.
var snippets = []string{
	"\n", "\n\n", "# Title\n", "## Title\n", "## Title {: #custom }\n", "- item\n", "1. one\n",
	"```\n", "```mermaid\n", "~~~\n", "<!--\n", "-->\n", "<div markdown>\n", "</div>\n",
	"!!! note\n", "!!! info \"About This Case Study\"\n", "??? tip\n", "    body\n", "    ```\n",
	"=== \"Tab\"\n", "[ref]: /url\n", "[ref]\n", "[Ref][]\n", "*[API]: Application Programming Interface\n",
	"API\n", "Term\n", ":   definition\n", "$$\n", "$x$", "> quote\n", "| a | b |\n|---|---|\n",
	"{: .cls }\n", "text ", "x", "*", "_", "`", "[^1]", "[^1]: note\n", "--8<-- \"file.md\"\n",
	"\t", "    ", "<script>\n", "</script>\n", "Setext\n===\n", "***\n", "++ctrl+c++", ":rocket:",
}

func randomEdit(rng *rand.Rand, src []byte) []byte {
	pos := 0
	if len(src) > 0 {
		pos = rng.Intn(len(src) + 1)
	}
	switch rng.Intn(4) {
	case 0: // delete a range
		end := min(len(src), pos+rng.Intn(40))
		return append(append([]byte(nil), src[:pos]...), src[end:]...)
	case 1: // type one character
		const chars = "abc #-*\n>`:=[]{}!?$~^+"
		c := chars[rng.Intn(len(chars))]
		return append(append(append([]byte(nil), src[:pos]...), c), src[pos:]...)
	default: // insert a piece of the dialect at a line start
		for pos > 0 && src[pos-1] != '\n' {
			pos--
		}
		s := snippets[rng.Intn(len(snippets))]
		return append(append(append([]byte(nil), src[:pos]...), s...), src[pos:]...)
	}
}

func TestIncrementalMatchesFullRender(t *testing.T) {
	iterations := 300
	if testing.Short() {
		iterations = 60
	}
	for name, doc := range corpus(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(len(doc))))
			d := NewDocument(New())
			src := doc
			shown := applyPatch(nil, d.Update(src))
			checkSame(t, d, src, "first render")
			for i := 0; i < iterations; i++ {
				src = randomEdit(rng, src)
				shown = applyPatch(shown, d.Update(src))
				what := fmt.Sprintf("edit %d", i)
				checkSame(t, d, src, what)
				if fmt.Sprint(shown) != fmt.Sprint(d.Blocks()) {
					t.Fatalf("%s: patched page differs from Blocks()", what)
				}
				checkPool(t, d, what)
			}
		})
	}
}

// checkPool fails unless the pool holds exactly the current chunks, each under its text:
// the chunks an edit dropped must not stay alive, nor be taken again.
func checkPool(t *testing.T, d *Document, what string) {
	t.Helper()
	pooled := map[*chunk]bool{}
	for key, c := range d.pool {
		for ; c != nil; c = c.sameText {
			if c.key != key || pooled[c] {
				t.Fatalf("%s: chunk %q pooled under %q or twice", what, c.key, key)
			}
			pooled[c] = true
		}
	}
	if d.whole != nil {
		return
	}
	for _, c := range d.chunks {
		if !pooled[c] {
			t.Fatalf("%s: current chunk %q is not in the pool", what, c.key)
		}
	}
	if len(pooled) != len(d.chunks) {
		t.Fatalf("%s: %d chunks in the pool, %d in the document", what, len(pooled), len(d.chunks))
	}
}

func TestPatchTouchesOnlyTheEditedBlock(t *testing.T) {
	src := []byte("# A\n\npara one\n\npara two\n\npara three\n")
	d := NewDocument(New())
	d.Update(src)
	p := d.Update([]byte("# A\n\npara one\n\npara 2\n\npara three\n"))
	if p.Start != 2 || p.Delete != 1 || len(p.Insert) != 1 || p.Shift != 0 {
		t.Fatalf("patch = %+v, want block 2 replaced", p)
	}
	p = d.Update([]byte("# A\n\n\npara one\n\npara 2\n\npara three\n"))
	if p.Delete != 0 || len(p.Insert) != 0 || p.Shift != 1 || p.Start != 1 {
		t.Fatalf("patch = %+v, want only a shift of 1 from block 1", p)
	}
}

func TestDocumentWideStateInvalidatesChunks(t *testing.T) {
	steps := []string{
		"See [docs].\n\nOther.\n",
		"See [docs].\n\nOther.\n\n[docs]: https://example.com\n",
		"## Setup\n\nSee [docs].\n\n## Setup\n\n[docs]: https://example.com\n",
		"## Setup\n\nThe API.\n\n## Setup\n\n*[API]: Application Programming Interface\n",
		"## Other\n\nThe API.\n\n## Setup\n\n=== \"A\"\n    a\n\nx\n\n=== \"B\"\n    b\n",
		"=== \"First\"\n    a\n\n## Other\n\n=== \"A\"\n    a\n\nx\n\n=== \"B\"\n    b\n",
	}
	d := NewDocument(New())
	for i, s := range steps {
		d.Update([]byte(s))
		checkSame(t, d, []byte(s), fmt.Sprintf("step %d", i))
	}
}

func TestMayHaveFootnotes(t *testing.T) {
	tests := []struct {
		prev, src string
		before    bool
		want      bool
	}{
		{"a [ b", "a [^ b", false, true}, // the caret typed after the bracket
		{"a ^ b", "a [^ b", false, true}, // the bracket typed before the caret
		{"a [^ b", "a [ b", true, false}, // the caret deleted
		{"[^1] a b", "[^1] a xb", true, true},
		{"a b c", "a bx c", false, false},
		{"", "[^", false, true},
	}
	for _, tt := range tests {
		if got := mayHaveFootnotes(newEdit([]byte(tt.prev), []byte(tt.src)), tt.before); got != tt.want {
			t.Errorf("%q to %q: %v, want %v", tt.prev, tt.src, got, tt.want)
		}
	}
}
