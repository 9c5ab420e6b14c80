package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Dialect returns the goldmark extensions that make up the portal's Markdown dialect.
func Dialect() []goldmark.Extender {
	return []goldmark.Extender{
		extension.GFM,
	}
}
