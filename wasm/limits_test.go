//go:build js && wasm

package main

import "testing"

func TestNestingCountsTheMarkersThatOpenALine(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"plain text > not a quote - nor a list", 0},
		{"> quote", 1},
		{"> > - item\n> one", 3},
		{"1. one\n   2) two\n12345 is a number", 1},
		{"text\n\t> > >\nmore text - * +", 3},
		{"- a\n  - b\n    - c", 1}, // indentation alone is not counted, only markers
		{"- > - > last line without a newline", 4},
		{"-no space is no marker\n*emphasis*", 0},
	} {
		if got := nesting(tc.text); got != tc.want {
			t.Errorf("nesting(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
