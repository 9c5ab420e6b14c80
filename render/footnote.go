package render

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// footnoteListRenderer writes the footnote section as Python-Markdown does
// (<div class="footnote">, which MkDocs Material styles) instead of goldmark's
// <div class="footnotes">.
type footnoteListRenderer struct{}

func (r *footnoteListRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFootnoteList, r.render)
}

func (r *footnoteListRenderer) render(w util.BufWriter, src []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"footnote\">\n<hr>\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</div>\n")
	}
	return gast.WalkContinue, nil
}

type footnoteExtension struct{ goldmark.Extender }

func (e *footnoteExtension) Extend(m goldmark.Markdown) {
	e.Extender.Extend(m)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&footnoteListRenderer{}, 100)))
}

// Footnotes is goldmark's footnote extension with Python-Markdown's markup: ids fn:N and
// fnref:N, classes footnote-ref and footnote-backref, the ↩ back link.
var Footnotes goldmark.Extender = &footnoteExtension{extension.NewFootnote(
	extension.WithFootnoteBacklinkHTML("&#8617;"),
)}
