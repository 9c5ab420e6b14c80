package nest

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
	pre := commonPrefix(prev, text)
	suf := commonSuffix(prev[pre:], text[pre:])
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

// commonPrefix returns the length of the longest common prefix of a and b, compared a block at
// a time: string equality is the runtime's vector (or word) compare.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+256 <= n && a[i:i+256] == b[i:i+256] {
		i += 256
	}
	for i+8 <= n && a[i:i+8] == b[i:i+8] {
		i += 8
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the longest common suffix of a and b.
func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+256 <= n && a[len(a)-i-256:len(a)-i] == b[len(b)-i-256:len(b)-i] {
		i += 256
	}
	for i+8 <= n && a[len(a)-i-8:len(a)-i] == b[len(b)-i-8:len(b)-i] {
		i += 8
	}
	for i < n && a[len(a)-i-1] == b[len(b)-i-1] {
		i++
	}
	return i
}
