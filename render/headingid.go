package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs records what heading ids depend on, so that a document split into chunks
// can number duplicate ids across chunks the way one parse would.
type headingIDs struct {
	explicit []string      // ids written in the source (attr_list), document-wide
	auto     []autoHeading // headings that need a generated id, in document order
}

type autoHeading struct {
	node *ast.Heading
	slug string
}

var headingIDsKey = parser.NewContextKey()

// chunkModeKey marks a parse of one chunk of a larger document: document-wide numbering
// (heading ids, tab sets) is left to the caller.
var chunkModeKey = parser.NewContextKey()

// headingIDTransformer gives every heading an id: toc's slug of its text, made unique
// against every id written in the document and every earlier heading id.
type headingIDTransformer struct{}

func (t *headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	rec := &headingIDs{}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				rec.explicit = append(rec.explicit, string(b))
			}
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			rec.auto = append(rec.auto, autoHeading{node: h, slug: Slug(headingText(h, src))})
		}
		return ast.WalkContinue, nil
	})
	pc.Set(headingIDsKey, rec)
	if pc.Get(chunkModeKey) == nil {
		assignHeadingIDs(NewIDs(), []*headingIDs{rec})
	}
}

// assignHeadingIDs sets the id attribute of every auto heading of recs, in order, after
// reserving every explicit id of all of them (toc collects those first).
func assignHeadingIDs(ids *IDs, recs []*headingIDs) {
	for _, r := range recs {
		for _, id := range r.explicit {
			ids.Put([]byte(id))
		}
	}
	for _, r := range recs {
		for _, h := range r.auto {
			h.node.SetAttributeString("id", []byte(ids.Unique(h.slug)))
		}
	}
}

// headingText is the text toc slugs: the heading's text without markup or raw HTML.
func headingText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if !c.IsRaw() {
				b.Write(c.Value)
			}
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// headingRenderer renders headings with toc's permalink (`permalink: true` in mkdocs.yml).
type headingRenderer struct {
	html.Config
}

func (r *headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.render)
}

var headingLevels = [...]string{"0", "1", "2", "3", "4", "5", "6"}

func (r *headingRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := headingLevels[min(max(n.Level, 1), 6)]
	if entering {
		_, _ = w.WriteString("<h" + level)
		if n.Attributes() != nil {
			html.RenderAttributes(w, n, html.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id, ok := n.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			_, _ = w.WriteString(`<a class="headerlink" href="#`)
			_, _ = w.Write(util.EscapeHTML(b))
			_, _ = w.WriteString(`" title="Permanent link">&para;</a>`)
		}
	}
	_, _ = w.WriteString("</h" + level + ">\n")
	return ast.WalkContinue, nil
}

type headingIDExtension struct{}

// HeadingIDs gives headings toc's ids and permalinks.
var HeadingIDs goldmark.Extender = &headingIDExtension{}

func (e *headingIDExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&headingIDTransformer{}, 1100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&headingRenderer{Config: html.NewConfig()}, 100)))
}
