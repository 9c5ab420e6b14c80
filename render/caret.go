package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type caretExtension struct{}

// Caret adds pymdownx.caret: ^^text^^ becomes <ins>text</ins> and ^text^ <sup>text</sup>.
var Caret goldmark.Extender = &caretExtension{}

func (e *caretExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(&pairedMarker{char: '^', double: "ins", single: "sup"}, 500)),
		parser.WithASTTransformers(util.Prioritized(&singleMarkerTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&inlineMarkupRenderer{}, 500)))
}
