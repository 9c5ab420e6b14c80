//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"casewright/editor"
)

// defaultDraftPath is where a draft is taken to live in the portal when the page does not say.
const defaultDraftPath = "case-studies/new-case-study.md"

// mountOptions are the per-session settings of core.mount's options: the template (its
// Markdown text; the built-in one when absent), the portal's search index and the draft's path.
type mountOptions struct {
	// tpl returns the template's rules. The built-in template is read when first checked
	// against, after the page is ready; a page's own is read at once, to refuse a broken one.
	tpl    func() *editor.Template
	source []byte  // the template's text, which a new draft starts from
	site   *portal // nil without a site index
	check  editor.CheckOptions
}

func readMountOptions(c *core, opts js.Value) (mountOptions, error) {
	m := mountOptions{check: editor.CheckOptions{Path: defaultDraftPath}}
	if v := opts.Get("template"); v.Type() != js.TypeString {
		m.tpl, m.source = c.tpl, editor.DefaultTemplateSource()
	} else {
		tpl, err := editor.ParseTemplate([]byte(v.String()))
		if err != nil {
			return m, fmt.Errorf("the template cannot be used: %w", err)
		}
		m.tpl, m.source = func() *editor.Template { return tpl }, tpl.New()
	}
	if v := opts.Get("path"); v.Type() == js.TypeString && v.String() != "" {
		m.check.Path = v.String()
	}
	if v := opts.Get("site"); v.Type() == js.TypeString && v.String() != "" {
		site, err := parseSearchIndex(v.String())
		if err != nil {
			return m, err
		}
		m.site, m.check.Site = site, site
	}
	return m, nil
}

// newText is the text of a new draft.
func (m mountOptions) newText() string { return string(m.source) }
