package editor

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// checkTables checks the section's tables against the template's, in order: columns, rows of
// the author's own, required rows, the values in them, and links where links belong.
func (c *checker) checkTables(rule *sectionRule, s *draftSection) {
	owner := rule.index + 1
	for k, want := range rule.tables {
		if k >= len(s.tables) {
			if len(s.nodes) > 0 {
				c.report(s.headFrom, s.headTo, Error, "table-empty",
					fmt.Sprintf("The section '%s' has no table: add one with the columns %s.", rule.title, strings.Join(want.columns, " | ")),
					Fix{Title: "Insert the template's table", Edits: []TextEdit{c.insert(s.bodyEnd, want.skeleton())}})
			}
			continue
		}
		c.checkTable(rule, owner, want, s.tables[k])
	}
}

// skeleton is the template's table, header and required rows, for a table inserted whole.
func (t *tableRule) skeleton() string {
	var b strings.Builder
	b.WriteString(t.header)
	for _, r := range t.rows {
		b.WriteString(r.source)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String()
}

func (c *checker) checkTable(rule *sectionRule, owner int, want *tableRule, table *east.Table) {
	header, _ := table.FirstChild().(*east.TableHeader)
	if header == nil {
		return
	}
	headerFrom, headerTo := c.rowSpan(header)
	var keys []string
	for cell := header.FirstChild(); cell != nil; cell = cell.NextSibling() {
		keys = append(keys, foldKey(blockText(cell, c.src)))
	}
	if !slices.Equal(keys, want.keys) {
		c.report(headerFrom, headerTo, Error, "table-columns",
			fmt.Sprintf("The table in '%s' should have the columns %s, in that order.", rule.title, strings.Join(want.columns, " | ")))
	}
	column := make([]int, len(want.keys)) // template column → draft column, or -1
	for j, key := range want.keys {
		column[j] = slices.Index(keys, key)
	}

	var rows []*east.TableRow
	own := 0
	byLabel := map[string]*east.TableRow{}
	for n := header.NextSibling(); n != nil; n = n.NextSibling() {
		row, ok := n.(*east.TableRow)
		if !ok {
			continue
		}
		rows = append(rows, row)
		if c.t.texts[string(c.textKey(row))] == 0 {
			own++
		}
		if first := row.FirstChild(); first != nil {
			key := foldKey(inlineText(first, c.src))
			if _, seen := byLabel[key]; !seen {
				byLabel[key] = row
			}
		}
	}
	tableFrom, tableTo := headerFrom, headerTo
	if len(rows) > 0 {
		_, tableTo = c.rowSpan(rows[len(rows)-1])
	}
	if own == 0 {
		c.report(headerFrom, headerTo, Error, "table-empty",
			fmt.Sprintf("The table in '%s' has no rows of your own yet: add them under the header.", rule.title))
	}
	if len(want.rows) == 0 {
		c.addSlot(owner, tableFrom, tableTo, own > 0)
	}

	for _, r := range want.rows {
		row := byLabel[r.key]
		if row == nil {
			c.report(headerFrom, headerTo, Error, "missing-row",
				fmt.Sprintf("The table in '%s' has no '%s' row: add it.", rule.title, r.label),
				Fix{Title: fmt.Sprintf("Add the '%s' row", r.label), Edits: []TextEdit{c.insertLine(tableTo, r.source)}})
			continue
		}
		from, to := c.rowSpan(row)
		c.addSlot(owner, from, to, true)
		cells := rowCells(row)
		for j, field := range r.cells {
			if j == 0 || column[j] < 0 || column[j] >= len(cells) {
				continue
			}
			c.checkField(field, cells[column[j]], want.columns[j], false)
		}
	}

	for j, isLink := range want.linkColumn {
		if !isLink || column[j] < 0 {
			continue
		}
		for _, row := range rows {
			cells := rowCells(row)
			if column[j] >= len(cells) {
				continue
			}
			cell := cells[column[j]]
			from, to, ok := blockSpan(cell)
			if !ok || from == to || hasLink(cell) {
				continue
			}
			c.report(from, to, Error, "link-required",
				fmt.Sprintf("'%s' in the %s column should link to its page, e.g. [%s](/../pattern-library/…/index.md).", c.src[from:to], want.columns[j], c.src[from:to]))
		}
	}
}

// checkField checks one value against what the template's value asked for. Values with a
// placeholder left are reported by the placeholder rule, with the label given here.
func (c *checker) checkField(f fieldRule, cell ast.Node, column string, skipTemplate bool) {
	from, to, ok := blockSpan(cell)
	if !ok {
		return
	}
	value := c.src[from:to]
	c.fields = append(c.fields, fieldSpan{from: from, to: to, label: f.label, shape: f.shape})
	c.checkValue(f, column, value, from, to, skipTemplate)
}

// checkValue checks the text of a value at [from, to) against its field rule.
func (c *checker) checkValue(f fieldRule, column string, value []byte, from, to int, skipTemplate bool) {
	name := f.label
	if column != "" && !strings.EqualFold(column, "value") {
		name = f.label + " " + strings.ToLower(column)
	}
	what := name + " value"
	if column != "" && !strings.EqualFold(column, "value") {
		what = name
	}
	switch {
	case hasPlaceholder(value):
		return
	case f.shape != shapeNone:
		if len(strings.TrimSpace(string(value))) == 0 {
			c.report(from, to, Error, "value-shape", fmt.Sprintf("The %s value is empty: %s.", name, f.shape.hint()))
		} else if why := checkShape(f.shape, string(value), c.today); why != "" {
			c.report(from, to, Error, "value-shape",
				fmt.Sprintf("The %s value '%s' %s: %s.", name, value, why, f.shape.hint()))
		}
	case f.choices != nil:
		words := strings.Fields(foldKey(value))
		if len(words) == 0 || !slices.Contains(f.choices, words[0]) {
			c.report(from, to, Error, "value-choice",
				fmt.Sprintf("The %s value '%s' should be one of %s.", name, value, choiceList(f.choices)))
		}
	case !skipTemplate && f.template != "" && foldText(value) == f.template:
		c.report(from, to, Error, "template-text",
			fmt.Sprintf("The %s is still the template's text '%s': write your own.", what, value))
	}
}

func choiceList(choices []string) string {
	titled := make([]string, len(choices))
	for i, ch := range choices {
		titled[i] = strings.ToUpper(ch[:1]) + ch[1:]
	}
	return strings.Join(titled, ", ")
}

// rowSpan returns the byte range of a table row's line, without its newline.
func (c *checker) rowSpan(row ast.Node) (from, to int) {
	from = c.lines.Offset(c.lines.Line(rowStart(row)), 1)
	to = lineEnd(c.src, from)
	return from, to
}

// rowStart returns an offset on the row's line: its first cell with text, else its own.
func rowStart(row ast.Node) int {
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		if from, _, ok := blockSpan(cell); ok {
			return from
		}
	}
	return max(row.Pos(), 0)
}

func rowCells(row ast.Node) []ast.Node {
	cells := make([]ast.Node, 0, row.ChildCount())
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		cells = append(cells, cell)
	}
	return cells
}

func hasLink(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*ast.Link); ok && entering {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// insertLine returns an edit that puts line on a line of its own after offset at, the end of
// a line.
func (c *checker) insertLine(at int, line string) TextEdit {
	return TextEdit{Range: c.rangeOf(at, at), NewText: "\n" + line}
}
