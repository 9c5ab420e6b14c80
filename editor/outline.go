package editor

import "slices"

// An OutlineItem is one template section in the Outline panel, or a section of the draft's own.
type OutlineItem struct {
	Title  string  `json:"title"`
	Level  int     `json:"level"`
	State  string  `json:"state"` // "missing", "placeholders", "done" or "extra"
	Line   int     `json:"line"`  // the draft's line of its heading, 0 when missing
	Filled int     `json:"filled"`
	Slots  int     `json:"slots"`
	Ratio  float64 `json:"ratio"`
}

// Outline states.
const (
	StateMissing      = "missing"
	StatePlaceholders = "placeholders"
	StateDone         = "done"
	StateExtra        = "extra"
)

// Completeness is the share of the template's slots that the draft has filled.
type Completeness struct {
	Filled int     `json:"filled"`
	Slots  int     `json:"slots"`
	Ratio  float64 `json:"ratio"`
}

// A slot is one thing the template asks the writer to fill: a row, an item, a block, a field,
// the prose of a section. It is filled when the draft has it and no error or warning lies in it.
type slot struct {
	owner    int // 0 the title, 1+i template section i, 1+len(sections)+k closing k
	from, to int
	present  bool
}

func (c *checker) addSlot(owner, from, to int, present bool) {
	c.slots = append(c.slots, slot{owner: owner, from: from, to: to, present: present})
}

// slotCount returns how many slots a section's rules make: one per required row, item, block
// and table without required rows, or one for its prose when it has nothing else.
func (r *sectionRule) slotCount() int {
	n := len(r.blocks)
	for _, t := range r.tables {
		n += max(len(t.rows), 1)
	}
	for _, l := range r.lists {
		n += len(l.items)
	}
	if n == 0 && r.hasContent {
		n = 1
	}
	return n
}

// outline builds the Outline panel's items and the completeness figure from the slots.
func (c *checker) outline() ([]OutlineItem, Completeness) {
	owners := 1 + len(c.t.sections) + len(c.t.closings)
	filled := make([]int, owners)
	for _, s := range c.slots {
		if s.present && !c.findingIn(s.from, s.to) {
			filled[s.owner]++
		}
	}
	items := slices.Grow(c.scratch.outline[:0], owners+len(c.sections))
	var total Completeness
	add := func(owner int, item OutlineItem, present bool) {
		item.Filled = min(filled[owner], item.Slots)
		switch {
		case !present:
			item.State, item.Line = StateMissing, 0
		case item.Filled < item.Slots:
			item.State = StatePlaceholders
		default:
			item.State = StateDone
		}
		item.Ratio = ratio(item.Filled, item.Slots)
		total.Filled += item.Filled
		total.Slots += item.Slots
		items = append(items, item)
	}
	if c.t.title != nil {
		item := OutlineItem{Title: c.t.title.text, Level: 1, Slots: 1}
		if len(c.titles) > 0 {
			item.Title = string(headingText(c.titles[0], c.src))
			item.Line = c.lines.Line(c.lineStartOf(c.titles[0]))
		}
		add(0, item, len(c.titles) > 0)
	}
	items = c.appendExtras(items, 0)
	for i, rule := range c.t.sections {
		item := OutlineItem{Title: rule.title, Level: rule.level, Slots: rule.slotCount()}
		d := c.match[i]
		if d >= 0 {
			item.Line = c.lines.Line(c.sections[d].from)
		}
		optionalMissing := d < 0 && c.t.optional[rule.key]
		if optionalMissing {
			item.Slots = 0 // an optional section left out costs nothing
		}
		add(1+i, item, d >= 0)
		if d >= 0 {
			items = c.appendExtras(items, d+1)
		}
	}
	for k, rule := range c.t.closings {
		item := OutlineItem{Title: rule.title, Level: 2, Slots: len(rule.fields)}
		var got *draftClosing
		for _, cl := range c.closings {
			if cl.key == rule.key {
				got = cl
				break
			}
		}
		if got != nil {
			item.Line = c.lines.Line(got.from)
		}
		add(1+len(c.t.sections)+k, item, got != nil)
	}
	total.Ratio = ratio(total.Filled, total.Slots)
	rollUpParents(items)
	c.scratch.outline = items
	return c.scratch.reportOutline(items), total
}

// appendExtras appends the run of the draft's own sections that begins at draft section
// from: the sections that match no template section, placed after the template item that
// precedes them in the draft (the title for a run at the start).
func (c *checker) appendExtras(items []OutlineItem, from int) []OutlineItem {
	for d := from; d < len(c.sections) && c.sections[d].matched < 0; d++ {
		items = append(items, OutlineItem{
			Title: c.checked[d].title, Level: c.sections[d].level, State: StateExtra, Line: c.lines.Line(c.sections[d].from), Ratio: 1,
		})
	}
	return items
}

// findingIn reports whether an error or warning starts within [from, to), or at from when the
// span is empty. Diagnostics are sorted by offset by then.
func (c *checker) findingIn(from, to int) bool {
	i, _ := slices.BinarySearchFunc(c.diags, from, func(d Diagnostic, off int) int { return d.From - off })
	for ; i < len(c.diags) && (c.diags[i].From < to || c.diags[i].From == from); i++ {
		if c.diags[i].Severity != Info {
			return true
		}
	}
	return false
}

func ratio(filled, slots int) float64 {
	if slots == 0 {
		return 1
	}
	return float64(filled) / float64(slots)
}

// rollUpParents gives a present section with no slots of its own ("Operational Excellence",
// only subsections) the state of its subsections: done only when they all are.
func rollUpParents(items []OutlineItem) {
	for i := range items {
		if items[i].Slots > 0 || items[i].State != StateDone {
			continue
		}
		for j := i + 1; j < len(items) && items[j].Level > items[i].Level; j++ {
			if s := items[j].State; s == StateMissing || s == StatePlaceholders {
				items[i].State = StatePlaceholders
				break
			}
		}
	}
}
