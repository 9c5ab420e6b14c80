// Package utf16text keeps a text that JavaScript edits by UTF-16 positions, as CodeMirror
// reports its changes, in Go's UTF-8: a keystroke hands the core the few characters it
// changed instead of the whole draft.
package utf16text

import (
	"errors"
	"slices"
	"unicode/utf8"
)

// ErrPosition is returned for an edit whose positions are not in the text, or fall inside a
// character (between the two halves of a surrogate pair).
var ErrPosition = errors.New("the edit's positions are not in the text")

// Text is a UTF-8 text addressed by UTF-16 positions. The zero Text is unknown: it holds no
// text until Reset.
type Text struct {
	s     string
	known bool
	units int // the length in UTF-16 units; -1 until counted
	// mark is one position in both counts: where the last edit ended, near which the next one
	// usually comes, so that finding it rarely means counting from the start.
	markUnits, markBytes int
}

// Reset makes s the text.
func (t *Text) Reset(s string) {
	*t = Text{s: s, known: true, units: -1}
}

// Forget makes the text unknown, until the next Reset.
func (t *Text) Forget() { *t = Text{} }

// Known reports whether the text was set by Reset and not forgotten since.
func (t *Text) Known() bool { return t.known }

// String returns the text.
func (t *Text) String() string { return t.s }

// Units returns the text's length in UTF-16 units.
func (t *Text) Units() int {
	if t.units < 0 {
		t.units = Len(t.s)
	}
	return t.units
}

// Len returns the length of s in UTF-16 units.
func Len(s string) int {
	units, _ := forward(s, 0, 0, -1)
	return units
}

// Replace replaces the deleted UTF-16 units at from with insert. On an error the text is
// unchanged.
func (t *Text) Replace(from, deleted int, insert string) error {
	if from < 0 || deleted < 0 || from+deleted > t.Units() {
		return ErrPosition
	}
	start, err := t.byteAt(from)
	if err != nil {
		return err
	}
	end, err := seek(t.s, from, start, from+deleted)
	if err != nil {
		return err
	}
	inserted := Len(insert)
	t.s = t.s[:start] + insert + t.s[end:]
	t.units += inserted - deleted
	t.markUnits, t.markBytes = from+inserted, start+len(insert)
	return nil
}

// byteAt returns the byte offset of UTF-16 position units, counted from the nearest place
// known in both counts: the start, the mark, or the end.
func (t *Text) byteAt(units int) (int, error) {
	fromUnits, fromBytes := 0, 0
	if distance(t.markUnits, units) < units {
		fromUnits, fromBytes = t.markUnits, t.markBytes
	}
	if distance(t.units, units) < distance(fromUnits, units) {
		fromUnits, fromBytes = t.units, len(t.s)
	}
	return seek(t.s, fromUnits, fromBytes, units)
}

func distance(a, b int) int { return max(a-b, b-a) }

// seek returns the byte offset of UTF-16 position target, counting from position units at
// byte offset at, forwards or backwards.
func seek(s string, units, at, target int) (int, error) {
	if target >= units {
		got, b := forward(s, units, at, target)
		if got != target {
			return 0, ErrPosition
		}
		return b, nil
	}
	// Backwards: a rune's leading byte carries its units, continuation bytes none.
	for units > target && at > 0 {
		at--
		units -= leadUnits(s[at])
	}
	if units != target {
		return 0, ErrPosition
	}
	return at, nil
}

// forward counts UTF-16 units from position units at byte offset at until target (or to the
// end of s when target is negative), and returns the position reached and its byte offset:
// past target when target falls inside a surrogate pair, short of it when s ends first.
func forward(s string, units, at, target int) (int, int) {
	for at < len(s) && (target < 0 || units < target || isContinuation(s[at])) {
		// Runs of ASCII, most of a draft, go eight bytes at a time.
		if at+8 <= len(s) && (target < 0 || units+8 <= target) && isASCII8(s[at:at+8]) {
			units += 8
			at += 8
			continue
		}
		units += leadUnits(s[at])
		at++
	}
	return units, at
}

// leadUnits returns the UTF-16 units of the rune that byte c of UTF-8 starts: every rune has
// one leading byte, and those of four bytes (past U+FFFF) take two units. s came from a
// JavaScript string, so it is valid UTF-8.
func leadUnits(c byte) int {
	switch {
	case c < utf8.RuneSelf:
		return 1
	case c >= 0xF0:
		return 2
	case c >= 0xC0:
		return 1
	}
	return 0
}

func isContinuation(c byte) bool { return c&0xC0 == 0x80 }

// Offsets converts byte offsets of s to UTF-16 positions, scanning s once for all of them;
// offsets past the end convert to its length.
func Offsets(s string, byteOffsets []int) map[int]int {
	want := slices.Clone(byteOffsets)
	slices.Sort(want)
	want = slices.Compact(want)
	out := make(map[int]int, len(want))
	units, at := 0, 0
	for _, target := range want {
		end := max(at, min(target, len(s)))
		units += Len(s[at:end])
		at = end
		out[target] = units
	}
	return out
}

// isASCII8 says whether the eight bytes of s are all ASCII.
func isASCII8(s string) bool {
	return (s[0]|s[1]|s[2]|s[3]|s[4]|s[5]|s[6]|s[7])&0x80 == 0
}
