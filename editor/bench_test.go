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

func BenchmarkCheck100KB(b *testing.B) {
	draft := largeDraft(b)
	tpl := DefaultTemplate()
	b.SetBytes(int64(len(draft)))
	b.ReportAllocs()
	for b.Loop() {
		tpl.Check(draft)
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
