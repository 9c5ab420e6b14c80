package editor

import (
	"bytes"
	"regexp"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
)

// A Template holds the rules read from a template's shape.
type Template struct {
	source []byte
}

// ParseTemplate reads the rules of a Markdown template.
func ParseTemplate(src []byte) (*Template, error) {
	return &Template{source: src}, nil
}

// DefaultTemplate returns the rules of the built-in case-study template.
func DefaultTemplate() *Template {
	t, _ := ParseTemplate(DefaultTemplateSource())
	return t
}

// New returns a fresh draft made from the template.
func (t *Template) New() []byte { return bytes.Clone(t.source) }

// A Report is everything the validator says about one draft.
type Report struct {
	Diagnostics []Diagnostic `json:"diagnostics"`
}

var bracketPlaceholder = regexp.MustCompile(`\[[^\]\n]+\]`)

// Check validates draft against the template.
func (t *Template) Check(draft []byte) Report {
	r := render.New()
	doc := r.Parse(draft)
	lines := render.NewLineIndex(draft)
	var rep Report
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != 1 {
			continue
		}
		seg := h.Lines().At(0)
		for _, m := range bracketPlaceholder.FindAllIndex(draft[seg.Start:seg.Stop], -1) {
			from, to := seg.Start+m[0], seg.Start+m[1]
			line, col := lines.Position(from)
			endLine, endCol := lines.Position(to)
			rep.Diagnostics = append(rep.Diagnostics, Diagnostic{
				Range:    Range{Line: line, Col: col, EndLine: endLine, EndCol: endCol, From: from, To: to},
				Severity: Error, Code: "placeholder",
				Message: "The title still holds the placeholder '" + string(draft[from:to]) + "': write the real name.",
			})
		}
	}
	return rep
}
