package render

import (
	"regexp"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Tab is one `=== "Label"` block of pymdownx.tabbed; its children are the tab's body.
type Tab struct {
	ast.BaseBlock
	Label string
	// Selected marks `===+`, the tab shown first; NewSet marks `===!`, which starts a new
	// set even right after another tab.
	Selected bool
	NewSet   bool
}

// A TabSet groups consecutive Tabs. Index numbers the sets of a document from 1, as the
// radio inputs' ids do (`__tabbed_<Index>_<n>`).
type TabSet struct {
	ast.BaseBlock
	Index int
}

var (
	// KindTab is the ast.NodeKind of Tab.
	KindTab = ast.NewNodeKind("Tab")
	// KindTabSet is the ast.NodeKind of TabSet.
	KindTabSet = ast.NewNodeKind("TabSet")
)

// Kind implements ast.Node.
func (n *Tab) Kind() ast.NodeKind { return KindTab }

// Dump implements ast.Node.
func (n *Tab) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Label": n.Label}, nil)
}

// Kind implements ast.Node.
func (n *TabSet) Kind() ast.NodeKind { return KindTabSet }

// Dump implements ast.Node.
func (n *TabSet) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": strconv.Itoa(n.Index)}, nil)
}

var tabHeader = regexp.MustCompile(`^===([!+]{0,2}) +"(.*?)" *$`)

type tabParser struct{}

func (p *tabParser) Trigger() []byte { return []byte{'='} }

func (p *tabParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line := restOfLine(reader, pc)
	m := tabHeader.FindSubmatch(line)
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &Tab{Label: string(m[2])}
	for _, c := range m[1] {
		n.Selected = n.Selected || c == '+'
		n.NewSet = n.NewSet || c == '!'
	}
	reader.Advance(len(line))
	return n, parser.HasChildren
}

func (p *tabParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return continueIndentedBody(reader)
}

func (p *tabParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (p *tabParser) CanInterruptParagraph() bool { return true }

func (p *tabParser) CanAcceptIndentedLine() bool { return false }

// tabSets records the sets of one parse, in document order, for numbering.
type tabSets struct{ sets []*TabSet }

var tabSetsKey = parser.NewContextKey()

// tabSetTransformer wraps runs of sibling Tabs into TabSets and numbers them.
type tabSetTransformer struct{}

func (t *tabSetTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	rec := &tabSets{}
	var group func(parent ast.Node)
	group = func(parent ast.Node) {
		var set *TabSet
		for c := parent.FirstChild(); c != nil; {
			next := c.NextSibling()
			tab, ok := c.(*Tab)
			if !ok {
				set = nil
				if c.Type() == ast.TypeBlock {
					group(c)
				}
				c = next
				continue
			}
			if set == nil || tab.NewSet {
				set = &TabSet{}
				set.SetPos(tab.Pos())
				set.SetBlankPreviousLines(tab.HasBlankPreviousLines())
				parent.InsertBefore(parent, tab, set)
				rec.sets = append(rec.sets, set)
			}
			parent.RemoveChild(parent, tab)
			set.AppendChild(set, tab)
			group(tab)
			c = next
		}
	}
	group(doc)
	pc.Set(tabSetsKey, rec)
	if pc.Get(chunkModeKey) == nil {
		numberTabSets(0, rec)
	}
}

// numberTabSets numbers the sets of rec after the first `before` sets of the document.
func numberTabSets(before int, rec *tabSets) {
	for i, s := range rec.sets {
		s.Index = before + i + 1
	}
}

type tabRenderer struct{}

func (r *tabRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTabSet, r.renderSet)
	reg.Register(KindTab, r.renderTab)
}

// renderSet writes pymdownx.tabbed's alternate style: radio inputs, then labels, then the
// blocks; CSS alone shows the block of the checked input.
func (r *tabRenderer) renderSet(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n</div>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*TabSet)
	set := strconv.Itoa(n.Index)
	count, checked := 0, 1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		count++
		if t, ok := c.(*Tab); ok && t.Selected {
			checked = count
		}
	}
	_, _ = w.WriteString(`<div class="tabbed-set tabbed-alternate" data-tabs="` + set + ":" + strconv.Itoa(count) + `">`)
	for i := 1; i <= count; i++ {
		id := "__tabbed_" + set + "_" + strconv.Itoa(i)
		if i == checked {
			_, _ = w.WriteString(`<input checked="checked" id="` + id + `" name="__tabbed_` + set + `" type="radio">`)
		} else {
			_, _ = w.WriteString(`<input id="` + id + `" name="__tabbed_` + set + `" type="radio">`)
		}
	}
	_, _ = w.WriteString(`<div class="tabbed-labels">`)
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		i++
		_, _ = w.WriteString(`<label for="__tabbed_` + set + "_" + strconv.Itoa(i) + `">`)
		if t, ok := c.(*Tab); ok {
			writeEscaped(w, t.Label)
		}
		_, _ = w.WriteString(`</label>`)
	}
	_, _ = w.WriteString("</div>\n<div class=\"tabbed-content\">\n")
	return ast.WalkContinue, nil
}

func (r *tabRenderer) renderTab(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"tabbed-block\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

type tabbedExtension struct{}

// Tabbed adds pymdownx.tabbed content tabs in its alternate style.
var Tabbed goldmark.Extender = &tabbedExtension{}

func (e *tabbedExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(&tabParser{}, 150)),
		parser.WithASTTransformers(util.Prioritized(&tabSetTransformer{}, 500)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&tabRenderer{}, 500)))
}
