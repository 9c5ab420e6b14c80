package nest

import "casewright/internal/affix"

// A Guard checks successive versions of one draft against a limit on Depth. Each line's depth
// is its own, so while the last version was within the limit only the lines an edit touched
// are counted again: a keystroke in a long draft costs a comparison, not a scan of every line.
type Guard struct {
	Limit  int
	last   string
	within bool // last is within Limit
}

// Over returns the depth of text and true when it is past the limit, else 0 and false.
func (g *Guard) Over(text string) (int, bool) {
	scan := text
	if g.within {
		scan = changedLines(g.last, text)
	}
	over := Depth(scan) > g.Limit
	g.last, g.within = text, !over
	if !over {
		return 0, false
	}
	return Depth(text), true
}

// changedLines returns the whole lines of text that differ from prev: those around the bytes
// between their common prefix and suffix. Every line before or after them is a line of prev.
func changedLines(prev, text string) string {
	pre := affix.Prefix(prev, text)
	suf := affix.Suffix(prev[pre:], text[pre:])
	from := pre
	for from > 0 && text[from-1] != '\n' {
		from--
	}
	to := len(text) - suf
	for to < len(text) && text[to] != '\n' {
		to++
	}
	return text[from:to]
}
