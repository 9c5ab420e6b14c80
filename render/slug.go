package render

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Slug turns heading text into an id the way Python-Markdown's toc.slugify does:
// NFKD-normalise and drop what is not ASCII, drop punctuation, lower-case, and turn runs
// of spaces and hyphens into one hyphen. "Café & Co." becomes "cafe-co".
func Slug(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		text = foldToASCII(text)
	}
	pendingSep := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= utf8.RuneSelf:
			// dropped, as Python's encode('ascii', 'ignore') does
		case c >= 'A' && c <= 'Z':
			if pendingSep && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingSep = false
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			if pendingSep && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingSep = false
			b.WriteByte(c)
		case c == '-', c == ' ', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
			pendingSep = true
		}
	}
	// Python strips whitespace before collapsing, but keeps leading and trailing hyphens.
	return keepEdgeHyphens(text, b.String())
}

// foldToASCII keeps of text what NFKD normalisation followed by dropping every non-ASCII
// character would: ASCII characters are starters, which normalisation never reorders, so
// each character can be decomposed on its own (see fold_table.go).
func foldToASCII(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
		} else if i, found := slices.BinarySearch(foldRunes[:], r); found {
			start := 0
			if i > 0 {
				start = int(foldEnds[i-1])
			}
			b.WriteString(foldText[start:foldEnds[i]])
		}
	}
	return b.String()
}

// keepEdgeHyphens restores the hyphen Python keeps when the cleaned text starts or ends
// with '-' (strip() removes only whitespace).
func keepEdgeHyphens(text, slug string) string {
	first, last := byte(0), byte(0)
	for i := 0; i < len(text); i++ {
		if c := text[i]; isSlugChar(c) || c == '-' {
			first = c
			break
		}
	}
	for i := len(text) - 1; i >= 0; i-- {
		if c := text[i]; isSlugChar(c) || c == '-' {
			last = c
			break
		}
	}
	if slug == "" {
		if first == '-' {
			return "-"
		}
		return ""
	}
	if first == '-' {
		slug = "-" + slug
	}
	if last == '-' {
		slug += "-"
	}
	return slug
}

func isSlugChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// IDs hands out unique element ids the way Python-Markdown's toc does: an id already
// used gets "_1", "_2", ... appended (toc's unique()), and an empty slug becomes "_1".
// It implements goldmark's parser.IDs.
type IDs struct {
	used map[string]bool
}

// NewIDs returns an empty id set.
func NewIDs() *IDs { return &IDs{used: map[string]bool{}} }

// Generate implements parser.IDs: the slug of value, made unique.
func (s *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(s.Unique(Slug(string(value))))
}

// Put implements parser.IDs: value is taken.
func (s *IDs) Put(value []byte) { s.used[string(value)] = true }

// Unique returns id, or id with a numeric suffix when it is taken, and takes it.
func (s *IDs) Unique(id string) string {
	for id == "" || s.used[id] {
		base, n := splitCount(id)
		id = base + "_" + strconv.Itoa(n+1)
	}
	s.used[id] = true
	return id
}

// splitCount splits "name_3" into ("name", 3); an id without a numeric suffix counts 0.
func splitCount(id string) (string, int) {
	i := strings.LastIndexByte(id, '_')
	if i < 0 || i == len(id)-1 {
		return id, 0
	}
	n, err := strconv.Atoi(id[i+1:])
	if err != nil || n < 0 || id[i+1] == '+' || id[i+1] == '-' {
		return id, 0
	}
	return id[:i], n
}
