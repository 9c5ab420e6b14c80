package editor

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultTemplateRules(t *testing.T) {
	tpl := DefaultTemplate()
	if tpl.title == nil || !slices.Equal(tpl.title.words, []string{"architecture"}) {
		t.Fatalf("title rule = %+v, want the literal word 'architecture'", tpl.title)
	}
	section := func(title string) *sectionRule {
		for _, s := range tpl.sections {
			if s.title == title {
				return s
			}
		}
		t.Fatalf("no section %q", title)
		return nil
	}
	if n := len(tpl.sections); n != 20 {
		t.Errorf("%d sections, want 20", n)
	}
	glance := section("At a Glance")
	var labels []string
	for _, r := range glance.tables[0].rows {
		labels = append(labels, r.label)
	}
	if want := []string{"Scale", "Data Volume", "Availability", "Latency", "Team Size", "Timeline"}; !slices.Equal(labels, want) {
		t.Errorf("At a Glance rows = %v, want %v", labels, want)
	}
	shapes := map[string]shape{"Scale": shapeNumber, "Data Volume": shapeNumber, "Availability": shapePercent, "Latency": shapeLatency, "Timeline": shapeYear}
	for _, r := range glance.tables[0].rows {
		if want, ok := shapes[r.label]; ok && r.cells[1].shape != want {
			t.Errorf("%s value shape = %v, want %v", r.label, r.cells[1].shape, want)
		}
	}
	if got := section("Patterns Applied").tables[0].linkColumn; !slices.Equal(got, []bool{true, false, false, false}) {
		t.Errorf("Patterns Applied link columns = %v", got)
	}
	if rows := section("Key Architectural Decisions").tables[0].rows; len(rows) != 0 {
		t.Errorf("an example table's rows are not required, got %d", len(rows))
	}
	if b := section("Evolution Timeline").blocks; len(b) != 1 || b[0].diagram != "timeline" {
		t.Errorf("Evolution Timeline blocks = %+v", b)
	}
	if b := section("Architecture Overview").blocks; len(b) != 1 || b[0].diagram != "graph" {
		t.Errorf("Architecture Overview blocks = %+v", b)
	}
	if b := section("Minimal Implementation (1 day)").blocks; len(b) != 1 || b[0].lang != "yaml" {
		t.Errorf("Minimal Implementation blocks = %+v", b)
	}
	var items []string
	for _, it := range section("Incident Response").lists[0].items {
		items = append(items, it.field.label)
	}
	if want := []string{"MTTR", "On-call rotation", "Runbooks", "Post-mortems"}; !slices.Equal(items, want) {
		t.Errorf("Incident Response items = %v, want %v", items, want)
	}
	if len(section("What Worked Well ✅").lists) != 0 {
		t.Error("a list with sub-lists is prose, not labelled items")
	}
	if parent := section("Incident Response").parent; tpl.sections[parent].title != "Operational Excellence" {
		t.Errorf("Incident Response parent = %q", tpl.sections[parent].title)
	}
	if len(tpl.closings) != 1 || tpl.closings[0].title != "About This Case Study" {
		t.Fatalf("closings = %+v", tpl.closings)
	}
	fields := tpl.closings[0].fields
	if len(fields) != 3 || fields[0].field.shape != shapeDate || !slices.Equal(fields[2].field.choices, []string{"high", "medium", "low"}) {
		t.Errorf("closing fields = %+v", fields)
	}
	if got := section("Related Content"); strings.Contains(string(tpl.raw[got.from:got.to]), "admonition") {
		t.Error("the last section's skeleton must stop before the closing admonition")
	}
}

func TestTemplateTuning(t *testing.T) {
	src := "---\ntitle: Case study\ncasewright:\n  optional: [Extras]\n  severity:\n    section-order: error\n    empty-section: off\n---\n# [Company] Architecture\n\n## Summary\n\nWrite it.\n\n## Details\n\nMore.\n\n## Extras\n\nAnything.\n"
	tpl, err := ParseTemplate([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if fresh := string(tpl.New()); strings.Contains(fresh, "casewright") || !strings.Contains(fresh, "title: Case study") {
		t.Errorf("New() should keep the page metadata and drop the tuning:\n%s", fresh)
	}
	draft := "# Acme Architecture\n\n## Details\n\nText.\n\n## Summary\n\n"
	rep := tpl.Check([]byte(draft))
	got := map[string]Severity{}
	for _, d := range rep.Diagnostics {
		got[d.Code] = d.Severity
	}
	if got["section-order"] != Error {
		t.Errorf("section-order severity = %q, want error (tuned)", got["section-order"])
	}
	if _, ok := got["empty-section"]; ok {
		t.Error("empty-section was turned off")
	}
	if _, ok := got["missing-section"]; ok {
		t.Error("the optional Extras section was reported missing")
	}
}

func TestParseTemplateErrors(t *testing.T) {
	tests := []struct{ name, src string }{
		{"no headings", "just a paragraph\n"},
		{"bad severity", "---\ncasewright:\n  severity:\n    title: fatal\n---\n# T\n"},
		{"bad yaml", "---\ncasewright: [\n---\n# T\n"},
	}
	for _, tt := range tests {
		if _, err := ParseTemplate([]byte(tt.src)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestAnotherTemplate(t *testing.T) {
	tpl, err := ParseTemplate([]byte("# [Team] Runbook\n\n## Service Owner\n\n| Field | Value |\n|---|---|\n| **Uptime** | 99.X% |\n\n## Steps\n\n```bash\necho restart\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		draft string
		codes []string
	}{
		{"# Payments Runbook\n\n## Service Owner\n\n| Field | Value |\n|---|---|\n| **Uptime** | 99.9% |\n\n## Steps\n\n```bash\nsystemctl restart pay\n```\n", nil},
		{"# Payments Runbook\n\n## Service Owner\n\n| Field | Value |\n|---|---|\n| **Uptime** | most days |\n\n## Steps\n\nRestart it.\n", []string{"value-shape", "missing-block"}},
		{"# Payments\n\n## Steps\n\n```bash\nx\n```\n", []string{"title", "missing-section"}},
	}
	for _, tt := range tests {
		var codes []string
		for _, d := range tpl.Check([]byte(tt.draft)).Diagnostics {
			codes = append(codes, d.Code)
		}
		slices.Sort(codes)
		want := slices.Sorted(slices.Values(tt.codes))
		if !slices.Equal(codes, want) {
			t.Errorf("%q: codes %v, want %v", tt.draft, codes, want)
		}
	}
}
