package render

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An AbbreviationDefinition is a `*[HTML]: Hyper Text Markup Language` line. It shows
// nothing; it makes every whole-word HTML of the document an Abbreviation.
type AbbreviationDefinition struct {
	ast.BaseBlock
	Abbr, Title string
}

// An Abbreviation is an occurrence of a defined abbreviation: <abbr title="…">.
type Abbreviation struct {
	ast.BaseInline
	Title string
}

var (
	// KindAbbreviationDefinition is the ast.NodeKind of AbbreviationDefinition.
	KindAbbreviationDefinition = ast.NewNodeKind("AbbreviationDefinition")
	// KindAbbreviation is the ast.NodeKind of Abbreviation.
	KindAbbreviation = ast.NewNodeKind("Abbreviation")
)

// Kind implements ast.Node.
func (n *AbbreviationDefinition) Kind() ast.NodeKind { return KindAbbreviationDefinition }

// Dump implements ast.Node.
func (n *AbbreviationDefinition) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Abbr": n.Abbr, "Title": n.Title}, nil)
}

// Kind implements ast.Node.
func (n *Abbreviation) Kind() ast.NodeKind { return KindAbbreviation }

// Dump implements ast.Node.
func (n *Abbreviation) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Title": n.Title}, nil)
}

var abbrDefinitionLine = regexp.MustCompile(`^[ ]{0,3}\*\[([^\]]*)\][ ]*:[ ]*(.*?)[ ]*$`)

// abbrSet holds a document's abbreviations. A chunk of a larger document is parsed with
// the whole document's set (frozen) and records its own definitions in local.
type abbrSet struct {
	defs   map[string]string
	frozen bool
	local  []abbrDef
}

type abbrDef struct{ abbr, title string }

var abbrKey = parser.NewContextKey()

func abbrsOf(pc parser.Context) *abbrSet {
	return pc.ComputeIfAbsent(abbrKey, func() any { return &abbrSet{defs: map[string]string{}} }).(*abbrSet)
}

// abbrParagraphTransformer takes definition lines out of paragraphs.
type abbrParagraphTransformer struct{}

func (t *abbrParagraphTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	var keep text.Segments
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		m := abbrDefinitionLine.FindSubmatch(bytes.TrimRight(seg.Value(src), "\r\n"))
		// An abbreviation that is not valid UTF-8 could never be matched in the text (a
		// pattern cannot hold it), so its line stays prose, visible, rather than vanishing.
		if m == nil || len(m[1]) == 0 || !utf8.Valid(m[1]) {
			keep.Append(seg)
			continue
		}
		def := &AbbreviationDefinition{Abbr: string(m[1]), Title: string(m[2])}
		def.Lines().Append(seg)
		def.SetPos(seg.Start)
		node.Parent().InsertBefore(node.Parent(), node, def)
		set := abbrsOf(pc)
		set.local = append(set.local, abbrDef{def.Abbr, def.Title})
		if !set.frozen {
			set.defs[def.Abbr] = def.Title
		}
	}
	if keep.Len() == lines.Len() {
		return
	}
	if keep.Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	node.SetLines(&keep)
}

// abbrTransformer wraps whole-word occurrences of the abbreviations in prose.
type abbrTransformer struct{}

func (t *abbrTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	set, _ := pc.Get(abbrKey).(*abbrSet)
	if set == nil || len(set.defs) == 0 {
		return
	}
	re := abbrPattern(set.defs)
	src := reader.Source()
	for _, tn := range textNodes(doc) {
		if _, inAbbr := tn.Parent().(*Abbreviation); inAbbr {
			continue
		}
		v := tn.Value(src)
		var matches []textMatch
		for _, loc := range re.FindAllIndex(v, -1) {
			word := ast.NewTextSegment(text.NewSegment(tn.Segment.Start+loc[0], tn.Segment.Start+loc[1]))
			abbr := &Abbreviation{Title: set.defs[string(v[loc[0]:loc[1]])]}
			abbr.AppendChild(abbr, word)
			matches = append(matches, textMatch{start: loc[0], end: loc[1], node: abbr})
		}
		replaceInText(tn, matches)
	}
}

// abbrPattern matches any of the abbreviations as a whole word, longest first.
func abbrPattern(defs map[string]string) *regexp.Regexp {
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return regexp.MustCompile(`\b(?:` + strings.Join(keys, "|") + `)\b`)
}

type abbrRenderer struct{}

func (r *abbrRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAbbreviation, r.renderAbbr)
	reg.Register(KindAbbreviationDefinition, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
}

func (r *abbrRenderer) renderAbbr(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<abbr title="`)
		writeEscaped(w, node.(*Abbreviation).Title)
		_, _ = w.WriteString(`">`)
	} else {
		_, _ = w.WriteString(`</abbr>`)
	}
	return ast.WalkContinue, nil
}

type abbrExtension struct{}

// Abbreviations adds Python-Markdown's abbr: `*[HTML]: Hyper Text Markup Language`.
var Abbreviations goldmark.Extender = &abbrExtension{}

func (e *abbrExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(&abbrParagraphTransformer{}, 120)),
		parser.WithASTTransformers(util.Prioritized(&abbrTransformer{}, 600)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&abbrRenderer{}, 500)))
}
