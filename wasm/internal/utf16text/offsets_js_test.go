//go:build js && wasm

package utf16text

import (
	"syscall/js"
	"testing"
)

func TestOffsetsMatchJavaScriptIndexes(t *testing.T) {
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
		got := Offsets(text, []int{tc.byteOffset})[tc.byteOffset]
		// JavaScript's own length of the prefix is the truth.
		want := js.Global().Get("String").New(tc.before).Get("length").Int()
		if got != want {
			t.Errorf("offset %d (%q): got %d UTF-16 units, JavaScript says %d", tc.byteOffset, tc.before, got, want)
		}
	}
}

func TestOffsetsClampPastTheEnd(t *testing.T) {
	if got := Offsets("ab", []int{10})[10]; got != 2 {
		t.Errorf("an offset past the end maps to the text's length, got %d", got)
	}
}

// TestReplaceMatchesJavaScript edits a JavaScript string and a Text alike, with positions in
// JavaScript's own units, and compares the texts after each edit.
func TestReplaceMatchesJavaScript(t *testing.T) {
	str := js.Global().Get("String")
	want := str.New("a€b😀c\nñ and a run of ASCII 😀😀 é\n")
	var got Text
	got.Reset(want.Call("toString").String())
	for i, e := range []struct {
		from, deleted int
		insert        string
	}{
		{0, 0, "é"},
		{4, 2, ""},   // a whole surrogate pair
		{2, 1, "😀x"}, // the euro sign
		{10, 0, "\n"},
		{want.Get("length").Int() - 3, 3, "end"},
		{1, 0, "typed here"},
		{2, 0, "and here"},
	} {
		want = str.New(want.Call("slice", 0, e.from).String() + e.insert + want.Call("slice", e.from+e.deleted).String())
		if err := got.Replace(e.from, e.deleted, e.insert); err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		if text := want.Call("toString").String(); got.String() != text || got.Units() != want.Get("length").Int() {
			t.Fatalf("edit %d: got %q (%d units), JavaScript has %q (%d)", i, got.String(), got.Units(), text, want.Get("length").Int())
		}
	}
}
