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
		for pos < target {
			r, size := utf8.DecodeRuneInString(text[pos:])
			if r >= 0x10000 {
				units += 2
			} else {
				units++
			}
			pos += size
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
