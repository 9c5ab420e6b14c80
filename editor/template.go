package editor

import (
	"bytes"
	"errors"
	"strings"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// A Template holds the rules read from a template's shape. It is read once by ParseTemplate and
// is safe to share between goroutines: Check never changes it.
type Template struct {
	source    []byte // the text a new draft starts from
	raw       []byte // the template as read, which rules' offsets point into
	title     *titleRule
	sections  []*sectionRule
	closings  []*closingRule
	texts     map[string]textKind // folded template text, by node kind, to what it is
	textRunes map[int]bool        // the visible-rune counts of those texts, a cheap first test
	tuning    tuning
	optional  map[string]bool // folded titles of sections the front matter made optional
	// sectionKeys are the folded titles of the template's sections, for matching a draft's.
	sectionKeys map[string]bool
	// nearMisses remembers, by the folded title of a draft's heading, how alike it is to each
	// template section's.
	nearMisses *memo[string, []float64]
}

// A textKind says whether template text left in a draft is an instruction to the writer or an
// example of what to write; the first must go, the second should.
type textKind int

const (
	instructionText textKind = iota + 1
	exampleText
)

// A titleRule is what the template's H1 asks of the draft's.
type titleRule struct {
	text  string   // the template's title, "[Company] [System Name] Architecture"
	words []string // its literal words, folded, that the draft's title keeps
}

// A sectionRule is one "##" or deeper heading of the template and what its body holds.
type sectionRule struct {
	index    int
	title    string
	key      string // folded title
	level    int
	parent   int    // index of the enclosing section, -1 under the title
	from, to int    // the section in the template, heading to the next heading at its level or above
	skeleton string // its text, what a missing section's fix inserts
	// inPhrase and afterPhrase place a missing section in this one or after it, for messages.
	inPhrase, afterPhrase string
	hasContent            bool
	tables                []*tableRule
	blocks                []*blockRule
	lists                 []*listRule
}

// A tableRule is a template table: its columns, and for a table of placeholders its row labels
// and the shape of each cell.
type tableRule struct {
	columns    []string
	keys       []string // folded column names
	linkColumn []bool   // columns whose every template cell is a link
	rows       []*rowRule
	header     string // the header and delimiter lines, for a table inserted whole
}

// A rowRule is a row that must be in the draft's table, named by its bold first cell.
type rowRule struct {
	label  string
	key    string
	source string      // the template's line, offered as the fix
	cells  []fieldRule // by column; the first is the label itself
}

// A fieldRule says what one value (table cell, labelled item, admonition field) must hold.
type fieldRule struct {
	label    string
	shape    shape
	choices  []string // folded alternatives, when the template offers "High/Medium/Low"
	template string   // the template's value, folded, when it holds no placeholder
}

// A blockRule is a fenced block with a language that the section must have.
type blockRule struct {
	lang    string
	diagram string // for mermaid, the diagram type ("graph" for flowcharts)
}

// A listRule is a list of bold-labelled items ("- **MTTR**: 15 minutes") that the draft's
// section must also have, label by label.
type listRule struct {
	items []itemRule
}

// An itemRule is one labelled value of a list or of the closing admonition.
type itemRule struct {
	key    string
	field  fieldRule
	source string // the template's line, offered as the fix
}

// A closingRule is the admonition that ends a case study ("About This Case Study").
type closingRule struct {
	title  string
	key    string
	fields []itemRule
	source string // the template's text of it, thematic break included, for the fix
}

// ParseTemplate reads the rules of a Markdown template. It fails only when the template's
// front matter is not valid tuning or when the template has no heading to check a draft by.
func ParseTemplate(src []byte) (*Template, error) {
	t := &Template{source: src, raw: src, texts: map[string]textKind{}, textRunes: map[int]bool{}, optional: map[string]bool{}, nearMisses: newMemo[string, []float64](4096)}
	parsed := src
	if fm, ok := findFrontMatter(src); ok {
		tun, err := readTuning(src[fm.bodyFrom:fm.bodyTo])
		if err != nil {
			return nil, err
		}
		t.tuning = tun
		for _, title := range tun.Optional {
			t.optional[foldKey([]byte(title))] = true
		}
		t.source = withoutTuning(src, fm)
		parsed = blankFrontMatter(src, fm)
	}
	doc := render.New().Parse(parsed)
	lines := render.NewLineIndex(src)
	r := &templateReader{t: t, src: src, lines: lines, tail: len(src)}
	r.read(doc)
	if t.title == nil && len(t.sections) == 0 {
		return nil, errors.New("the template has no headings, so there is nothing to check a draft against")
	}
	t.sectionKeys = make(map[string]bool, len(t.sections))
	for _, r := range t.sections {
		t.sectionKeys[r.key] = true
		r.inPhrase, r.afterPhrase = "in '"+r.title+"'", "after '"+r.title+"'"
	}
	return t, nil
}

// closing returns the rule of the closing admonition that n is, or nil.
func (r *templateReader) closing(n ast.Node) *closingRule {
	cl := closingNode(n, r.src)
	if cl == nil {
		return nil
	}
	rule := &closingRule{title: cl.title, key: cl.key}
	for _, it := range cl.fields(r.src) {
		value := r.src[it.valueFrom:it.value]
		rule.fields = append(rule.fields, itemRule{key: it.key, field: newFieldRule(it.label, value), source: string(r.src[it.from:it.to])})
	}
	return rule
}

// templateReader walks a template's syntax tree once, turning its shape into rules.
type templateReader struct {
	t     *Template
	src   []byte
	lines render.LineIndex
	open  []*sectionRule // the sections that enclose the current node, outermost first
	tail  int            // where the closing admonition (and its thematic break) begins
}

func (r *templateReader) read(doc ast.Node) {
	var pendingBreak = -1
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			pendingBreak = -1
			r.heading(h)
			continue
		}
		if c := r.closing(n); c != nil {
			start := r.lineStart(n)
			if pendingBreak >= 0 {
				start = pendingBreak
			}
			if len(r.t.closings) == 0 {
				r.tail = start
			}
			_, end := render.Span(n, r.src)
			c.source = strings.TrimRight(string(r.src[start:end]), "\n") + "\n"
			r.t.closings = append(r.t.closings, c)
			r.open = nil
			continue
		}
		if _, ok := n.(*ast.ThematicBreak); ok {
			pendingBreak = r.lineStart(n)
			continue
		}
		pendingBreak = -1
		r.content(n)
	}
	// A section runs to the next heading at its level or above, or to the closing admonition.
	for i, s := range r.t.sections {
		s.to = r.tail
		for _, next := range r.t.sections[i+1:] {
			if next.level <= s.level {
				s.to = min(next.from, r.tail)
				break
			}
		}
		s.to = max(s.to, s.from)
		s.skeleton = strings.TrimRight(string(r.t.raw[s.from:s.to]), "\n") + "\n\n"
	}
}

func (r *templateReader) lineStart(n ast.Node) int {
	start, _ := render.Span(n, r.src)
	return r.lines.Offset(r.lines.Line(start), 1)
}

func (r *templateReader) heading(h *ast.Heading) {
	text := headingText(h, r.src)
	if h.Level == 1 {
		if r.t.title == nil {
			r.t.title = &titleRule{text: string(text), words: literalWords(text)}
		}
		r.open = nil
		return
	}
	for len(r.open) > 0 && r.open[len(r.open)-1].level >= h.Level {
		r.open = r.open[:len(r.open)-1]
	}
	s := &sectionRule{
		index:  len(r.t.sections),
		title:  string(text),
		key:    foldKey(text),
		level:  h.Level,
		parent: -1,
		from:   r.lineStart(h),
	}
	if len(r.open) > 0 {
		s.parent = r.open[len(r.open)-1].index
	}
	r.t.sections = append(r.t.sections, s)
	r.open = append(r.open, s)
}

// content records a block of a section's own body: it makes the section non-empty, and its
// tables, fenced blocks and labelled lists become rules.
func (r *templateReader) content(n ast.Node) {
	r.texts(n)
	if len(r.open) == 0 || isComment(n, r.src) {
		return
	}
	s := r.open[len(r.open)-1]
	s.hasContent = true
	switch n := n.(type) {
	case *east.Table:
		s.tables = append(s.tables, r.table(n))
	case *ast.FencedCodeBlock:
		if lang := string(n.Language(r.src)); lang != "" {
			s.blocks = append(s.blocks, &blockRule{lang: lang, diagram: diagramType(n, r.src)})
		}
	case *ast.List:
		if l := r.labelledList(n); l != nil {
			s.lists = append(s.lists, l)
		}
	}
}

// texts records the template's own prose, rows and diagrams, so that the draft can be told
// where it still holds them. Text with placeholders is left to the placeholder rule.
func (r *templateReader) texts(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			text := blockText(c, r.src)
			if len(bytes.TrimSpace(text)) == 0 || hasPlaceholder(text) {
				return ast.WalkSkipChildren, nil
			}
			r.t.texts[textKey(c, r.src)] = classifyText(c, text, r.src)
			r.t.textRunes[visibleRunes(c, r.src)] = true
			return ast.WalkSkipChildren, nil
		case *east.Table:
			if tableHasPlaceholder(c, r.src) {
				return ast.WalkSkipChildren, nil
			}
		case *east.TableRow, *ast.FencedCodeBlock:
			r.t.texts[textKey(c, r.src)] = exampleText
			r.t.textRunes[visibleRunes(c, r.src)] = true
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// classifyText tells an instruction ("**In 2-3 sentences, describe…**") from an example
// ("Example: Netflix needed…", "- **MTTR**: 15 minutes"): examples say so, or give figures or
// links in a list; everything else addresses the writer.
func classifyText(n ast.Node, text, src []byte) textKind {
	trimmed := bytes.TrimSpace(text)
	if bytes.HasPrefix(trimmed, []byte("**")) && bytes.HasSuffix(trimmed, []byte("**")) && bytes.Count(trimmed, []byte("**")) == 2 {
		return instructionText
	}
	lower := bytes.ToLower(trimmed)
	if bytes.HasPrefix(lower, []byte("example")) || bytes.HasPrefix(lower, []byte("e.g.")) {
		return exampleText
	}
	if item, inList := n.Parent().(*ast.ListItem); inList && listGivesFigures(item.Parent(), src) {
		return exampleText
	}
	return instructionText
}

// listGivesFigures reports whether any item of a list states a figure or a link: such a list
// shows what a finished one looks like ("- **MTTR**: 15 minutes"), item by item.
func listGivesFigures(list ast.Node, src []byte) bool {
	if list == nil {
		return false
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if first := item.FirstChild(); first != nil {
			text := blockText(first, src)
			if bytes.ContainsAny(text, "0123456789") || bytes.Contains(text, []byte("](")) {
				return true
			}
		}
	}
	return false
}

// visibleRunes counts the runes of a node's source that are not ASCII white space, without
// allocating: two texts can only fold alike when their counts agree.
func visibleRunes(n ast.Node, src []byte) int {
	count := func(lines *text.Segments) int {
		k := 0
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			for _, b := range src[seg.Start:seg.Stop] {
				if b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b&0xC0 != 0x80 {
					k++
				}
			}
		}
		return k
	}
	if row, ok := n.(*east.TableRow); ok {
		k := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			k += count(c.Lines())
		}
		return k
	}
	return count(n.Lines())
}

// textKey is how a template text and a draft text are compared: the node's kind and its
// folded text.
func textKey(n ast.Node, src []byte) string {
	key, _ := appendTextKey(nil, nil, n, src)
	return string(key)
}

// appendTextKey appends n's textKey to dst, joining the lines of its blocks in join, and
// returns both for use again: the walk looks every paragraph up without allocating.
func appendTextKey(dst, join []byte, n ast.Node, src []byte) (key, joined []byte) {
	switch n := n.(type) {
	case *east.TableRow:
		dst = append(dst, "row:"...)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			join = appendBlockText(join[:0], c, src)
			dst = append(appendFoldText(dst, join), " | "...)
		}
		return dst, join
	case *ast.FencedCodeBlock:
		dst = append(append(append(dst, "code:"...), n.Language(src)...), ':')
	default:
		dst = append(dst, "text:"...)
	}
	join = appendBlockText(join[:0], n, src)
	return appendFoldText(dst, join), join
}

func (r *templateReader) table(n *east.Table) *tableRule {
	t := &tableRule{}
	header, _ := n.FirstChild().(*east.TableHeader)
	if header == nil {
		return t
	}
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		text := blockText(c, r.src)
		t.columns = append(t.columns, string(text))
		t.keys = append(t.keys, foldKey(text))
	}
	t.linkColumn = make([]bool, len(t.columns))
	for i := range t.linkColumn {
		t.linkColumn[i] = n.ChildCount() > 1
	}
	headerStart := r.lineStart(header)
	headerEnd := headerStart
	withPlaceholders := tableHasPlaceholder(n, r.src)
	for row := header.NextSibling(); row != nil; row = row.NextSibling() {
		if headerEnd == headerStart {
			headerEnd = r.lineStart(row)
		}
		i := 0
		for c := row.FirstChild(); c != nil; c, i = c.NextSibling(), i+1 {
			if i < len(t.linkColumn) && !isOnlyLink(c) {
				t.linkColumn[i] = false
			}
		}
		label, ok := boldLabel(row.FirstChild(), r.src)
		if !withPlaceholders || !ok {
			continue
		}
		rule := &rowRule{label: label, key: foldKey([]byte(label)), source: r.lineText(row)}
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			rule.cells = append(rule.cells, newFieldRule(label, blockText(c, r.src)))
		}
		t.rows = append(t.rows, rule)
	}
	if headerEnd > headerStart {
		t.header = string(r.src[headerStart:headerEnd])
	}
	return t
}

// lineText returns the whole source line on which n starts, without its newline.
func (r *templateReader) lineText(n ast.Node) string {
	start := r.lineStart(n)
	return string(r.src[start:lineEnd(r.src, start)])
}

// newFieldRule reads what a value must hold from the template's value.
func newFieldRule(label string, value []byte) fieldRule {
	f := fieldRule{label: label, shape: shapeOf(string(value))}
	if m := choiceToken.Find(value); m != nil {
		for _, alt := range bytes.Split(m, []byte("/")) {
			f.choices = append(f.choices, foldKey(alt))
		}
	}
	if f.shape == shapeNone && f.choices == nil && !hasPlaceholder(value) {
		f.template = foldText(value)
	}
	return f
}

// labelledList returns the rule of a list whose every item is "**Label**: value" with no list
// of its own, or nil for any other list.
func (r *templateReader) labelledList(n *ast.List) *listRule {
	l := &listRule{}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil || first.NextSibling() != nil {
			return nil
		}
		label, value, ok := labelledLine(blockText(first, r.src))
		if !ok {
			return nil
		}
		l.items = append(l.items, itemRule{key: foldKey(label), field: newFieldRule(string(label), value), source: r.lineText(item)})
	}
	if len(l.items) == 0 {
		return nil
	}
	return l
}

// literalWords returns the folded words of a title that are not placeholders.
func literalWords(title []byte) []string {
	stripped := bracketToken.ReplaceAll(title, nil)
	stripped = figureToken.ReplaceAll(stripped, nil)
	return strings.Fields(foldKey(stripped))
}

// headingText returns a heading's text as written, without a trailing attribute list.
func headingText(h *ast.Heading, src []byte) []byte {
	from, to, ok := blockSpan(h)
	if !ok {
		return nil
	}
	text := bytes.TrimSpace(src[from:to])
	if i := bytes.LastIndex(text, []byte("{")); i > 0 && bytes.HasSuffix(text, []byte("}")) {
		text = bytes.TrimSpace(text[:i])
	}
	return text
}

// headingTextSpan returns the byte range of a heading's text in the draft.
func headingTextSpan(h *ast.Heading, src []byte) (from, to int) {
	from, to, ok := blockSpan(h)
	if !ok {
		return 0, 0
	}
	text := src[from:to]
	lead := len(text) - len(bytes.TrimLeft(text, " \t"))
	return from + lead, from + len(bytes.TrimRight(text, " \t\r\n"))
}

// hasPlaceholder reports whether text holds any placeholder token.
func hasPlaceholder(text []byte) bool {
	var buf [4]token
	return len(findPlaceholders(text, 0, buf[:0])) > 0
}

func tableHasPlaceholder(n ast.Node, src []byte) bool {
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableHeader); ok {
			continue
		}
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if hasPlaceholder(blockText(c, src)) {
				return true
			}
		}
	}
	return false
}

// isOnlyLink reports whether a table cell holds one link and nothing else.
func isOnlyLink(cell ast.Node) bool {
	_, ok := cell.FirstChild().(*ast.Link)
	return ok && cell.ChildCount() == 1
}

// boldLabel returns the text of a table cell that is all bold ("**Scale**").
func boldLabel(cell ast.Node, src []byte) (string, bool) {
	if cell == nil || cell.ChildCount() != 1 {
		return "", false
	}
	em, ok := cell.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return "", false
	}
	return string(inlineText(em, src)), true
}

// isComment reports whether a block is only an HTML comment, which a section's body may hold
// without being written.
func isComment(n ast.Node, src []byte) bool {
	h, ok := n.(*ast.HTMLBlock)
	return ok && h.HTMLBlockType == ast.HTMLBlockType2 && bytes.HasPrefix(bytes.TrimSpace(blockText(h, src)), []byte("<!--"))
}
