package editor

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand"
	"os"
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
			live := tpl.NewDraftChecker()
			src := draft
			for step := 0; step <= iterations; step++ {
				doc.Update(src)
				want := tpl.CheckWith(src, opts)
				if got := tpl.CheckDocument(doc, opts); !reflect.DeepEqual(got, want) {
					t.Fatalf("step %d: the shared parse's report differs from a fresh check\nsource:\n%s\ngot:  %+v\nwant: %+v", step, src, got, want)
				}
				if got := live.Check(doc, opts); !reflect.DeepEqual(got, want) {
					t.Fatalf("step %d: the report of the sections kept from the last check differs from a fresh check\nsource:\n%s\n%s", step, src, reportDifference(got, want))
				}
				src = randomDraftEdit(rng, src)
			}
		})
	}
}

// reportDifference describes the first difference between two reports.
func reportDifference(got, want Report) string {
	for i := range min(len(got.Diagnostics), len(want.Diagnostics)) {
		if g, w := got.Diagnostics[i], want.Diagnostics[i]; !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("diagnostic %d:\ngot:  %+v\nwant: %+v", i, g, w)
		}
	}
	if len(got.Diagnostics) != len(want.Diagnostics) {
		return fmt.Sprintf("%d diagnostics, want %d:\ngot:  %+v\nwant: %+v", len(got.Diagnostics), len(want.Diagnostics), got.Diagnostics, want.Diagnostics)
	}
	return fmt.Sprintf("outline or completeness:\ngot:  %+v %+v\nwant: %+v %+v", got.Outline, got.Completeness, want.Outline, want.Completeness)
}

// TestDraftCheckerAlongTyping types into drafts the way an author does, a character at a time
// at a few places (letters, spaces, new lines, the markup of placeholders and tables), and
// checks every report of the sections kept from the last check against a fresh check.
func TestDraftCheckerAlongTyping(t *testing.T) {
	keys := 150
	if testing.Short() {
		keys = 40
	}
	tpl := DefaultTemplate()
	opts := CheckOptions{Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	for i, draft := range append(seedDocuments(t), largeCaseStudy(t)) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(i)))
			doc := render.NewDocument(render.New())
			live := tpl.NewDraftChecker()
			src, at := draft, 0
			var gots, wants []Report
			for step := 0; step < keys; step++ {
				if step%30 == 0 { // the author moves elsewhere
					at = rng.Intn(len(src) + 1)
				}
				const typed = "abc x\n\n|[]**:-#"
				src = append(append(append([]byte(nil), src[:at]...), typed[rng.Intn(len(typed))]), src[at:]...)
				at++
				doc.Update(src)
				got, want := live.Check(doc, opts), tpl.CheckWith(src, opts)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("step %d: the report differs from a fresh check\nsource:\n%s\n%s", step, src, reportDifference(got, want))
				}
				gots, wants = append(gots, got), append(wants, want)
			}
			// Reports share storage with the checker's next ones only where nothing changes.
			for step := range gots {
				if !reflect.DeepEqual(gots[step], wants[step]) {
					t.Fatalf("step %d: a later check changed the report\n%s", step, reportDifference(gots[step], wants[step]))
				}
			}
		})
	}
}

// TestDraftCheckerRechecksOnlyTheEditedSection shows what the cache is for: a keystroke in
// one section of a long draft checks that section again and reuses every other one.
func TestDraftCheckerRechecksOnlyTheEditedSection(t *testing.T) {
	src := largeCaseStudy(t)
	tpl := DefaultTemplate()
	doc := render.NewDocument(render.New())
	live := tpl.NewDraftChecker()
	doc.Update(src)
	live.Check(doc, CheckOptions{})
	at := bytes.Index(src[len(src)/2:], []byte("\n\nThe ")) + len(src)/2 + 2 // a paragraph
	for _, typed := range []string{"x", "\n\n", " [Company] "} {
		before := maps.Clone(live.cache.sections)
		src = append(append(append([]byte(nil), src[:at]...), typed...), src[at:]...)
		doc.Update(src)
		if got, want := live.Check(doc, CheckOptions{}), tpl.Check(src); !reflect.DeepEqual(got, want) {
			t.Fatalf("typing %q: the report differs from a fresh check\n%s", typed, reportDifference(got, want))
		}
		rechecked := 0
		for h, k := range live.cache.sections {
			if before[h] != k {
				rechecked++
			}
		}
		if rechecked != 1 || len(live.cache.sections) != len(before) {
			t.Fatalf("typing %q checked %d of %d sections again, want 1", typed, rechecked, len(before))
		}
	}
}

func largeCaseStudy(t *testing.T) []byte {
	src, err := os.ReadFile("../testdata/bench/large-case-study.md")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestDraftCheckerBlocksBetweenSections edits around admonitions that close the sections
// before them, leaving the admonitions' own text (and nodes) as they were: their placeholders'
// messages name the section before them and the closing box's fields, which the edits change.
func TestDraftCheckerBlocksBetweenSections(t *testing.T) {
	valid, err := os.ReadFile("../testdata/drafts/valid/ledgerline-payments.md")
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.Index(valid, []byte("---\n\n<div"))
	aside := "!!! note \"Aside\"\n    The [Company] team wrote this.\n\n"
	closing := "!!! info \"About This Case Study\"\n    **Last Updated**: %s\n    **Verified By**: Two engineers\n    **Confidence Level**: High\n\n"
	draft := string(valid[:cut]) + aside + fmt.Sprintf(closing, "2024-11-18") + fmt.Sprintf(closing, "YYYY-MM-DD")
	edits := []struct{ old, new string }{
		{"### Further Reading", "### More Reading"},               // the aside's section is renamed
		{"### More Reading", "### Further Reading"},               // and back
		{fmt.Sprintf(closing, "2024-11-18"), ""},                  // the second box becomes the closing one
		{"!!! note \"Aside\"", "### Aside\n\n!!! note \"Aside\""}, // a section now comes before the aside
	}
	tpl := DefaultTemplate()
	opts := CheckOptions{Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	doc := render.NewDocument(render.New())
	live := tpl.NewDraftChecker()
	src := []byte(draft)
	for step := 0; ; step++ {
		doc.Update(src)
		if got, want := live.Check(doc, opts), tpl.CheckWith(src, opts); !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: the report differs from a fresh check\nsource:\n%s\n%s", step, src, reportDifference(got, want))
		}
		if step == len(edits) {
			break
		}
		if !bytes.Contains(src, []byte(edits[step].old)) {
			t.Fatalf("step %d: no %q in the draft", step, edits[step].old)
		}
		src = bytes.Replace(src, []byte(edits[step].old), []byte(edits[step].new), 1)
	}
	if len(live.cache.blocks) == 0 {
		t.Fatal("no block between sections was kept for the next check")
	}
}
