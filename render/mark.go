package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type markExtension struct{}

// Mark adds pymdownx.mark: ==text== becomes <mark>text</mark>.
var Mark goldmark.Extender = &markExtension{}

func (e *markExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&pairedMarker{char: '=', double: "mark"}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&inlineMarkupRenderer{}, 500)))
}
