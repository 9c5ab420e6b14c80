//go:build js && wasm

package main

import (
	"slices"
	"unicode/utf8"
)

// utf16Offsets converts byte offsets of text to the UTF-16 offsets that JavaScript strings,
// and so CodeMirror positions, use. It scans the text once for all offsets.
func utf16Offsets(text string, byteOffsets []int) map[int]int {
	want := slices.Clone(byteOffsets)
	slices.Sort(want)
	want = slices.Compact(want)
	out := make(map[int]int, len(want))
	units, pos := 0, 0
	for _, target := range want {
		if target > len(text) {
			target = len(text)
		}
		// Counted by byte, not decoded: text came from a JavaScript string, so it is valid
		// UTF-8, where every rune has one leading byte and runes of four bytes (those past
		// U+FFFF) take two UTF-16 units.
		for ; pos < target; pos++ {
			switch b := text[pos]; {
			case b < utf8.RuneSelf:
				units++
			case b >= 0xF0:
				units += 2
			case b >= 0xC0:
				units++
			}
		}
		out[target] = units
	}
	for _, o := range byteOffsets {
		if o > len(text) {
			out[o] = out[len(text)]
		}
	}
	return out
}
