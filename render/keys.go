package render

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Keys node is a pymdownx.keys key combination such as ++ctrl+alt+del++.
type Keys struct {
	ast.BaseInline
	Keys []Key
}

// A Key is one key of a combination: its canonical name ("" for a quoted custom key)
// and the text shown.
type Key struct{ Name, Label string }

// KindKeys is the ast.NodeKind of Keys.
var KindKeys = ast.NewNodeKind("Keys")

// Kind implements ast.Node.
func (n *Keys) Kind() ast.NodeKind { return KindKeys }

// Dump implements ast.Node.
func (n *Keys) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type keysParser struct{}

// maxKeys bounds the search for the closing ++, so that a long line of pluses stays linear.
const maxKeys = 256

func (p *keysParser) Trigger() []byte { return []byte{'+'} }

func (p *keysParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 5 || line[1] != '+' || block.PrecendingCharacter() == '\\' {
		return nil
	}
	end := bytes.Index(line[2:min(len(line), maxKeys)], []byte("++"))
	if end <= 0 {
		return nil
	}
	body := line[2 : 2+end]
	var keys []Key
	for _, part := range splitKeys(body) {
		k, ok := lookupKey(part)
		if !ok {
			return nil // PyMdown leaves the text alone when one key is unknown
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil
	}
	block.Advance(2 + end + 2)
	return &Keys{Keys: keys}
}

// splitKeys splits "ctrl+alt+'a+b'" at the plus signs outside quotes.
func splitKeys(body []byte) []string {
	var parts []string
	start, quote := 0, byte(0)
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case quote != 0 && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == '+':
			parts = append(parts, string(body[start:i]))
			start = i + 1
		}
	}
	return append(parts, string(body[start:]))
}

func lookupKey(part string) (Key, bool) {
	if len(part) >= 3 && (part[0] == '"' || part[0] == '\'') && part[len(part)-1] == part[0] {
		label := strings.TrimSpace(string(util.UnescapePunctuations([]byte(part[1 : len(part)-1]))))
		return Key{Label: label}, label != ""
	}
	for i := 0; i < len(part); i++ {
		if c := part[i]; !(util.IsAlphaNumeric(c) || c == '_' || c == '-') {
			return Key{}, false
		}
	}
	name := part
	if alias, ok := keyAliases[name]; ok {
		name = alias
	}
	label, ok := keyNames[name]
	return Key{Name: name, Label: label}, ok
}

type keysRenderer struct{}

func (r *keysRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindKeys, r.render)
}

func (r *keysRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<span class="keys">`)
	for i, k := range node.(*Keys).Keys {
		if i > 0 {
			_, _ = w.WriteString(`<span>+</span>`)
		}
		if k.Name != "" {
			_, _ = w.WriteString(`<kbd class="key-`)
			writeEscaped(w, k.Name)
			_, _ = w.WriteString(`">`)
		} else {
			_, _ = w.WriteString(`<kbd>`)
		}
		writeEscaped(w, k.Label)
		_, _ = w.WriteString(`</kbd>`)
	}
	_, _ = w.WriteString(`</span>`)
	return ast.WalkContinue, nil
}

type keysExtension struct{}

// KeysExtension adds pymdownx.keys: ++ctrl+alt+del++ becomes styled <kbd> elements.
var KeysExtension goldmark.Extender = &keysExtension{}

func (e *keysExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(&keysParser{}, 450)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&keysRenderer{}, 500)))
}
