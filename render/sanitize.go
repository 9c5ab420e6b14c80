//go:build !(js && wasm)

// The command line's sanitiser. The browser sanitises with the page's own (DOMPurify), so the
// WebAssembly core leaves bluemonday out: smaller, and no policy to build at start-up.

package render

import (
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// sanitizer allows what the dialect produces and nothing that runs script. Built once:
// a bluemonday policy is safe for concurrent use once configured.
var sanitizer = newSanitizer()

func newSanitizer() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^[\w\- ]*$`)).Globally()
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^[\w\-:.]+$`)).Globally()
	p.AllowAttrs("title").Globally()
	p.AllowAttrs("data-line").Matching(regexp.MustCompile(`^[0-9]+$`)).OnElements("div")
	p.AllowAttrs("data-tabs").Matching(regexp.MustCompile(`^[0-9]+:[0-9]+$`)).OnElements("div")
	p.AllowElements("details", "summary", "mark", "ins", "del", "sub", "sup", "kbd", "abbr",
		"dl", "dt", "dd", "label", "input", "div", "span", "pre", "code", "hr")
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^(radio|checkbox)$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").OnElements("input")
	p.AllowAttrs("name").Matching(regexp.MustCompile(`^[\w\-]+$`)).OnElements("input")
	p.AllowAttrs("for").Matching(regexp.MustCompile(`^[\w\-]+$`)).OnElements("label")
	p.AllowAttrs("target").Matching(regexp.MustCompile(`^_blank$`)).OnElements("a")
	p.RequireNoFollowOnLinks(false)
	p.RequireNoReferrerOnLinks(true)
	return p
}

// relValue matches the rel attribute bluemonday writes on links, in either order.
var relValue = regexp.MustCompile(`rel="(noreferrer|noreferrer noopener|noopener noreferrer)"`)

// Sanitize makes HTML from the renderer safe to put in a page outside the preview (the
// command line's output): the dialect's elements, classes, ids and data-line stay; script,
// event handlers, style and javascript: URLs go; links get rel="noopener noreferrer".
func Sanitize(html string) string {
	out := sanitizer.Sanitize(html)
	if !strings.Contains(out, "rel=") {
		return out
	}
	return relValue.ReplaceAllString(out, `rel="noopener noreferrer"`)
}
