package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// fenceRenderer renders fenced code as pymdownx.superfences does for the portal's custom
// fences: a ```mermaid fence becomes <pre class="mermaid"><code>…</code></pre>, which
// mermaid renders in the browser. Other fences keep CommonMark's <pre><code>; syntax
// highlighting (Pygments on the portal) is left to the page's styles.
type fenceRenderer struct{}

func (r *fenceRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r *fenceRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := n.Language(src)
	mermaid := bytes.Equal(lang, []byte("mermaid"))
	switch {
	case mermaid:
		_, _ = w.WriteString(`<pre class="mermaid"><code>`)
	case lang != nil:
		_, _ = w.WriteString(`<pre><code class="language-`)
		html.DefaultWriter.Write(w, lang)
		_, _ = w.WriteString(`">`)
	default:
		_, _ = w.WriteString(`<pre><code>`)
	}
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src)
		if mermaid && i == lines.Len()-1 {
			line = bytes.TrimRight(line, "\n") // superfences drops the last newline
		}
		_, _ = w.Write(util.EscapeHTML(line))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

type superFencesExtension struct{}

// SuperFences renders ```mermaid fences for mermaid (pymdownx.superfences custom fence).
// Fences nest inside admonitions, details and tabs because those are goldmark containers.
var SuperFences goldmark.Extender = &superFencesExtension{}

func (e *superFencesExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&fenceRenderer{}, 100)))
}
