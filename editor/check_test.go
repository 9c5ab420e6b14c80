package editor

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current diagnostics")

// goldenToday is the day the golden files were made against, so that "not in the future"
// gives the same answer on any day.
var goldenToday = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

func checkFile(t *testing.T, path string) ([]byte, Report) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return src, DefaultTemplate().CheckWith(src, CheckOptions{Today: goldenToday})
}

func TestValidDraftsHaveNoErrorOrWarning(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/drafts/valid/*.md")
	if len(paths) < 2 {
		t.Fatalf("want at least two valid drafts, found %d", len(paths))
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			_, rep := checkFile(t, path)
			for _, d := range rep.Diagnostics {
				if d.Severity != Info {
					t.Errorf("%d:%d %s [%s] %s", d.Line, d.Col, d.Severity, d.Code, d.Message)
				}
			}
			if rep.Completeness.Ratio != 1 || rep.Completeness.Slots == 0 {
				t.Errorf("completeness = %+v, want every slot filled", rep.Completeness)
			}
			for _, item := range rep.Outline {
				if item.State != StateDone && item.State != StateExtra {
					t.Errorf("outline item %q is %s", item.Title, item.State)
				}
			}
			checkGolden(t, path, rep)
		})
	}
}

// Each invalid draft breaks one rule of a valid one: the test names the code and the exact
// text the diagnostic must cover.
func TestInvalidDraftsAreCaught(t *testing.T) {
	tests := []struct {
		code      string
		line, col int
		covers    string // the draft's text at the diagnostic's range
	}{
		{"title", 1, 3, "Ledgerline Payments Platform"},
		{"missing-section", 14, 1, ""},
		{"heading-mismatch", 85, 4, "Lessons Learnt"},
		{"section-order", 3, 4, "Deep Dives"},
		{"empty-section", 14, 4, "The Challenge"},
		{"template-text", 16, 1, "**In 2-3 sentences, describe the core problem this system solves.**"},
		{"table-columns", 38, 1, "| Decision | Choice | Impact |"},
		{"table-empty", 72, 1, "| Layer | Tools | Key Metrics |"},
		{"missing-row", 5, 1, "| Metric | Value | Context |"},
		{"placeholder", 9, 22, "99.X%"},
		{"value-shape", 149, 35, "2024-02-30"},
		{"value-choice", 151, 36, "Fairly sure"},
		{"link-required", 50, 3, "Outbox"},
		{"missing-block", 22, 4, "Architecture Overview"},
		{"diagram-type", 56, 1, "sequenceDiagram"},
		{"block-syntax", 116, 1, "    depends_on: [ledger"},
		{"missing-item", 78, 5, "Incident Response"},
		{"broken-link", 143, 39, "#architecture-diagram"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.code] = true
		t.Run(tt.code, func(t *testing.T) {
			path := "../testdata/drafts/invalid/" + tt.code + ".md"
			src, rep := checkFile(t, path)
			var found bool
			for _, d := range rep.Diagnostics {
				if d.Severity != Info && d.Code != tt.code {
					t.Errorf("unexpected %s [%s] at %d:%d: %s", d.Severity, d.Code, d.Line, d.Col, d.Message)
				}
				if d.Code != tt.code {
					continue
				}
				found = true
				if d.Line != tt.line || d.Col != tt.col || string(src[d.From:d.To]) != tt.covers {
					t.Errorf("[%s] at %d:%d covering %q, want %d:%d covering %q", d.Code, d.Line, d.Col, src[d.From:d.To], tt.line, tt.col, tt.covers)
				}
				if d.Message == "" || !strings.HasSuffix(d.Message, ".") {
					t.Errorf("message %q should be a full sentence", d.Message)
				}
			}
			if !found {
				t.Fatalf("no [%s] diagnostic", tt.code)
			}
			checkGolden(t, path, rep)
		})
	}
	for _, code := range Codes {
		if !seen[code] {
			t.Errorf("code %s has no invalid draft", code)
		}
	}
}

// checkGolden compares the report's diagnostics with the golden JSON beside the draft's
// folder (testdata/drafts/golden/…), or rewrites it with -update.
func checkGolden(t *testing.T, draft string, rep Report) {
	t.Helper()
	got, err := json.MarshalIndent(rep.Diagnostics, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	dir := filepath.Join("../testdata/drafts/golden", filepath.Base(filepath.Dir(draft)))
	golden := filepath.Join(dir, strings.TrimSuffix(filepath.Base(draft), ".md")+".json")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./editor -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("diagnostics differ from %s (run go test ./editor -update if the change is meant):\n%s", golden, got)
	}
}

func TestTemplateAsDraftIsIncomplete(t *testing.T) {
	tpl := DefaultTemplate()
	rep := tpl.CheckWith(tpl.New(), CheckOptions{Today: goldenToday})
	if rep.Completeness.Filled != 0 || rep.Completeness.Slots == 0 {
		t.Errorf("completeness of the bare template = %+v, want 0 filled", rep.Completeness)
	}
	codes := map[string]int{}
	for _, d := range rep.Diagnostics {
		codes[d.Code]++
		if d.From > d.To || d.To > len(tpl.New()) {
			t.Errorf("bad range %+v", d.Range)
		}
	}
	for _, code := range []string{"placeholder", "template-text", "table-empty"} {
		if codes[code] == 0 {
			t.Errorf("the bare template gives no [%s]", code)
		}
	}
	for _, code := range []string{"missing-section", "section-order", "heading-mismatch"} {
		if codes[code] != 0 {
			t.Errorf("the bare template gives [%s], yet it has every section in order", code)
		}
	}
}
