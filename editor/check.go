package editor

import (
	"fmt"
	"slices"
	"time"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// A Report is everything the validator says about one draft.
type Report struct {
	Diagnostics  []Diagnostic  `json:"diagnostics"`
	Outline      []OutlineItem `json:"outline"`
	Completeness Completeness  `json:"completeness"`
}

// CheckOptions are what a check may know beyond the draft and its template.
type CheckOptions struct {
	// Site, when set, resolves links to the portal's other pages; without it only links to
	// headings of the draft itself are checked.
	Site Site
	// Path is the draft's path in the portal's docs directory ("case-studies/netflix.md"),
	// against which relative links are resolved.
	Path string
	// Today is the day against which dates are judged "not in the future"; zero means now.
	Today time.Time
}

// Check validates draft against the template.
func (t *Template) Check(draft []byte) Report {
	return t.CheckWith(draft, CheckOptions{})
}

// CheckWith validates draft against the template with extra knowledge of the portal.
func (t *Template) CheckWith(draft []byte, opts CheckOptions) (rep Report) {
	defer reportPanic(&rep)
	c := newChecker(t, draft, render.NewLineIndex(draft), opts)
	c.run()
	return c.result()
}

// CheckDocument validates the draft that doc rendered last, reading doc's syntax tree instead
// of parsing the draft again: on the keystroke path the preview and the validator share one
// parse, and only the chunks that changed were parsed. doc must render the portal's dialect
// (render.New). The report is the one CheckWith gives for the same draft.
func (t *Template) CheckDocument(doc *render.Document, opts CheckOptions) Report {
	return t.NewDraftChecker().Check(doc, opts)
}

// A DraftChecker checks one draft again after every edit, as CheckDocument does, and also
// remembers what each section of the draft was found to have: a section whose blocks did not
// change since its last check is not checked again. Its reports are the ones CheckWith gives;
// a report the same as the last shares its slices, so reports must not be written to.
// It serves one render.Document, from one goroutine at a time.
type DraftChecker struct {
	t       *Template
	cache   sectionCache
	scratch scratch
}

// NewDraftChecker returns a DraftChecker for drafts of t.
func (t *Template) NewDraftChecker() *DraftChecker {
	return &DraftChecker{t: t}
}

// Check validates the draft that doc rendered last.
func (k *DraftChecker) Check(doc *render.Document, opts CheckOptions) (rep Report) {
	defer reportPanic(&rep)
	if _, ok := findFrontMatter(doc.Source()); ok {
		// The preview reads front matter as Markdown; the validator parses the draft with it
		// blanked out.
		return k.t.CheckWith(doc.Source(), opts)
	}
	c := newChecker(k.t, doc.Source(), doc.Lines(), opts)
	c.blocks, c.cache, c.keeps = doc.Nodes(), &k.cache, true
	k.scratch.lend(c)
	defer k.scratch.takeBack(c)
	c.check()
	return c.result()
}

// reportPanic turns a panic of a check into a finding. The editor checks at every keystroke
// inside the page, where a panic would take the whole WASM runtime down. Fuzzing keeps it
// unreachable.
func reportPanic(rep *Report) {
	r := recover()
	if r == nil {
		return
	}
	if debugPanics {
		panic(r)
	}
	*rep = Report{Diagnostics: []Diagnostic{{
		Severity: Error, Code: "internal",
		Message: fmt.Sprintf("Casewright could not check this draft (%v): please report it.", r),
		Range:   Range{Line: 1, Col: 1, EndLine: 1, EndCol: 1},
	}}}
}

// debugPanics lets tests see a panic's stack instead of the diagnostic that replaces it.
var debugPanics = false

// checker holds the state of one check: the draft, its tree, and the findings so far.
type checker struct {
	t     *Template
	src   []byte
	lines render.LineIndex
	opts  CheckOptions
	today time.Time
	// blocks are the draft's top-level blocks, in order: from one parse, or the preview's
	// chunks, which are not siblings of each other.
	blocks []ast.Node

	diags    []Diagnostic
	titles   []*ast.Heading
	sections []*draftSection
	match    []int // for each template section, the index of its draft section or -1
	closings []*draftClosing
	tail     int // where the draft's closing admonition (and its thematic break) begins
	body     int // where the draft's Markdown begins, after any front matter

	slots  []slot
	fields []fieldSpan

	cache   *sectionCache   // the sections' findings at the last check of the same draft
	keeps   bool            // whether the blocks outside sections are kept for the next check
	checked []*sectionCheck // the findings of each of c.sections, in order
	scratch *scratch        // storage kept from the last check, to fill again
}

// A draftSection is one heading of the draft at level 2 or deeper, and its body.
type draftSection struct {
	heading          *ast.Heading
	title            []byte
	key              string
	level            int
	parent           int // index of the enclosing draft section, -1 for none
	from             int // start of the heading's line
	headFrom, headTo int // the heading's text
	bodyEnd          int // end of its own body: the next heading
	end              int // end of the section with its subsections
	nodes            []ast.Node
	fences           []*ast.FencedCodeBlock
	tables           []*east.Table
	lists            []*ast.List
	matched          int       // the template section it is, or -1
	templateKey      bool      // its key is a template section's
	nearMiss         []float64 // how alike its heading is to each template section's, once asked
}

// A fieldSpan names the value at a span of the draft, for messages about placeholders in it.
type fieldSpan struct {
	from, to int
	label    string
	shape    shape
}

func newChecker(t *Template, src []byte, lines render.LineIndex, opts CheckOptions) *checker {
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	return &checker{t: t, src: src, lines: lines, opts: opts, today: today, cache: &sectionCache{}, scratch: &scratch{}}
}

func (c *checker) run() {
	parsed := c.src
	if fm, ok := findFrontMatter(c.src); ok {
		if line, msg, bad := yamlError(c.src[fm.bodyFrom:fm.bodyTo]); bad {
			c.reportYAML(msg, line, fm.bodyFrom, fm.bodyTo)
		}
		parsed = blankFrontMatter(c.src, fm)
		c.body = fm.to
	}
	doc := render.New().Parse(parsed)
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		c.blocks = append(c.blocks, n)
	}
	c.check()
}

// check applies the rules to the parsed draft, c.blocks.
func (c *checker) check() {
	c.collect()
	c.checkTitle()
	c.matchSections()
	c.checkSections()
	c.checkClosings()
	c.walk()
}

// collect splits the draft's top-level blocks into its title, sections and closing admonition.
func (c *checker) collect() {
	c.tail = len(c.src)
	var open []int
	pendingBreak := -1
	for _, n := range c.blocks {
		if h, ok := n.(*ast.Heading); ok {
			pendingBreak = -1
			if h.Level == 1 {
				c.titles = append(c.titles, h)
				open = open[:0]
				continue
			}
			for len(open) > 0 && c.sections[open[len(open)-1]].level >= h.Level {
				open = open[:len(open)-1]
			}
			s := c.scratch.section(len(c.sections))
			s.heading, s.title, s.level, s.parent, s.matched = h, headingText(h, c.src), h.Level, -1, -1
			if k := c.cache.sections[h]; k != nil && h.Pos() >= 0 {
				// The same heading node: the same title, as far from the start of its line.
				s.key, s.from = k.key, h.Pos()-k.nodes[0].pos
			} else {
				s.key, s.from = foldKey(s.title), c.lineStartOf(h)
			}
			s.headFrom, s.headTo = headingTextSpan(h, c.src)
			if len(open) > 0 {
				s.parent = open[len(open)-1]
			}
			open = append(open, len(c.sections))
			c.sections = append(c.sections, s)
			continue
		}
		if cl := c.closingAt(n); cl != nil {
			if len(c.closings) == 0 {
				c.tail = c.lineStartOf(n)
				if pendingBreak >= 0 {
					c.tail = pendingBreak
				}
			}
			c.closings = append(c.closings, cl)
			open = open[:0]
			continue
		}
		if _, ok := n.(*ast.ThematicBreak); ok {
			pendingBreak = c.lineStartOf(n)
			continue
		}
		pendingBreak = -1
		if len(open) == 0 || isComment(n, c.src) {
			continue
		}
		s := c.sections[open[len(open)-1]]
		s.nodes = append(s.nodes, n)
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			s.fences = append(s.fences, n)
		case *east.Table:
			s.tables = append(s.tables, n)
		case *ast.List:
			s.lists = append(s.lists, n)
		}
	}
	rotate(&c.cache.closings, &c.scratch.keptClosings, c.scratch.keptClosings)
	for i, s := range c.sections {
		s.bodyEnd, s.end = c.tail, c.tail
		if i+1 < len(c.sections) {
			s.bodyEnd = min(c.sections[i+1].from, c.tail)
		}
		for _, next := range c.sections[i+1:] {
			if next.level <= s.level {
				s.end = min(next.from, c.tail)
				break
			}
		}
		// A section after the closing admonition ends at the end of the draft.
		s.bodyEnd, s.end = max(s.bodyEnd, s.headTo), max(s.end, s.headTo)
	}
}

// lineStartOf returns the offset of the start of the line on which block n begins.
func (c *checker) lineStartOf(n ast.Node) int {
	start, _ := render.Span(n, c.src)
	return c.lines.Offset(c.lines.Line(start), 1)
}

// report adds a diagnostic over the byte range [from, to) of the draft.
func (c *checker) report(from, to int, sev Severity, code, msg string, fixes ...Fix) {
	c.diags = append(c.diags, Diagnostic{Range: c.rangeOf(from, to), Severity: sev, Code: code, Message: msg, Fixes: fixes})
}

// rangeOf turns a byte range into a Range with 1-based lines and columns.
func (c *checker) rangeOf(from, to int) Range {
	from = min(max(from, 0), len(c.src))
	to = min(max(to, from), len(c.src))
	line, col := c.lines.Position(from)
	endLine, endCol := c.lines.Position(to)
	return Range{Line: line, Col: col, EndLine: endLine, EndCol: endCol, From: from, To: to}
}

// sectionAt returns the draft section that holds offset off, or nil before the first one.
func (c *checker) sectionAt(off int) *draftSection {
	i, _ := slices.BinarySearchFunc(c.sections, off, func(s *draftSection, off int) int {
		if s.from <= off {
			return -1
		}
		return 1
	})
	if i == 0 {
		return nil
	}
	return c.sections[i-1]
}

// result applies the template's severity tuning and puts the findings in document order.
func (c *checker) result() Report {
	diags := c.diags[:0]
	for _, d := range c.diags {
		if sev, ok := c.t.tuning.Severity[d.Code]; ok {
			if sev == "off" {
				continue
			}
			d.Severity = Severity(sev)
		}
		diags = append(diags, d)
	}
	slices.SortStableFunc(diags, func(a, b Diagnostic) int {
		if a.From != b.From {
			return a.From - b.From
		}
		return a.To - b.To
	})
	c.diags = diags
	rep := Report{Diagnostics: c.scratch.reportDiagnostics(diags)}
	rep.Outline, rep.Completeness = c.outline()
	return rep
}
