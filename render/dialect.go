package render

import (
	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	"github.com/yuin/goldmark/extension"
)

// Dialect returns the goldmark extensions that make up the portal's Markdown dialect:
// CommonMark plus GitHub tables, autolinks and task lists, plus the portal's
// Python-Markdown and PyMdown extensions (see docs/dialect.md). Strikethrough comes from
// Tilde, which also reads pymdownx.tilde's `~sub~`.
func Dialect() []goldmark.Extender {
	return []goldmark.Extender{
		extension.Table,
		extension.Linkify,
		extension.TaskList,
		TaskListClasses,
		AdmonitionExtension,
		Tabbed,
		SuperFences,
		HeadingIDs,
		AttrList,
		MarkdownInHTML,
		Footnotes,
		extension.DefinitionList,
		Abbreviations,
		emoji.New(emoji.WithRenderingMethod(emoji.Unicode)),
		Mark,
		Tilde,
		Caret,
		KeysExtension,
		SmartSymbols,
		Arithmatex,
		Snippets,
		DelimiterBudget,
	}
}
