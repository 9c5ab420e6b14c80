package editor

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// withoutTuning returns the template with the "casewright" key taken out of its front matter:
// a new draft carries the portal's page metadata but not the validator's settings.
//
// It cuts the key's text out of the template rather than writing the metadata anew, so the
// metadata keeps the template's own layout, quoting and comments, and the YAML encoder is not
// linked into the WebAssembly core. The rest must read back as the same metadata; when it does
// not (say another key refers to an anchor inside the tuning), the template is kept whole.
func withoutTuning(src []byte, fm frontMatter) []byte {
	body := src[fm.bodyFrom:fm.bodyTo]
	m := frontMatterMapping(body)
	if m == nil {
		return src
	}
	i := tuningKeyIndex(m)
	if i < 0 {
		return src
	}
	if len(m.Content) == 2 {
		return bytes.TrimLeft(src[fm.to:], "\n")
	}
	var from, to int
	if m.Style&yaml.FlowStyle != 0 {
		from, to = flowEntrySpan(body, m, i)
	} else {
		from, to = blockEntrySpan(body, m.Content[i])
	}
	if from < 0 {
		return src
	}
	cut := slices.Concat(body[:from], body[to:])
	left := frontMatterMapping(cut)
	if left == nil || !sameYAML(left.Content, slices.Delete(slices.Clone(m.Content), i, i+2)) {
		return src
	}
	return slices.Concat(src[:fm.bodyFrom], cut, src[fm.bodyTo:])
}

// frontMatterMapping parses a front matter's body and returns its top-level mapping, or nil
// when the body does not parse or is not a mapping.
func frontMatterMapping(body []byte) *yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal(body, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	return doc.Content[0]
}

// tuningKeyIndex returns the index in m.Content of the "casewright" key, or -1.
func tuningKeyIndex(m *yaml.Node) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "casewright" {
			return i
		}
	}
	return -1
}

// blockEntrySpan returns the byte span of a block mapping's entry whose key is key: the comment
// lines just above it at its indentation, its own line, and every following line indented
// deeper or blank. Blank lines after the entry go too when a blank line or the body's start
// comes before it, so the metadata keeps its spacing.
func blockEntrySpan(body []byte, key *yaml.Node) (from, to int) {
	lines := splitLines(body)
	first := key.Line - 1
	if first < 0 || first >= len(lines) {
		return -1, -1
	}
	indent := key.Column - 1
	for first > 0 && isCommentAt(body[lines[first-1][0]:lines[first-1][1]], indent) {
		first--
	}
	last := key.Line - 1
	for last+1 < len(lines) {
		line := body[lines[last+1][0]:lines[last+1][1]]
		if !isBlankLine(line) && leadingSpace(line) <= indent {
			break
		}
		last++
	}
	for last > key.Line-1 && isBlankLine(body[lines[last][0]:lines[last][1]]) {
		last--
	}
	if first == 0 || isBlankLine(body[lines[first-1][0]:lines[first-1][1]]) {
		for last+1 < len(lines) && isBlankLine(body[lines[last+1][0]:lines[last+1][1]]) {
			last++
		}
	}
	return lines[first][0], min(lines[last][1]+1, len(body))
}

// flowEntrySpan returns the byte span of entry i of a flow mapping: from its key to the next
// key, or, for the last entry, from the comma before it to the mapping's closing brace.
func flowEntrySpan(body []byte, m *yaml.Node, i int) (from, to int) {
	from = offsetOf(body, m.Content[i])
	if i+2 < len(m.Content) {
		return from, offsetOf(body, m.Content[i+2])
	}
	comma := bytes.LastIndexByte(body[:max(from, 0)], ',')
	brace := bytes.LastIndexByte(body, '}')
	if from < 0 || comma < 0 || brace < from {
		return -1, -1
	}
	return comma, brace
}

// offsetOf returns the byte offset in body of the node's line and column (which the parser
// counts in characters), or -1.
func offsetOf(body []byte, n *yaml.Node) int {
	lines := splitLines(body)
	if n.Line < 1 || n.Line > len(lines) {
		return -1
	}
	pos, end := lines[n.Line-1][0], lines[n.Line-1][1]
	for col := 1; col < n.Column; col++ {
		if pos >= end {
			return -1
		}
		_, size := utf8.DecodeRune(body[pos:end])
		pos += size
	}
	return pos
}

// splitLines returns the [start, end) of each line of src, newline excluded.
func splitLines(src []byte) [][2]int {
	var lines [][2]int
	for pos := 0; pos <= len(src); {
		end := lineEnd(src, pos)
		lines = append(lines, [2]int{pos, end})
		pos = end + 1
	}
	return lines
}

func leadingSpace(line []byte) int {
	return len(line) - len(bytes.TrimLeft(line, " \t"))
}

func isBlankLine(line []byte) bool {
	return len(bytes.TrimSpace(line)) == 0
}

func isCommentAt(line []byte, indent int) bool {
	return leadingSpace(line) == indent && bytes.HasPrefix(line[indent:], []byte("#"))
}

// sameYAML tells whether two node lists hold the same data, wherever in the text it sits and
// whatever comments go with it.
func sameYAML(a, b []*yaml.Node) bool {
	return slices.EqualFunc(a, b, func(x, y *yaml.Node) bool {
		if x.Kind != y.Kind || x.Tag != y.Tag || x.Value != y.Value || x.Anchor != y.Anchor {
			return false
		}
		if x.Kind == yaml.AliasNode {
			return x.Alias != nil && y.Alias != nil && x.Alias.Anchor == y.Alias.Anchor
		}
		return sameYAML(x.Content, y.Content)
	})
}
