package render

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var smartSymbols = map[string]string{
	"(tm)": "™", "(c)": "©", "(r)": "®", "+/-": "±", "=/=": "≠", "c/o": "℅",
	"-->": "→", "<--": "←", "<-->": "↔",
	"1/4": "¼", "1/2": "½", "3/4": "¾", "1/3": "⅓", "2/3": "⅔", "1/5": "⅕", "2/5": "⅖",
	"3/5": "⅗", "4/5": "⅘", "1/6": "⅙", "5/6": "⅚", "1/8": "⅛", "3/8": "⅜", "5/8": "⅝", "7/8": "⅞",
}

func isWordByte(c byte) bool { return util.IsAlphaNumeric(c) || c == '_' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// nextSymbol finds the next smartsymbols match in v from i: its range and whether it is
// an ordinal number (1st, 22nd, 13th). A hand-written scanner: prose is full of the
// trigger characters and a regexp with the look-arounds costs far more.
func nextSymbol(v []byte, i int) (start, end int, ordinal bool) {
	at := func(k int) byte {
		if k < 0 || k >= len(v) {
			return 0
		}
		return v[k]
	}
	for ; i < len(v); i++ {
		switch c := v[i]; {
		case c == '(':
			for _, s := range [...]string{"(tm)", "(c)", "(r)"} {
				if hasAt(v, i, s) {
					return i, i + len(s), false
				}
			}
		case c == '+' && hasAt(v, i, "+/-"), c == '=' && hasAt(v, i, "=/="):
			return i, i + 3, false
		case c == 'c' && hasAt(v, i, "c/o") && !isWordByte(at(i-1)) && !isWordByte(at(i+3)):
			return i, i + 3, false
		case c == '<' && hasAt(v, i, "<-->"):
			return i, i + 4, false
		case c == '<' && hasAt(v, i, "<--") && at(i+3) != '-':
			return i, i + 3, false
		case c == '-' && hasAt(v, i, "-->") && at(i-1) != '-':
			return i, i + 3, false
		case isDigit(c) && !isDigit(at(i-1)):
			if at(i+1) == '/' && isDigit(at(i+2)) && !isDigit(at(i+3)) {
				if _, ok := smartSymbols[string(v[i:i+3])]; ok {
					return i, i + 3, false
				}
			}
			if isWordByte(at(i - 1)) {
				continue
			}
			j := i
			for j < len(v) && isDigit(v[j]) {
				j++
			}
			if j+2 <= len(v) && !isWordByte(at(j+2)) && ordinalSuffix(v[i:j], string(v[j:j+2])) {
				return i, j + 2, true
			}
			i = j - 1
		}
	}
	return -1, -1, false
}

func hasAt(v []byte, i int, s string) bool {
	return len(v)-i >= len(s) && string(v[i:i+len(s)]) == s
}

// ordinalSuffix reports whether digits followed by suffix is an English ordinal.
func ordinalSuffix(digits []byte, suffix string) bool {
	last := digits[len(digits)-1]
	teen := len(digits) > 1 && digits[len(digits)-2] == '1'
	switch suffix {
	case "st":
		return last == '1'
	case "nd":
		return last == '2'
	case "rd":
		return last == '3'
	case "th":
		return last == '0' || last >= '4' || teen
	}
	return false
}

// smartSymbolTransformer replaces symbols in prose with their Unicode characters.
type smartSymbolTransformer struct{}

func (t *smartSymbolTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	for _, tn := range textNodes(doc) {
		v := tn.Value(src)
		var matches []textMatch
		for i := 0; ; {
			start, end, ordinal := nextSymbol(v, i)
			if start < 0 {
				break
			}
			i = end
			m := string(v[start:end])
			var node ast.Node
			if ordinal {
				s := ast.NewString([]byte(m[:len(m)-2] + "<sup>" + m[len(m)-2:] + "</sup>"))
				s.SetCode(true) // written as is: it holds markup
				node = s
			} else {
				node = ast.NewString([]byte(smartSymbols[m]))
			}
			matches = append(matches, textMatch{start: start, end: end, node: node})
		}
		replaceInText(tn, matches)
	}
}

type smartSymbolsExtension struct{}

// SmartSymbols adds pymdownx.smartsymbols: (c), (tm), -->, 1/2, 1st and friends.
var SmartSymbols goldmark.Extender = &smartSymbolsExtension{}

func (e *smartSymbolsExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&smartSymbolTransformer{}, 700)))
}
