//go:build !(js && wasm)

package render

import (
	"strings"
	"testing"
)

func TestSanitizeKeepsTheDialect(t *testing.T) {
	src := "# Title\n\n!!! note \"N\"\n    body\n\n??? tip\n    x\n\n=== \"A\"\n    a\n\n=== \"B\"\n    b\n\n" +
		"```mermaid\ngraph TB\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n==m== ++ctrl+c++ [l](https://x.org)\n"
	var html strings.Builder
	for _, b := range New().Blocks([]byte(src)) {
		html.WriteString(b.HTML)
	}
	got := Sanitize(html.String())
	for _, want := range []string{
		`<h1 id="title">`, `<div class="admonition note">`, `<p class="admonition-title">N</p>`,
		`<details class="tip">`, `<summary>Tip</summary>`, `data-line="1"`,
		`<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">`,
		`<label for="__tabbed_1_2">B</label>`, `<pre class="mermaid">`, `<table>`,
		`<input checked="" disabled="" type="checkbox">`, `<mark>m</mark>`, `<kbd class="key-control">`,
		`<a href="https://x.org" rel="noopener noreferrer">l</a>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("sanitised HTML lost %s\n%s", want, got)
		}
	}
}

func TestSanitizeRemovesScript(t *testing.T) {
	tests := []struct{ name, src, banned string }{
		{"script block", "<script>alert(1)</script>\n", "<script"},
		{"event handler", `<div onclick="alert(1)">x</div>` + "\n", "onclick"},
		{"javascript link", "[x](javascript:alert(1))\n", "javascript:"},
		{"raw javascript link", `<a href="javascript:alert(1)">x</a>` + "\n", "javascript:"},
		{"style url", `<p style="background:url(javascript:alert(1))">x</p>` + "\n", "javascript"},
		{"iframe", `<iframe src="https://evil"></iframe>` + "\n", "<iframe"},
		{"svg onload", `<svg onload="alert(1)"></svg>` + "\n", "onload"},
		{"md in html handler", "<div markdown onmouseover=\"alert(1)\">\n*x*\n</div>\n", "onmouseover"},
		{"attr list handler", "para\n{: onclick=\"alert(1)\" }\n", "onclick"},
		{"title breakout", "!!! note \"\\\"><script>alert(1)</script>\"\n    x\n", "<script"},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(r.HTML([]byte(tt.src)))
			if strings.Contains(strings.ToLower(got), tt.banned) {
				t.Errorf("Sanitize kept %q: %s", tt.banned, got)
			}
		})
	}
}
