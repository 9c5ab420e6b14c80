package editor

import (
	"bytes"
	"os"
	"testing"

	"casewright/render"
)

// largeDraft returns a case study of about 100 KB: the shared benchmark file when it is there,
// else the valid drafts' sections repeated under headings of their own.
func largeDraft(b *testing.B) []byte {
	if src, err := os.ReadFile("../testdata/bench/large-case-study.md"); err == nil {
		return src
	}
	base, err := os.ReadFile("../testdata/drafts/valid/ledgerline-payments.md")
	if err != nil {
		b.Fatal(err)
	}
	other, err := os.ReadFile("../testdata/drafts/valid/tidewater-telemetry.md")
	if err != nil {
		b.Fatal(err)
	}
	body := other[bytes.Index(other, []byte("## At a Glance")):bytes.Index(other, []byte("!!! info"))]
	cut := bytes.Index(base, []byte("---\n\n<div"))
	var buf bytes.Buffer
	buf.Write(base[:cut])
	for i := 0; buf.Len() < 100<<10; i++ {
		buf.WriteString("## Appendix ")
		buf.WriteByte(byte('A' + i%26))
		buf.WriteString("\n\n")
		buf.Write(bytes.ReplaceAll(body, []byte("\n## "), []byte("\n### ")))
	}
	buf.Write(base[cut:])
	return buf.Bytes()
}

// benchDrafts are the documents the benchmarks check: the template itself and a case study of
// about 100 KB. The names match render's benchmarks, for benchstat.
func benchDrafts(b *testing.B) []struct {
	name  string
	draft []byte
} {
	return []struct {
		name  string
		draft []byte
	}{
		{"template-6KB", DefaultTemplateSource()},
		{"case-study-100KB", largeDraft(b)},
	}
}

// BenchmarkCheck is a full check, parse included: what the command line and the first load cost.
func BenchmarkCheck(b *testing.B) {
	tpl := DefaultTemplate()
	for _, doc := range benchDrafts(b) {
		b.Run(doc.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc.draft)))
			b.ReportAllocs()
			for b.Loop() {
				tpl.Check(doc.draft)
			}
		})
	}
}

// BenchmarkKeystroke is the browser's keystroke path without the page: a character typed in
// the middle of the draft (alternately added and removed), the preview updated, the draft
// checked. draft-checker is the browser's path: the preview's tree checked by a DraftChecker,
// which checks again only the edited section; shared-parse checks the whole tree each time
// (CheckDocument); parse-twice is the path before both, a second full parse for the check.
func BenchmarkKeystroke(b *testing.B) {
	tpl := DefaultTemplate()
	for _, doc := range benchDrafts(b) {
		src := doc.draft
		mid := len(src) / 2
		for mid < len(src) && src[mid] != ' ' {
			mid++
		}
		edited := append(append(append([]byte(nil), src[:mid]...), 'x'), src[mid:]...)
		live := tpl.NewDraftChecker()
		for _, path := range []struct {
			name  string
			check func(d *render.Document, src []byte) Report
		}{
			{"draft-checker", func(d *render.Document, _ []byte) Report { return live.Check(d, CheckOptions{}) }},
			{"shared-parse", func(d *render.Document, _ []byte) Report { return tpl.CheckDocument(d, CheckOptions{}) }},
			{"parse-twice", func(_ *render.Document, src []byte) Report { return tpl.Check(src) }},
		} {
			b.Run(doc.name+"/"+path.name, func(b *testing.B) {
				d := render.NewDocument(render.New())
				d.Update(src)
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					next := src
					if i%2 == 0 {
						next = edited
					}
					d.Update(next)
					path.check(d, next)
					i++
				}
			})
		}
	}
}

func BenchmarkParseTemplate(b *testing.B) {
	src := DefaultTemplateSource()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseTemplate(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderParse100KB is the share of BenchmarkCheck100KB that is render's parse, for
// telling the validator's own cost from the dialect's.
func BenchmarkRenderParse100KB(b *testing.B) {
	draft := largeDraft(b)
	b.SetBytes(int64(len(draft)))
	b.ReportAllocs()
	for b.Loop() {
		render.New().Parse(draft)
	}
}
