package editor

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A Site knows the pages of the portal a draft will be published in, and their anchors, so
// that links to other pages can be checked. Paths are relative to the docs directory, with
// slashes ("patterns/circuit-breaker/index.md").
type Site interface {
	HasPage(page string) bool
	HasAnchor(page, anchor string) bool
}

// SitePages is a Site read from a list: each page path with the set of its anchors.
type SitePages map[string]map[string]bool

// HasPage reports whether the portal has page.
func (s SitePages) HasPage(page string) bool { _, ok := s[page]; return ok }

// HasAnchor reports whether page has a heading or element with id anchor.
func (s SitePages) HasAnchor(page, anchor string) bool { return s[page][anchor] }

// checkLinks reports links to headings that the draft does not have and, with a Site, links
// to pages the portal does not have.
func (c *checker) checkLinks(links []*ast.Link, anchors map[string]bool) {
	for _, l := range links {
		if len(l.Destination) == 0 {
			continue
		}
		if l.Destination[0] == '#' {
			if bytes.IndexByte(l.Destination, '%') < 0 && anchors[string(l.Destination[1:])] {
				continue // the common case, looked up without making a string
			}
			anchor := unescape(string(l.Destination[1:]))
			if anchor != "" && !anchors[anchor] {
				from, to := c.destinationSpan(l)
				c.report(from, to, Error, "broken-link",
					fmt.Sprintf("No heading of this case study has the anchor '#%s': link to an existing heading or fix the anchor.", anchor))
			}
			continue
		}
		if c.opts.Site == nil {
			continue
		}
		dest := string(l.Destination)
		if !isRelative(dest) {
			continue
		}
		page, anchor, _ := strings.Cut(dest, "#")
		page = c.resolve(unescape(page))
		from, to := c.destinationSpan(l)
		switch {
		case !c.opts.Site.HasPage(page):
			c.report(from, to, Error, "broken-link",
				fmt.Sprintf("The portal has no page '%s': fix the link or write the page.", page))
		case anchor != "" && !c.opts.Site.HasAnchor(page, unescape(anchor)):
			c.report(from, to, Error, "broken-link",
				fmt.Sprintf("The page '%s' has no anchor '#%s'.", page, anchor))
		}
	}
}

// resolve turns a link target into a docs-relative page path, as MkDocs does: from the
// draft's own directory, or from the docs root for a target starting with '/'.
func (c *checker) resolve(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(c.opts.Path), target)), "/")
}

// isRelative says whether dest is a path within the portal: no scheme (RFC 3986: a letter,
// then letters, digits, '+', '-' or '.', then ':', before any '/', '?' or '#') and no host.
// (Not url.Parse, which would take net/url's parser and net/netip into the WebAssembly core.)
func isRelative(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return false
	}
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case c == ':':
			return false
		case c == '/' || c == '?' || c == '#':
			return true
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return true
		}
	}
	return true
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// destinationSpan finds a link's destination in the draft, after its text; for a reference
// link, whose destination lives elsewhere, it gives the link's text.
func (c *checker) destinationSpan(l *ast.Link) (from, to int) {
	start := max(l.Pos(), 0)
	textEnd := start
	if _, end, ok := nodeSpan(l); ok {
		textEnd = end
	}
	limit := min(len(c.src), textEnd+len(l.Destination)+len(l.Title)+64)
	if textEnd < limit {
		if i := bytes.Index(c.src[textEnd:limit], l.Destination); i >= 0 {
			from = textEnd + i
			return from, from + len(l.Destination)
		}
	}
	return start, max(textEnd, start)
}
