//go:build js && wasm

package main

import (
	"syscall/js"
	"testing"
)

func TestUTF16OffsetsMatchJavaScriptIndexes(t *testing.T) {
	text := "a€b😀c\nñ and a run of more than eight ASCII bytes, then é"
	for _, tc := range []struct {
		byteOffset int
		before     string // the text before that byte offset
	}{
		{0, ""},
		{1, "a"},
		{4, "a€"},
		{5, "a€b"},
		{9, "a€b😀"},
		{20, "a€b😀c\nñ and a "},
		{len(text) - 2, text[:len(text)-2]},
		{len(text), text},
	} {
		got := utf16Offsets(text, []int{tc.byteOffset})[tc.byteOffset]
		// JavaScript's own length of the prefix is the truth.
		want := js.Global().Get("String").New(tc.before).Get("length").Int()
		if got != want {
			t.Errorf("offset %d (%q): got %d UTF-16 units, JavaScript says %d", tc.byteOffset, tc.before, got, want)
		}
	}
}

func TestUTF16OffsetsClampPastTheEnd(t *testing.T) {
	if got := utf16Offsets("ab", []int{10})[10]; got != 2 {
		t.Errorf("an offset past the end maps to the text's length, got %d", got)
	}
}
