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
		// U+FFFF) take two UTF-16 units. Runs of ASCII, most of a draft, go eight bytes at a
		// time: on a long draft this scan is part of every keystroke.
		for pos < target {
			if pos+8 <= target && isASCII8(text[pos:pos+8]) {
				units += 8
				pos += 8
				continue
			}
			switch b := text[pos]; {
			case b < utf8.RuneSelf:
				units++
			case b >= 0xF0:
				units += 2
			case b >= 0xC0:
				units++
			}
			pos++
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

// isASCII8 says whether the eight bytes of s are all ASCII.
func isASCII8(s string) bool {
	return (s[0]|s[1]|s[2]|s[3]|s[4]|s[5]|s[6]|s[7])&0x80 == 0
}
