package render

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// taskListClassTransformer adds pymdownx.tasklist's classes to GitHub task lists:
// task-list on the list and task-list-item on each item that has a check box, which
// MkDocs Material's styles need.
type taskListClassTransformer struct{}

func (t *taskListClassTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindTaskCheckBox {
			return gast.WalkContinue, nil
		}
		for p := n.Parent(); p != nil; p = p.Parent() {
			if item, ok := p.(*gast.ListItem); ok {
				item.SetAttributeString("class", []byte("task-list-item"))
				if list := item.Parent(); list != nil {
					list.SetAttributeString("class", []byte("task-list"))
				}
				break
			}
		}
		return gast.WalkSkipChildren, nil
	})
}

type taskListClassExtension struct{}

// TaskListClasses gives task lists pymdownx.tasklist's classes; goldmark's TaskList
// extension parses them.
var TaskListClasses goldmark.Extender = &taskListClassExtension{}

func (e *taskListClassExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&taskListClassTransformer{}, 800)))
}
