package editor

import (
	"slices"

	"casewright/render"

	"github.com/yuin/goldmark/ast"
)

// A scratch is the working storage of a check that a DraftChecker keeps for the next one: a
// draft has about as many sections, slots, headings and links at one keystroke as at the last,
// so the next check fills the same storage again instead of allocating it anew. Nothing in a
// Report points into it.
type scratch struct {
	sections []*draftSection // every draftSection made so far, refilled in order by collect
	list     []*draftSection // the backing of checker.sections
	checked  []*sectionCheck
	match    []int
	slots    []slot
	fields   []fieldSpan
	diags    []Diagnostic
	outline  []OutlineItem
	// lastDiags and lastOutline are the slices of the last report. A report that holds the
	// same gets them again, as most keystrokes' reports do; reports are not written to.
	lastDiags   []Diagnostic
	lastOutline []OutlineItem
	heads       []*ast.Heading // the draft's headings, for its anchors
	links       []*ast.Link
	// anchors are the ids of the draft's headings, anchorIDs the same in order, for telling
	// whether they changed.
	anchors   map[string]bool
	anchorIDs []string
	// kept is the map checkSections fills with this check's sectionChecks; it trades places
	// with the cache's map of the last check, so neither is made again.
	kept map[*ast.Heading]*sectionCheck
	// keptBlocks does the same for walk's blockChecks.
	keptBlocks map[ast.Node]*blockCheck
	// keptClosings does the same for collect's admonitions.
	keptClosings map[*render.Admonition]placedClosing
	missing      []missingSection // by template section
	// textKey and textLines hold a block's textKey and its joined lines while it is looked up.
	textKey, textLines []byte
	// byKey holds the draft sections of each template key; its keys are the template's, so
	// it never grows past them.
	byKey map[string][]int
}

// section returns the i-th draftSection of this check, emptied, its slices kept for reuse.
func (b *scratch) section(i int) *draftSection {
	if i == len(b.sections) {
		b.sections = append(b.sections, &draftSection{})
	}
	s := b.sections[i]
	*s = draftSection{nodes: s.nodes[:0], fences: s.fences[:0], tables: s.tables[:0], lists: s.lists[:0]}
	return s
}

// missingSection returns the storage of template section i's missing-section diagnostic.
func (b *scratch) missingSection(i int) *missingSection {
	if i >= len(b.missing) {
		b.missing = append(b.missing, make([]missingSection, i+1-len(b.missing))...)
	}
	return &b.missing[i]
}

// lend hands the storage to c for one check.
func (b *scratch) lend(c *checker) {
	c.scratch = b
	c.sections, c.checked, c.match = b.list[:0], b.checked[:0], b.match[:0]
	c.slots, c.fields, c.diags = b.slots[:0], b.fields[:0], b.diags[:0]
}

// takeBack keeps the storage c grew during its check for the next one.
func (b *scratch) takeBack(c *checker) {
	b.list, b.checked, b.match = c.sections[:0], c.checked[:0], c.match[:0]
	b.slots, b.fields, b.diags = c.slots[:0], c.fields[:0], c.diags[:0]
}

// reportDiagnostics returns diags, which lie in the scratch storage, as the report's: the last
// report's slice when it holds the same, else a copy.
func (b *scratch) reportDiagnostics(diags []Diagnostic) []Diagnostic {
	if b.lastDiags == nil || !slices.EqualFunc(diags, b.lastDiags, sameDiagnostic) {
		b.lastDiags = append(make([]Diagnostic, 0, len(diags)), diags...)
	}
	return b.lastDiags
}

// reportOutline does for the outline what reportDiagnostics does for the diagnostics.
func (b *scratch) reportOutline(items []OutlineItem) []OutlineItem {
	if b.lastOutline == nil || !slices.Equal(items, b.lastOutline) {
		b.lastOutline = append(make([]OutlineItem, 0, len(items)), items...)
	}
	return b.lastOutline
}

// sameDiagnostic reports whether a and b are equal, down to their fixes being nil or empty.
func sameDiagnostic(a, b Diagnostic) bool {
	return a.Range == b.Range && a.Severity == b.Severity && a.Code == b.Code && a.Message == b.Message &&
		(a.Fixes == nil) == (b.Fixes == nil) && slices.EqualFunc(a.Fixes, b.Fixes, sameFix)
}

func sameFix(a, b Fix) bool {
	return a.Title == b.Title && (a.Edits == nil) == (b.Edits == nil) && slices.Equal(a.Edits, b.Edits)
}
