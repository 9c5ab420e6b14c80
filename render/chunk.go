package render

import (
	"bytes"
	"sort"

	"casewright/internal/affix"
)

// A chunkSpan is a run of whole lines of a document, [start, end) in bytes, that begins
// where a top-level block begins and that no block of the document crosses: it parses
// alone into the same blocks as in the document. line is its first line, 1-based.
type chunkSpan struct {
	start, end, line int
}

// splitChunks cuts src into chunks. A chunk starts at a line that follows a blank line,
// starts in column 0 (so no indented continuation of a list, admonition, tab or
// footnote), is not inside a construct that spans blank lines (fenced code, an HTML
// comment, script, pre or style block, a `<div markdown>` element) and cannot continue
// the block before it (a list item, a definition, a tab, a definition term). Cutting
// less often is always correct, only slower; the random-edit tests check the cuts.
func splitChunks(src []byte, out []chunkSpan) []chunkSpan {
	out, _ = splitFrom(src, 0, 1, out[:0], nil)
	return out
}

// splitFrom appends to out the chunks of src from offset start, where a chunk begins on
// line line. At each later cut, known (when not nil) says whether the chunks from there on
// are already known; splitting then stops there and splitFrom reports true.
//
// A cut is decided from the lines before it (the scanner, idle at every cut) and from the
// line itself with startsTerm's look-ahead, so splitting may start again at any cut.
func splitFrom(src []byte, start, line int, out []chunkSpan, known func(off, line int) bool) ([]chunkSpan, bool) {
	var sc chunkScanner
	chunkStart, chunkLine := start, line
	prevBlank := false
	for off := start; off < len(src); line++ {
		next := bytes.IndexByte(src[off:], '\n')
		if next < 0 {
			next = len(src)
		} else {
			next += off + 1
		}
		l := src[off:next]
		if off > chunkStart && prevBlank && sc.idle() && startsChunk(l) && !startsTerm(src[next:]) {
			out = append(out, chunkSpan{chunkStart, off, chunkLine})
			if known != nil && known(off, line) {
				return out, true
			}
			chunkStart, chunkLine = off, line
		}
		blank := isBlankLine(l)
		if !blank || !sc.idle() {
			sc.feed(l)
		}
		prevBlank = blank
		off = next
	}
	if chunkStart < len(src) || len(out) == 0 {
		out = append(out, chunkSpan{chunkStart, len(src), chunkLine})
	}
	return out, false
}

// An edit turns the source prev into src: they share their first pre and last suf bytes.
type edit struct {
	prev, src []byte
	pre, suf  int
}

func newEdit(prev, src []byte) edit {
	pre := affix.Prefix(prev, src)
	return edit{prev: prev, src: src, pre: pre, suf: affix.Suffix(prev[pre:], src[pre:])}
}

// resplit cuts e.src into chunks, the chunks of e.prev being prevSpans, appending them to
// out. Only the chunks around the edited bytes are cut again: it returns how many chunks at
// the head are prevSpans' own (unchanged), and how many at the tail are prevSpans' last
// ones moved by delta bytes (unchanged text).
func resplit(e edit, prevSpans, out []chunkSpan) (spans []chunkSpan, head, tail, delta int) {
	out = out[:0]
	prev, src, pre, suf := e.prev, e.src, e.pre, e.suf
	if len(prevSpans) == 0 {
		return splitChunks(src, out), 0, 0, 0
	}
	delta = len(src) - len(prev)
	// The cut at a chunk's first line looks ahead at most through the first line of the
	// next chunk (a blank line then a line in column 0 ends startsTerm's look-ahead), so the
	// cuts up to chunk k stand when the first line of chunk k+1 ends before the edit.
	m := sort.Search(len(prevSpans), func(i int) bool { return prevSpans[i].start > pre }) - 1
	k := m - 2
	if m >= 1 && lineEnd(prev, prevSpans[m].start) <= pre {
		k = m - 1
	}
	k = max(k, 0)
	out = append(out, prevSpans[:k]...)
	// The chunks from a cut in the unchanged tail that was a cut before are the previous
	// ones: the same text, and an idle scanner at the cut in both.
	r := k + 1
	lines := 0
	out, synced := splitFrom(src, prevSpans[k].start, prevSpans[k].line, out, func(off, line int) bool {
		if off < len(src)-suf {
			return false
		}
		for r < len(prevSpans) && prevSpans[r].start < off-delta {
			r++
		}
		if r < len(prevSpans) && prevSpans[r].start == off-delta {
			lines = line - prevSpans[r].line
			return true
		}
		return false
	})
	if !synced {
		return out, k, 0, delta
	}
	for _, s := range prevSpans[r:] {
		out = append(out, chunkSpan{s.start + delta, s.end + delta, s.line + lines})
	}
	return out, k, len(prevSpans) - r, delta
}

// lineEnd returns the offset after the line of src that begins at off.
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

func isBlankLine(l []byte) bool {
	for _, c := range l {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// startsChunk reports whether a line after a blank line can start a chunk.
func startsChunk(l []byte) bool {
	if len(l) == 0 {
		return false
	}
	switch c := l[0]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		return false // indented: continues a container
	case c == ':' || c == '=':
		return false // a definition or a tab joins the block before
	case c == '-' || c == '*' || c == '+':
		return !(len(l) == 1 || l[1] == ' ' || l[1] == '\t' || l[1] == '\n' || l[1] == '\r') // list item
	case c >= '0' && c <= '9':
		i := 0
		for i < len(l) && i < 10 && l[i] >= '0' && l[i] <= '9' {
			i++
		}
		return !(i < len(l) && (l[i] == '.' || l[i] == ')')) // ordered list item
	}
	return true
}

// startsTerm reports whether the paragraph starting at the line before rest is a
// definition term: its lines, then maybe blank lines, then a `:` line.
func startsTerm(rest []byte) bool {
	sawBlank := false
	for off := 0; off < len(rest); {
		next := bytes.IndexByte(rest[off:], '\n')
		if next < 0 {
			next = len(rest)
		} else {
			next += off + 1
		}
		l := rest[off:next]
		switch {
		case isBlankLine(l):
			sawBlank = true
		case l[0] == ':':
			return true
		case sawBlank:
			return false
		}
		off = next
	}
	return false
}

// chunkScanner follows the top-level constructs that may hold blank lines followed by
// lines in column 0.
type chunkScanner struct {
	fenceChar byte
	fenceLen  int
	htmlEnd   []byte // end marker of an HTML block of kinds 1 to 5
	mdTag     string // element of an open `<tag markdown>` block
	mdDepth   int
}

func (s *chunkScanner) idle() bool { return s.fenceLen == 0 && s.htmlEnd == nil && s.mdTag == "" }

var htmlBlockEnds = []struct{ start, end string }{
	{"<!--", "-->"}, {"<?", "?>"}, {"<![CDATA[", "]]>"},
	{"<script", "</script>"}, {"<pre", "</pre>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"},
}

func (s *chunkScanner) feed(l []byte) {
	switch {
	case s.fenceLen > 0:
		if c, n, rest := fenceRun(l); c == s.fenceChar && n >= s.fenceLen && isBlankLine(rest) {
			s.fenceLen = 0
		}
		return
	case s.htmlEnd != nil:
		if bytes.Contains(bytes.ToLower(l), s.htmlEnd) {
			s.htmlEnd = nil
		}
		return
	case s.mdTag != "":
		balance := tagBalance(l, s.mdTag)
		if bytes.Equal(bytes.ToLower(bytes.TrimSpace(l)), []byte("</"+s.mdTag+">")) && s.mdDepth+balance <= 0 {
			s.mdTag = ""
			return
		}
		s.mdDepth = max(s.mdDepth+balance, 1)
		return
	}
	if c, n, rest := fenceRun(l); n >= 3 && (c == '~' || bytes.IndexByte(rest, '`') < 0) {
		s.fenceChar, s.fenceLen = c, n
		return
	}
	trimmed := trimIndent(l)
	if trimmed == nil || len(trimmed) < 2 || trimmed[0] != '<' {
		return
	}
	if tag, _, ok := markdownHTMLOpen(trimmed); ok {
		s.mdTag, s.mdDepth = tag, 1
		return
	}
	lower := bytes.ToLower(trimmed)
	for _, h := range htmlBlockEnds {
		if bytes.HasPrefix(lower, []byte(h.start)) {
			if !bytes.Contains(lower[len(h.start):], []byte(h.end)) {
				s.htmlEnd = []byte(h.end)
			}
			return
		}
	}
	if len(lower) > 2 && lower[1] == '!' && lower[2] >= 'a' && lower[2] <= 'z' && bytes.IndexByte(lower, '>') < 0 {
		s.htmlEnd = []byte(">") // <!DOCTYPE …> over several lines
	}
}

// trimIndent returns l without up to three leading spaces, or nil when l is indented
// further (indented code).
func trimIndent(l []byte) []byte {
	i := 0
	for i < len(l) && i < 4 && l[i] == ' ' {
		i++
	}
	if i == 4 || i < len(l) && l[i] == '\t' {
		return nil
	}
	return l[i:]
}

// fenceRun reads a fence line: its character, the length of the run and what follows.
func fenceRun(l []byte) (c byte, n int, rest []byte) {
	t := trimIndent(l)
	if len(t) == 0 || (t[0] != '`' && t[0] != '~') {
		return 0, 0, nil
	}
	c = t[0]
	for n < len(t) && t[n] == c {
		n++
	}
	return c, n, t[n:]
}
