package editor

import (
	"os"
	"strings"
	"testing"
)

func TestLinksWithSite(t *testing.T) {
	src, err := os.ReadFile("../testdata/drafts/valid/ledgerline-payments.md")
	if err != nil {
		t.Fatal(err)
	}
	draft := strings.Replace(string(src), "- Back to the", "- See [the Saga page](../patterns/saga.md#compensation) and [a lost page](lost.md)\n- Back to the", 1)
	site := SitePages{
		"patterns/saga.md": {"compensation": true},
		// The template's own links point at the pattern library: known here.
		"pattern-library/communication/idempotent-receiver/index.md": {},
		"pattern-library/data-management/outbox/index.md":            {},
		"pattern-library/scaling/sharding/index.md":                  {},
		"pattern-library/data-management/saga/index.md":              {},
		"ledgerline/ledger-design/index.md":                          {},
		"ledgerline/idempotency/index.md":                            {},
	}
	rep := DefaultTemplate().CheckWith([]byte(draft), CheckOptions{Site: site, Path: "case-studies/ledgerline.md", Today: goldenToday})
	var broken []string
	for _, d := range rep.Diagnostics {
		if d.Code == "broken-link" {
			broken = append(broken, draft[d.From:d.To])
		} else if d.Severity != Info {
			t.Errorf("unexpected [%s] %s", d.Code, d.Message)
		}
	}
	if len(broken) != 1 || broken[0] != "lost.md" {
		t.Errorf("broken links = %q, want only lost.md", broken)
	}
}

func TestAnchorsFollowDuplicateHeadings(t *testing.T) {
	tpl, err := ParseTemplate([]byte("# T\n\n## Notes\n\ntext\n"))
	if err != nil {
		t.Fatal(err)
	}
	draft := "# T\n\n## Notes\n\nSee [one](#notes), [two](#notes_1) and [three](#notes_2).\n\n### Notes\n\nMore.\n"
	var broken []string
	for _, d := range tpl.Check([]byte(draft)).Diagnostics {
		if d.Code == "broken-link" {
			broken = append(broken, draft[d.From:d.To])
		}
	}
	if len(broken) != 1 || broken[0] != "#notes_2" {
		t.Errorf("broken = %q, want only #notes_2 (ids as the preview makes them)", broken)
	}
}

func TestIsRelativeTellsPortalPathsFromURLs(t *testing.T) {
	for dest, want := range map[string]bool{
		"page.md":              true,
		"../guides/setup.md#x": true,
		"#anchor":              true,
		"?q=1":                 true,
		"a/b:c.md":             true, // the colon comes after a slash: a path, not a scheme
		"my page.md":           true,
		"https://example.org/": false,
		"mailto:team@example":  false,
		"C:notes.md":           false, // what url.Parse reads as a scheme, too
		"x-custom+1.0:thing":   false,
		"//cdn.example/x.js":   false,
		":nothing":             false,
	} {
		if got := isRelative(dest); got != want {
			t.Errorf("isRelative(%q) = %v, want %v", dest, got, want)
		}
	}
}
