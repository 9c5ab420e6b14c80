package editor

import (
	"fmt"
	"slices"
	"strings"
)

// nearMiss is how alike a draft heading must be to a template heading to be taken for a
// misspelling of it ("Lessons Learnt" for "Lessons Learned") rather than a section of its own.
const nearMiss = 0.75

// checkTitle checks that the draft has one H1 and that it keeps the template's literal words.
func (c *checker) checkTitle() {
	rule := c.t.title
	if rule == nil {
		return
	}
	if len(c.titles) == 0 {
		at := c.body
		c.report(at, at, Error, "title",
			fmt.Sprintf("The case study has no title: start it with '# %s', the names filled in.", rule.text),
			Fix{Title: "Insert the template's title", Edits: []TextEdit{c.insert(at, "# "+rule.text+"\n\n")}})
		return
	}
	h := c.titles[0]
	from, to := headingTextSpan(h, c.src)
	c.addSlot(0, from, to, true)
	c.fields = append(c.fields, fieldSpan{from: from, to: to, label: "title"})
	for _, extra := range c.titles[1:] {
		f, t := headingTextSpan(extra, c.src)
		c.report(f, t, Error, "title",
			"A case study has one title: make this heading a '##' section or remove it.")
	}
	words := strings.Fields(foldKey(c.src[from:to]))
	if missing := missingWords(words, rule.words); missing != "" {
		c.report(from, to, Error, "title",
			fmt.Sprintf("The title should read like '%s': keep the word '%s'.", rule.text, missing))
	}
}

// missingWords returns the first of want that is not in have in order, or "".
func missingWords(have, want []string) string {
	i := 0
	for _, w := range want {
		for i < len(have) && have[i] != w {
			i++
		}
		if i == len(have) {
			return w
		}
		i++
	}
	return ""
}

// matchSections pairs each template section with a draft section: same title after folding,
// same level, same parent; failing that a heading at the wrong level or a near miss, reported
// with its fix; failing that the section is missing.
func (c *checker) matchSections() {
	c.match = slices.Grow(c.match[:0], len(c.t.sections))[:len(c.t.sections)]
	for i := range c.match {
		c.match[i] = -1
	}
	var missing []*sectionRule
	templateKeys := c.t.sectionKeys
	// The draft's sections by folded title, in the draft's order: the first that fits wins.
	byKey := c.scratch.byKey
	if byKey == nil {
		byKey = make(map[string][]int, len(templateKeys))
		c.scratch.byKey = byKey
	}
	for key, list := range byKey {
		byKey[key] = list[:0]
	}
	for d, s := range c.sections {
		if s.templateKey = templateKeys[s.key]; s.templateKey {
			byKey[s.key] = append(byKey[s.key], d)
		}
	}
	for i, rule := range c.t.sections {
		parent := -1
		if rule.parent >= 0 {
			parent = c.match[rule.parent]
		}
		fits := func(s *draftSection) bool {
			return s.matched < 0 && (rule.parent < 0 || parent < 0 || s.parent == parent)
		}
		if d := c.findSection(byKey[rule.key], func(s *draftSection) bool { return fits(s) && s.level == rule.level }); d >= 0 {
			c.bind(i, d)
			continue
		}
		if d := c.findSection(byKey[rule.key], fits); d >= 0 {
			c.bind(i, d)
			c.reportLevel(rule, c.sections[d])
			continue
		}
		best, bestScore := -1, nearMiss
		for d, s := range c.sections {
			if !fits(s) || s.level != rule.level || s.templateKey || !mayBeAlike(len(s.key), len(rule.key), nearMiss) {
				continue
			}
			if score := c.nearMissRow(s)[i]; score >= bestScore {
				best, bestScore = d, score
			}
		}
		if best >= 0 {
			c.bind(i, best)
			s := c.sections[best]
			c.report(s.headFrom, s.headTo, Warning, "heading-mismatch",
				fmt.Sprintf("The heading '%s' looks like the template's '%s': rename it so the portal and the outline recognise it.", s.title, rule.title),
				Fix{Title: fmt.Sprintf("Rename to '%s'", rule.title), Edits: []TextEdit{c.replace(s.headFrom, s.headTo, rule.title)}})
			continue
		}
		if !c.t.optional[rule.key] && (rule.parent < 0 || parent >= 0 || !c.t.optional[c.t.sections[rule.parent].key]) {
			missing = append(missing, rule)
		}
	}
	// Missing sections are placed once every present one is known.
	for _, rule := range missing {
		c.reportMissing(rule)
	}
	c.checkOrder()
}

// nearMissRow returns how alike the heading of s is to each template section's (an edit
// distance each), which the template remembers by folded title: most headings are the same
// as one keystroke ago.
func (c *checker) nearMissRow(s *draftSection) []float64 {
	if s.nearMiss == nil {
		s.nearMiss = c.t.nearMisses.get(s.key, func() []float64 {
			row := make([]float64, len(c.t.sections))
			for i, r := range c.t.sections {
				row[i] = similarity(s.key, r.key, nearMiss)
			}
			return row
		})
	}
	return s.nearMiss
}

// findSection returns the first of the draft sections candidates that is ok, or -1.
func (c *checker) findSection(candidates []int, ok func(*draftSection) bool) int {
	for _, d := range candidates {
		if ok(c.sections[d]) {
			return d
		}
	}
	return -1
}

func (c *checker) bind(rule, draft int) {
	c.match[rule] = draft
	c.sections[draft].matched = rule
}

// reportLevel reports a section found at another heading level than the template's.
func (c *checker) reportLevel(rule *sectionRule, s *draftSection) {
	marks := strings.Repeat("#", rule.level)
	msg := fmt.Sprintf("'%s' is a level-%d heading in the template: write it with %s.", rule.title, rule.level, marks)
	if c.src[s.from] != '#' {
		c.report(s.headFrom, s.headTo, Warning, "heading-mismatch", msg)
		return
	}
	c.report(s.headFrom, s.headTo, Warning, "heading-mismatch", msg,
		Fix{Title: "Make it a " + marks + " heading", Edits: []TextEdit{c.replace(s.from, s.headFrom, marks+" ")}})
}

// reportMissing reports a template section the draft lacks, with the template's skeleton of it
// as the fix, inserted where the template's order puts it.
func (c *checker) reportMissing(rule *sectionRule) {
	at := c.insertionPoint(rule)
	where := "after the title"
	if rule.parent >= 0 {
		where = c.t.sections[rule.parent].inPhrase
	}
	for i := rule.index - 1; i >= 0 && i != rule.parent; i-- {
		if r := c.t.sections[i]; r.parent == rule.parent && c.match[i] >= 0 {
			where = r.afterPhrase
			break
		}
	}
	// The same section missing after the same one is the same diagnostic as at the last check,
	// perhaps moved: its message and its fix, which holds the section's whole skeleton, are
	// not made again.
	last := c.scratch.missingSection(rule.index)
	rng, glued := c.rangeOf(at, at), c.gluedAt(at)
	if last.diag.Code == "" || last.where != where || last.glued != glued {
		c.report(at, at, Error, "missing-section",
			fmt.Sprintf("The section '%s %s' is missing %s: add it.", strings.Repeat("#", rule.level), rule.title, where),
			Fix{Title: fmt.Sprintf("Insert the '%s' section from the template", rule.title), Edits: []TextEdit{c.insert(at, rule.skeleton)}})
		*last = missingSection{where: where, glued: glued, diag: c.diags[len(c.diags)-1]}
		return
	}
	if last.diag.Range != rng {
		fix := last.diag.Fixes[0]
		last.diag.Range = rng
		last.diag.Fixes = []Fix{{Title: fix.Title, Edits: []TextEdit{{Range: rng, NewText: fix.Edits[0].NewText}}}}
	}
	c.diags = append(c.diags, last.diag)
}

// A missingSection is the missing-section diagnostic last reported for a template section, and
// what it was made from besides its place.
type missingSection struct {
	where string // after which section it goes
	glued bool   // the insertion point is not at a line start
	diag  Diagnostic
}

// insertionPoint is where a missing section goes: after its previous sibling that the draft
// has, else at the start of its parent's subsections, else before its next sibling.
func (c *checker) insertionPoint(rule *sectionRule) int {
	var next = -1
	for i := rule.index - 1; i >= 0; i-- {
		r := c.t.sections[i]
		if r.index == rule.parent {
			if d := c.match[i]; d >= 0 {
				return c.sections[d].bodyEnd
			}
			break
		}
		if r.parent == rule.parent && c.match[i] >= 0 {
			return c.sections[c.match[i]].end
		}
	}
	for i := rule.index + 1; i < len(c.t.sections); i++ {
		r := c.t.sections[i]
		if r.level < rule.level {
			break
		}
		if r.parent == rule.parent && c.match[i] >= 0 {
			next = c.sections[c.match[i]].from
			break
		}
	}
	if next >= 0 {
		return next
	}
	return c.tail
}

// checkOrder reports the sections that break the template's order among their siblings: all
// but the longest run that keeps it, so that one moved section is one warning.
func (c *checker) checkOrder() {
	groups := map[int][]int{} // template parent → matched template sections, in template order
	for i, r := range c.t.sections {
		if c.match[i] >= 0 {
			groups[r.parent] = append(groups[r.parent], i)
		}
	}
	for _, group := range groups {
		keep := longestIncreasing(group, func(i int) int { return c.match[i] })
		for k, i := range group {
			if keep[k] {
				continue
			}
			s := c.sections[c.match[i]]
			after := "the start"
			for j := k - 1; j >= 0; j-- {
				if keep[j] {
					after = "'" + c.t.sections[group[j]].title + "'"
					break
				}
			}
			c.report(s.headFrom, s.headTo, Warning, "section-order",
				fmt.Sprintf("The template puts '%s' after %s: move this section there.", c.t.sections[i].title, after))
		}
	}
}

// longestIncreasing marks the members of the longest subsequence of items whose keys increase.
func longestIncreasing(items []int, key func(int) int) []bool {
	n := len(items)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range items {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if key(items[j]) < key(items[i]) && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	keep := make([]bool, n)
	for i := best; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// applyRule checks the body of a section the draft has against its rule.
func (c *checker) applyRule(rule *sectionRule, s *draftSection) {
	if rule.hasContent && len(s.nodes) == 0 {
		c.report(s.headFrom, s.headTo, Error, "empty-section",
			fmt.Sprintf("The section '%s' is empty: write it (the template has %s here).", rule.title, rule.contentKind()))
	}
	if rule.hasContent && len(rule.tables) == 0 && len(rule.blocks) == 0 && len(rule.lists) == 0 {
		c.addSlot(rule.index+1, s.headTo, s.bodyEnd, len(s.nodes) > 0)
	}
	c.checkTables(rule, s)
	c.checkBlocks(rule, s)
	c.checkLists(rule, s)
}

// contentKind describes what the template's section holds, for the empty-section message.
func (r *sectionRule) contentKind() string {
	switch {
	case len(r.tables) > 0:
		return "a table"
	case len(r.blocks) > 0:
		return "a ```" + r.blocks[0].lang + " block"
	case len(r.lists) > 0:
		return "a list"
	}
	return "text"
}

// insert returns an edit that inserts text at offset at, on a line of its own.
func (c *checker) insert(at int, text string) TextEdit {
	if c.gluedAt(at) {
		text = "\n\n" + text
	}
	return TextEdit{Range: c.rangeOf(at, at), NewText: text}
}

// gluedAt reports whether offset at is within a line, where an insertion needs a line break.
func (c *checker) gluedAt(at int) bool {
	return at > 0 && at <= len(c.src) && c.src[at-1] != '\n'
}

// replace returns an edit that replaces [from, to) with text.
func (c *checker) replace(from, to int, text string) TextEdit {
	return TextEdit{Range: c.rangeOf(from, to), NewText: text}
}
