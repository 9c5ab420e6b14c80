package editor

import "testing"

// New() drops the template's tuning from its front matter and keeps the portal's metadata as
// the template wrote it.
func TestNewDropsTuning(t *testing.T) {
	const heading = "# [Company] Architecture\n\n## Summary\n\nWrite it.\n"
	tests := []struct{ name, front, want string }{
		{"tuning last",
			"title: Case study\ncasewright:\n  optional: [Summary]\n  severity:\n    section-order: error\n    empty-section: off\n",
			"---\ntitle: Case study\n---\n"},
		{"tuning first",
			"casewright:\n  optional: [Summary]\ntitle: Case study\n",
			"---\ntitle: Case study\n---\n"},
		{"comments and spacing kept, the tuning's own comment dropped",
			"# page\ntitle: 'Case study'   # the title\n\n# tuning\ncasewright:\n  optional:\n  - A\n  # more later\n  - B\n\n# tags\ntags: [a, b]\n",
			"---\n# page\ntitle: 'Case study'   # the title\n\n# tags\ntags: [a, b]\n---\n"},
		{"only tuning: no front matter left",
			"casewright: {optional: [A]}\n",
			""},
		{"folded scalar kept as written",
			"title: x\ndescription: >\n  long\n  text\ncasewright:\n  severity: {title: off}\n",
			"---\ntitle: x\ndescription: >\n  long\n  text\n---\n"},
		{"block scalar inside the tuning",
			"casewright:\n  optional:\n    - |\n      Deep\n\n      Dives\ntitle: x\n",
			"---\ntitle: x\n---\n"},
		{"empty tuning",
			"title: x\ncasewright:\n",
			"---\ntitle: x\n---\n"},
		{"indented mapping",
			"  title: x\n  casewright:\n    optional: [A]\n  tags: [a]\n",
			"---\n  title: x\n  tags: [a]\n---\n"},
		{"flow mapping, tuning in the middle",
			"{title: x, casewright: {optional: [A]}, tags: [a]}\n",
			"---\n{title: x, tags: [a]}\n---\n"},
		{"flow mapping, tuning last",
			"{title: x,\n casewright: {optional: [A]}}\n",
			"---\n{title: x}\n---\n"},
		{"tuning through an alias",
			"base: &b {optional: [A]}\ncasewright: *b\n",
			"---\nbase: &b {optional: [A]}\n---\n"},
		{"an anchor the rest refers to: kept whole rather than broken",
			"casewright: &b {optional: [A]}\nother: *b\n",
			"---\ncasewright: &b {optional: [A]}\nother: *b\n---\n"},
		{"explicit key: kept whole rather than broken",
			"title: x\n? casewright\n: {optional: [A]}\n",
			"---\ntitle: x\n? casewright\n: {optional: [A]}\n---\n"},
		{"no tuning: untouched",
			"title:   x\n",
			"---\ntitle:   x\n---\n"},
		{"CRLF line ends kept",
			"title: x\r\ncasewright:\r\n  optional: [A]\r\n",
			"---\ntitle: x\r\n---\n"},
	}
	for _, tt := range tests {
		tpl, err := ParseTemplate([]byte("---\n" + tt.front + "---\n" + heading))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got, want := string(tpl.New()), tt.want+heading; got != want {
			t.Errorf("%s: New() =\n%q\nwant\n%q", tt.name, got, want)
		}
	}
}
