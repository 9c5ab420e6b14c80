package editor

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// applyFix applies a fix's edits to src, last edit first so that offsets stay valid.
func applyFix(src []byte, fix Fix) []byte {
	edits := slices.Clone(fix.Edits)
	slices.SortFunc(edits, func(a, b TextEdit) int { return b.From - a.From })
	out := string(src)
	for _, e := range edits {
		out = out[:e.From] + e.NewText + out[e.To:]
	}
	return []byte(out)
}

// Applying the fix a diagnostic offers must make that diagnostic go away, without bringing
// in a problem of another kind (the skeleton's placeholders aside).
func TestFixesResolveTheirDiagnostic(t *testing.T) {
	tests := []struct {
		draft string
		code  string
		allow []string // codes the fix may bring in: a skeleton holds the template's text
	}{
		{"missing-section", "missing-section", []string{"template-text"}},
		{"heading-mismatch", "heading-mismatch", nil},
		{"missing-row", "missing-row", []string{"placeholder", "template-text"}},
		{"missing-item", "missing-item", []string{"template-text"}},
	}
	for _, tt := range tests {
		t.Run(tt.draft, func(t *testing.T) {
			src, err := os.ReadFile("../testdata/drafts/invalid/" + tt.draft + ".md")
			if err != nil {
				t.Fatal(err)
			}
			tpl := DefaultTemplate()
			rep := tpl.CheckWith(src, CheckOptions{Today: goldenToday})
			var fix *Fix
			for _, d := range rep.Diagnostics {
				if d.Code == tt.code && len(d.Fixes) > 0 {
					fix = &d.Fixes[0]
				}
			}
			if fix == nil {
				t.Fatalf("no [%s] diagnostic with a fix", tt.code)
			}
			fixed := applyFix(src, *fix)
			for _, d := range tpl.CheckWith(fixed, CheckOptions{Today: goldenToday}).Diagnostics {
				if d.Severity != Info && !slices.Contains(tt.allow, d.Code) {
					t.Errorf("after %q: %s [%s] at %d:%d: %s", fix.Title, d.Severity, d.Code, d.Line, d.Col, d.Message)
				}
			}
		})
	}
}

func TestMissingTitleAndClosingFixes(t *testing.T) {
	src, err := os.ReadFile("../testdata/drafts/valid/ledgerline-payments.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	noTitle := strings.Replace(text, "# Ledgerline Payments Platform Architecture\n\n", "", 1)
	noClosing := text[:strings.Index(text, "<div class=\"admonition info\">")]
	tests := []struct {
		name, draft, code, inserted string
	}{
		{"title", noTitle, "title", "# [Company] [System Name] Architecture"},
		{"closing", noClosing, "missing-block", "About This Case Study"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := DefaultTemplate().CheckWith([]byte(tt.draft), CheckOptions{Today: goldenToday})
			i := slices.IndexFunc(rep.Diagnostics, func(d Diagnostic) bool { return d.Code == tt.code && len(d.Fixes) > 0 })
			if i < 0 {
				t.Fatalf("no [%s] with a fix in %v", tt.code, rep.Diagnostics)
			}
			fixed := applyFix([]byte(tt.draft), rep.Diagnostics[i].Fixes[0])
			if !strings.Contains(string(fixed), tt.inserted) {
				t.Errorf("the fix did not insert %q", tt.inserted)
			}
			for _, d := range DefaultTemplate().CheckWith(fixed, CheckOptions{Today: goldenToday}).Diagnostics {
				if d.Code == tt.code {
					t.Errorf("still [%s] after the fix: %s", d.Code, d.Message)
				}
			}
		})
	}
}
