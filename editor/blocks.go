package editor

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// diagramType returns the type of a mermaid diagram, its first keyword, with "flowchart" and
// "graph" counted as one. Other languages have none.
func diagramType(n *ast.FencedCodeBlock, src []byte) string {
	word, _, _ := diagramKeyword(n, src)
	return word
}

// diagramKeyword finds the keyword that opens a mermaid diagram, after any front matter,
// comments and directives, and returns it with its byte span.
func diagramKeyword(n *ast.FencedCodeBlock, src []byte) (word string, from, to int) {
	if string(n.Language(src)) != "mermaid" {
		return "", 0, 0
	}
	lines := n.Lines()
	inFrontMatter := false
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := src[seg.Start:seg.Stop]
		trimmed := bytes.TrimSpace(line)
		switch {
		case bytes.Equal(trimmed, []byte("---")):
			inFrontMatter = !inFrontMatter
			continue
		case inFrontMatter, len(trimmed) == 0, bytes.HasPrefix(trimmed, []byte("%%")):
			continue
		}
		lead := len(line) - len(bytes.TrimLeft(line, " \t"))
		end := bytes.IndexAny(trimmed, " \t;")
		if end < 0 {
			end = len(trimmed)
		}
		word := string(trimmed[:end])
		from = seg.Start + lead
		if word == "flowchart" || word == "flowchart-elk" {
			word = "graph"
		}
		return word, from, from + end
	}
	return "", 0, 0
}

// checkBlocks checks the fenced blocks a section's template asks for: present, of the same
// diagram type.
func (c *checker) checkBlocks(rule *sectionRule, d *draftSection) {
	used := make([]bool, len(d.fences))
	for _, want := range rule.blocks {
		found := -1
		for i, f := range d.fences {
			if !used[i] && string(f.Language(c.src)) == want.lang {
				found = i
				break
			}
		}
		if found < 0 {
			c.report(d.headFrom, d.headTo, Error, "missing-block",
				fmt.Sprintf("The %s section has no ```%s block: add one%s.", rule.title, want.lang, blockPurpose(want)))
			continue
		}
		used[found] = true
		f := d.fences[found]
		start := c.lineStartOf(f)
		end := start + 1
		if _, to, ok := blockSpan(f); ok {
			end = to
		}
		c.addSlot(rule.index+1, start, end, true)
		if want.diagram == "" {
			continue
		}
		got, wf, wt := diagramKeyword(f, c.src)
		if got == "" {
			c.report(c.lineStartOf(f), c.lineStartOf(f), Error, "diagram-type",
				fmt.Sprintf("The diagram in %s is empty: write a %s diagram.", rule.title, diagramName(want.diagram)))
			continue
		}
		if got != want.diagram {
			c.report(wf, wt, Error, "diagram-type",
				fmt.Sprintf("The diagram in %s is a %s diagram: the template asks for a %s diagram, starting with '%s'.", rule.title, got, diagramName(want.diagram), want.diagram))
		}
	}
}

func blockPurpose(b *blockRule) string {
	if b.diagram != "" {
		return " with a " + diagramName(b.diagram) + " diagram"
	}
	return ""
}

func diagramName(t string) string {
	if t == "graph" {
		return "flowchart (graph)"
	}
	return t
}

// checkYAML checks that every yaml fence of the draft parses, and its front matter too.
func (c *checker) checkYAML(n *ast.FencedCodeBlock) {
	lang := string(n.Language(c.src))
	if lang != "yaml" && lang != "yml" {
		return
	}
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	body := blockText(n, c.src)
	line, msg, bad := yamlError(body)
	if !bad {
		return
	}
	c.reportYAML(msg, line, lines.At(0).Start, lines.At(lines.Len()-1).Stop)
}

// reportYAML reports a YAML error on the line the parser names, counted from the block's first
// line at from, or on the whole block when it names none.
func (c *checker) reportYAML(msg string, line, from, to int) {
	if line > 0 {
		first, last := c.lines.Line(from), c.lines.Line(max(to-1, from))
		start := c.lines.Offset(min(first+line-1, last), 1)
		if start >= from && start < to {
			from, to = start, min(lineEnd(c.src, start), to)
		}
	}
	c.report(from, to, Error, "block-syntax", "This YAML does not parse ("+msg+"): fix it so the portal can read it.")
}
