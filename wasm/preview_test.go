//go:build js && wasm

package main

import (
	"math/rand/v2"
	"syscall/js"
	"testing"

	"honnef.co/go/js/dom/v2"

	"casewright"
	"casewright/render"
)

// parseFragment stands in for the page's sanitiser: it parses HTML into a fragment the same
// way, without sanitising, so that the patching itself can be compared with a full render.
var parseFragment = js.FuncOf(func(_ js.Value, args []js.Value) any {
	tpl := js.Global().Get("document").Call("createElement", "template")
	tpl.Set("innerHTML", args[0])
	return tpl.Get("content")
})

func newTestPreview(t *testing.T) (*preview, dom.Element) {
	t.Helper()
	doc := dom.GetWindow().Document()
	root := doc.CreateElement("div")
	doc.QuerySelector("body").AppendChild(root)
	t.Cleanup(root.Remove)
	return newPreview(elementOf(root.Underlying()), parseFragment.Value, render.New()), root
}

// fullRender is what the preview must hold after any sequence of edits.
func fullRender(src string) string {
	tpl := dom.GetWindow().Document().CreateElement("div")
	var html string
	for _, b := range render.New().Blocks([]byte(src)) {
		html += b.HTML
	}
	tpl.SetInnerHTML(html)
	return tpl.InnerHTML()
}

func TestPreviewPatchesMatchAFullRender(t *testing.T) {
	p, root := newTestPreview(t)
	text := string(casewright.DefaultTemplate)
	p.update([]byte(text))
	if got, want := root.InnerHTML(), fullRender(text); got != want {
		t.Fatal("the first render differs from a full render")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	inserts := []string{"x", "\n", "\n\n", "# ", "| a |", "```\n", "- item\n", "**"}
	for i := range 60 {
		at := rng.IntN(len(text) + 1)
		if rng.IntN(3) == 0 && at < len(text) {
			end := min(len(text), at+1+rng.IntN(20))
			text = text[:at] + text[end:]
		} else {
			text = text[:at] + inserts[rng.IntN(len(inserts))] + text[at:]
		}
		p.update([]byte(text))
		if got, want := root.InnerHTML(), fullRender(text); got != want {
			t.Fatalf("after edit %d the preview differs from a full render of the same text", i)
		}
	}
}
