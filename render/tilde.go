package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type tildeExtension struct{}

// Tilde adds pymdownx.tilde: ~~text~~ becomes <del>text</del> (GitHub's strikethrough)
// and ~text~ becomes <sub>text</sub>.
var Tilde goldmark.Extender = &tildeExtension{}

func (e *tildeExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(&pairedMarker{char: '~', double: "del", single: "sub"}, 500)),
		parser.WithASTTransformers(util.Prioritized(&singleMarkerTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&inlineMarkupRenderer{}, 500)))
}
