package editor

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// A labelledItem is a "**Label**: value" line found in the draft.
type labelledItem struct {
	label            string
	key              string
	from, to         int // the whole line's text
	valueFrom, value int // the value's span: [valueFrom, value)
}

// checkLists checks that each labelled item of the template's lists is in the section, with a
// value of the right shape.
func (c *checker) checkLists(rule *sectionRule, s *draftSection) {
	if len(rule.lists) == 0 {
		return
	}
	owner := rule.index + 1
	found := map[string]labelledItem{}
	lastItemEnd := -1
	for _, list := range s.lists {
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			first := item.FirstChild()
			if first == nil {
				continue
			}
			if _, end, ok := nodeSpan(item); ok {
				lastItemEnd = lineEnd(c.src, min(end, len(c.src)))
				if end > 0 && c.src[end-1] == '\n' {
					lastItemEnd = end - 1
				}
			}
			if it, ok := c.labelledItemOf(first); ok {
				if _, seen := found[it.key]; !seen {
					found[it.key] = it
				}
			}
		}
	}
	for _, list := range rule.lists {
		for _, want := range list.items {
			it, ok := found[want.key]
			if !ok {
				from, to := s.headFrom, s.headTo
				var fixes []Fix
				if lastItemEnd >= 0 {
					fixes = []Fix{{Title: fmt.Sprintf("Add the '%s' item", want.field.label), Edits: []TextEdit{c.insertLine(lastItemEnd, want.source)}}}
				} else {
					fixes = []Fix{{Title: fmt.Sprintf("Add the '%s' item", want.field.label), Edits: []TextEdit{c.insert(s.bodyEnd, want.source+"\n\n")}}}
				}
				c.report(from, to, Error, "missing-item",
					fmt.Sprintf("The section '%s' has no '**%s**:' item: add it with its value.", rule.title, want.field.label), fixes...)
				continue
			}
			c.addSlot(owner, it.from, it.to, true)
			if it.valueFrom == it.value {
				c.report(it.from, it.to, Error, "missing-item",
					fmt.Sprintf("'%s' has no value: write it after the colon.", want.field.label))
				continue
			}
			c.fields = append(c.fields, fieldSpan{from: it.valueFrom, to: it.value, label: want.field.label, shape: want.field.shape})
			// The whole item left as the template wrote it is the template-text rule's to report.
			c.checkValue(want.field, "", c.src[it.valueFrom:it.value], it.valueFrom, it.value, true)
		}
	}
}

// labelledItemOf reads the first line of a list item's first block as "**Label**: value".
func (c *checker) labelledItemOf(block ast.Node) (labelledItem, bool) {
	lines := block.Lines()
	if lines.Len() == 0 {
		return labelledItem{}, false
	}
	seg := lines.At(0)
	line := bytes.TrimRight(c.src[seg.Start:seg.Stop], "\r\n")
	return labelledAt(line, seg.Start)
}

// labelledAt reads line, which begins at offset base, as "**Label**: value".
func labelledAt(line []byte, base int) (labelledItem, bool) {
	label, value, valueAt, ok := splitLabelled(line)
	if !ok {
		return labelledItem{}, false
	}
	lead := len(line) - len(bytes.TrimLeft(line, " \t"))
	end := len(bytes.TrimRight(line, " \t"))
	return labelledItem{
		label:     string(label),
		key:       foldKey(label),
		from:      base + lead,
		to:        base + max(end, lead),
		valueFrom: base + valueAt,
		value:     base + valueAt + len(value),
	}, true
}
