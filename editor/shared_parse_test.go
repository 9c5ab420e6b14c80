package editor

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"casewright/render"
)

// editPieces are what random edits insert at a line start: the shapes the rules read, and
// the constructs that cross the preview's chunk boundaries.
var editPieces = []string{
	"\n", "\n\n", "# Title\n", "## The Challenge\n", "## Extra {: #custom }\n", "### Sub\n",
	"- item\n", "- **Label**: [value]\n", "1. one\n", "```\n", "```mermaid\ngraph TB\n", "```yaml\na: [\n",
	"~~~\n", "<!--\n", "-->\n", "<div markdown>\n", "</div>\n", "!!! note\n",
	"!!! info \"About This Case Study\"\n", "    body\n", "=== \"Tab\"\n", "[ref]: /url\n", "[ref]\n",
	"*[API]: Application Programming Interface\n", "| a | b |\n|---|---|\n", "| **Scale** | X users |\n",
	"[link](#the-challenge) ", "[bad](#nowhere) ", "https://example.com ", "[Company] ", "X% ",
	"YYYY ", "---\n", "Term\n:   definition\n", "> quote\n", "[^1]", "[^1]: note\n", "text ", "x",
}

func randomDraftEdit(rng *rand.Rand, src []byte) []byte {
	pos := 0
	if len(src) > 0 {
		pos = rng.Intn(len(src) + 1)
	}
	switch rng.Intn(4) {
	case 0: // delete a range
		end := min(len(src), pos+rng.Intn(60))
		return append(append([]byte(nil), src[:pos]...), src[end:]...)
	case 1: // type one character
		const chars = "abc #-*\n>`:=[]{}!|"
		return append(append(append([]byte(nil), src[:pos]...), chars[rng.Intn(len(chars))]), src[pos:]...)
	default:
		for pos > 0 && src[pos-1] != '\n' {
			pos--
		}
		piece := editPieces[rng.Intn(len(editPieces))]
		return append(append(append([]byte(nil), src[:pos]...), piece...), src[pos:]...)
	}
}

// TestCheckDocumentMatchesCheck proves the shared parse: validating the preview's tree gives
// the report a fresh parse of the draft gives, along random editing sessions.
func TestCheckDocumentMatchesCheck(t *testing.T) {
	iterations := 120
	if testing.Short() {
		iterations = 25
	}
	tpl := DefaultTemplate()
	opts := CheckOptions{Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	for i, draft := range seedDocuments(t) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(i)))
			doc := render.NewDocument(render.New())
			src := draft
			for step := 0; step <= iterations; step++ {
				doc.Update(src)
				got, want := tpl.CheckDocument(doc, opts), tpl.CheckWith(src, opts)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("step %d: the shared parse's report differs from a fresh check\nsource:\n%s\ngot:  %+v\nwant: %+v", step, src, got, want)
				}
				src = randomDraftEdit(rng, src)
			}
		})
	}
}
