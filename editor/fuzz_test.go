package editor

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"casewright/render"
)

// seedDocuments returns the real documents of testdata, the fuzzers' seed corpus.
func seedDocuments(t testing.TB) [][]byte {
	paths, _ := filepath.Glob("../testdata/drafts/*/*.md")
	paths = append(paths, "../testdata/templates/case-study.md")
	var docs [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, src)
	}
	return docs
}

// checkReport verifies what must hold of any report, whatever the draft.
func checkReport(t *testing.T, draft []byte, rep Report) {
	for _, d := range rep.Diagnostics {
		if d.Code == "internal" {
			t.Fatalf("the check panicked: %s", d.Message)
		}
		if d.From < 0 || d.From > d.To || d.To > len(draft) || d.Line < 1 || d.Col < 1 ||
			d.EndLine < d.Line || d.EndLine == d.Line && d.EndCol < d.Col {
			t.Fatalf("bad range %+v for [%s]", d.Range, d.Code)
		}
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				if e.From < 0 || e.From > e.To || e.To > len(draft) {
					t.Fatalf("bad edit range %+v", e.Range)
				}
			}
		}
	}
	if c := rep.Completeness; c.Filled < 0 || c.Filled > c.Slots || c.Ratio < 0 || c.Ratio > 1 {
		t.Fatalf("bad completeness %+v", c)
	}
}

func FuzzParseTemplate(f *testing.F) {
	for _, doc := range seedDocuments(f) {
		f.Add(doc)
	}
	f.Add([]byte("---\ncasewright:\n  optional: [A]\n---\n# [X] T\n\n## A\n\n| a | b |\n|---|---|\n| **r** | 99.X% |\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tpl, err := ParseTemplate(src)
		if err != nil {
			return
		}
		fresh := tpl.New()
		checkReport(t, fresh, tpl.Check(fresh))
	})
}

func FuzzCheck(f *testing.F) {
	for _, doc := range seedDocuments(f) {
		f.Add(doc)
	}
	f.Add([]byte("---\na: [\n---\n# T\n"))
	tpl := DefaultTemplate()
	f.Fuzz(func(t *testing.T, draft []byte) {
		checkReport(t, draft, tpl.Check(draft))
	})
}

// Hostile input gives a report, never a panic; go test's timeout bounds the time.
func TestHostileDrafts(t *testing.T) {
	valid, err := os.ReadFile("../testdata/drafts/valid/ledgerline-payments.md")
	if err != nil {
		t.Fatal(err)
	}
	binary := make([]byte, 64<<10)
	for i := range binary {
		binary[i] = byte(i * 7919)
	}
	tests := map[string][]byte{
		"binary":          binary,
		"invalid utf-8":   bytes.Repeat([]byte("# \xff\xfe [\xc3 X\n\n## At a \x80Glance\n| \xff | 99.X% |\n"), 500),
		"10 MB":           bytes.Repeat(valid, 10<<20/len(valid)+1),
		"10,000 quotes":   []byte(strings.Repeat(">", 10000) + " [Company] 99.X%\n"),
		"10,000 lists":    []byte(strings.Repeat("- ", 10000) + "x\n"),
		"unclosed fences": []byte(strings.Repeat("```mermaid\n", 2000)),
		"front matter":    []byte("---\n" + strings.Repeat("a: &a [*a, *a]\n", 100) + "---\n"),
		"empty":           nil,
	}
	for name, draft := range tests {
		t.Run(name, func(t *testing.T) {
			if name == "invalid utf-8" && utf8.Valid(draft) {
				t.Fatal("the input should not be UTF-8")
			}
			checkReport(t, draft, DefaultTemplate().Check(draft))
		})
	}
}

// FuzzDraftChecker edits a draft twice, as typing does, and compares each report of one
// DraftChecker, which reuses what did not change, with a fresh check.
func FuzzDraftChecker(f *testing.F) {
	for i, doc := range seedDocuments(f) {
		f.Add(doc, uint(len(doc)/2), []byte("x"), uint8(i%3), uint(len(doc)/3), []byte("\n\n"))
	}
	f.Add([]byte("## A\n\n!!! note\n    [Company]\n\n## B\n"), uint(0), []byte("## Z\n"), uint8(0), uint(5), []byte("x"))
	tpl := DefaultTemplate()
	opts := CheckOptions{Today: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, draft []byte, at1 uint, ins1 []byte, cut uint8, at2 uint, ins2 []byte) {
		doc := render.NewDocument(render.New())
		live := tpl.NewDraftChecker()
		src := draft
		edit := func(at uint, cut int, ins []byte) []byte {
			from := int(at % uint(len(src)+1))
			to := min(len(src), from+cut)
			return append(append(append([]byte(nil), src[:from]...), ins...), src[to:]...)
		}
		for step := 0; step < 3; step++ {
			doc.Update(src)
			if got, want := live.Check(doc, opts), tpl.CheckWith(src, opts); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d: the report differs from a fresh check\nsource:\n%s\n%s", step, src, reportDifference(got, want))
			}
			if step == 0 {
				src = edit(at1, int(cut), ins1)
			} else {
				src = edit(at2, 0, ins2)
			}
		}
	})
}
