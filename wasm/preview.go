//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"casewright/render"
)

// preview keeps the Preview region in step with the draft, one changed block at a time.
type preview struct {
	root     element
	sanitize js.Value // the page's sanitiser: HTML string in, DocumentFragment out
	doc      *render.Document
	paused   js.Value // the notice shown instead of the blocks while the draft is too large
}

func newPreview(root element, sanitize js.Value, r *render.Renderer) *preview {
	return &preview{root: root, sanitize: sanitize, doc: render.NewDocument(r)}
}

// update renders src and replaces only the blocks of the preview that changed.
func (p *preview) update(src []byte) {
	patch := p.doc.Update(src)
	kids := p.root.Underlying().Get("children")
	for range patch.Delete {
		elementOf(kids.Index(patch.Start)).Remove()
	}
	p.insert(patch, kids)
	if patch.Shift != 0 {
		p.renumber(patch.Start+len(patch.Insert), kids)
	}
}

// insert puts the patch's new blocks in place, through the page's sanitiser.
func (p *preview) insert(patch render.Patch, kids js.Value) {
	if len(patch.Insert) == 0 {
		return
	}
	var html strings.Builder
	for _, b := range patch.Insert {
		html.WriteString(b.HTML)
	}
	// One sanitiser call for all inserted blocks: crossings cost more than the work.
	fragment := p.sanitize.Invoke(html.String())
	// Raw HTML left open in one block (an unclosed <table>, <!--) swallows or splits the
	// blocks after it, and the preview would lose its one element per block.
	if fragment.Get("childElementCount").Int() != len(patch.Insert) {
		fragment = p.wrapEach(patch.Insert)
	}
	var before dom.Node // nil: at the end
	if patch.Start < kids.Length() {
		before = nodeOf(kids.Index(patch.Start))
	}
	p.root.InsertBefore(nodeOf(fragment), before)
}

// wrapEach sanitises each block on its own, inside a wrapper made here that no markup of the
// block can close.
func (p *preview) wrapEach(blocks []render.Block) js.Value {
	doc := p.root.Underlying().Get("ownerDocument")
	fragment := doc.Call("createDocumentFragment")
	for _, b := range blocks {
		wrapper := doc.Call("createElement", "div")
		wrapper.Set("className", "cw-block")
		wrapper.Call("setAttribute", "data-line", strconv.Itoa(b.Line))
		inner := strings.TrimSuffix(b.HTML[strings.IndexByte(b.HTML, '>')+1:], "</div>")
		wrapper.Call("append", p.sanitize.Invoke(inner))
		fragment.Call("append", wrapper)
	}
	return fragment
}

// renumber rewrites the source line of the blocks from index from on, which moved because
// lines were added or removed above them; their content is unchanged and stays in place.
func (p *preview) renumber(from int, kids js.Value) {
	for i := from; i < p.doc.Len(); i++ {
		elementOf(kids.Index(i)).SetAttribute("data-line", strconv.Itoa(p.doc.Line(i)))
	}
}
