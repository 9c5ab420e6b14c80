//go:build js && wasm

package main

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"casewright/wasm/internal/jsobj"
)

// portal is the Site of a docs portal read from its MkDocs search index
// (search/search_index.json): every page location with the anchors of its headings.
type portal struct {
	pages  map[string]map[string]bool // page key ("patterns/circuit-breaker") → anchors
	titles map[string]string          // page key or "key#anchor" → title, for completion
}

// searchDoc is one entry of MkDocs' search index: a page, or a heading of one.
type searchDoc struct{ location, title string }

// parseSearchIndex reads MkDocs' search index: {"docs": [{"location": "page/#anchor", "title"}]}.
// The browser parses it; only each entry's location and title cross into Go, not the text of
// every page that the index also holds.
func parseSearchIndex(text string) (*portal, error) {
	var docs []searchDoc
	index, err := jsobj.Parse(text)
	if err == nil {
		err = jsobj.Read(index, func(f *jsobj.Fields) {
			for i, v := range f.Array("docs") {
				var d searchDoc
				if err := jsobj.Read(v, func(f *jsobj.Fields) { d = searchDoc{f.String("location"), f.String("title")} }); err != nil {
					f.Fail(fmt.Errorf("docs[%d]: %w", i, err))
					return
				}
				docs = append(docs, d)
			}
		})
	}
	if err != nil {
		return nil, fmt.Errorf("the site index is not a MkDocs search index: %w", err)
	}
	p := &portal{pages: map[string]map[string]bool{}, titles: map[string]string{}}
	for _, d := range docs {
		loc, anchor, _ := strings.Cut(d.location, "#")
		key := locationKey(loc)
		if p.pages[key] == nil {
			p.pages[key] = map[string]bool{}
		}
		if anchor != "" {
			p.pages[key][anchor] = true
			p.titles[key+"#"+anchor] = d.title
		} else if _, ok := p.titles[key]; !ok {
			p.titles[key] = d.title
		}
	}
	return p, nil
}

// locationKey turns a built location ("patterns/x/", "patterns/x.html", "") into a page key.
func locationKey(loc string) string {
	loc = strings.TrimSuffix(strings.TrimSuffix(loc, "/"), ".html")
	if loc == "index" || strings.HasSuffix(loc, "/index") {
		loc = strings.TrimSuffix(strings.TrimSuffix(loc, "index"), "/")
	}
	return strings.TrimPrefix(loc, "/")
}

// pageKey turns a docs-relative link target ("patterns/x.md", "patterns/x/index.md",
// "patterns/x" from "/patterns/x/") into the same key as the page's built location.
func pageKey(page string) string {
	page = strings.TrimSuffix(page, ".md")
	if page == "." {
		page = ""
	}
	return locationKey(page)
}

// HasPage reports whether the portal has page, a docs-relative path.
func (p *portal) HasPage(page string) bool { _, ok := p.pages[pageKey(page)]; return ok }

// HasAnchor reports whether page has a heading with id anchor.
func (p *portal) HasAnchor(page, anchor string) bool { return p.pages[pageKey(page)][anchor] }

// linkTarget is one completion for a link: a Markdown path relative to the draft.
type linkTarget struct {
	Target string `json:"target"`
	Title  string `json:"title"`
}

// linkTargets lists every page and anchor as a link written in the draft at draftPath.
func (p *portal) linkTargets(draftPath string) []linkTarget {
	keys := make([]string, 0, len(p.pages))
	for k := range p.pages {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] }) // sort.Strings would link a generic sort of its own
	var out []linkTarget
	for _, k := range keys {
		file := "index.md"
		if k != "" {
			file = k + ".md"
		}
		target := relativePath(path.Dir(draftPath), file)
		out = append(out, linkTarget{Target: target, Title: p.titles[k]})
		anchors := make([]string, 0, len(p.pages[k]))
		for a := range p.pages[k] {
			anchors = append(anchors, a)
		}
		sort.Slice(anchors, func(i, j int) bool { return anchors[i] < anchors[j] })
		for _, a := range anchors {
			out = append(out, linkTarget{Target: target + "#" + a, Title: p.titles[k+"#"+a]})
		}
	}
	return out
}

// relativePath is the path from directory dir to file, both docs-relative.
func relativePath(dir, file string) string {
	split := func(s string) []string {
		if s == "." || s == "" {
			return nil
		}
		return strings.Split(s, "/")
	}
	from, to := split(dir), split(file)
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	parts := make([]string, 0, len(from)-i+len(to)-i)
	for range from[i:] {
		parts = append(parts, "..")
	}
	return strings.Join(append(parts, to[i:]...), "/")
}
