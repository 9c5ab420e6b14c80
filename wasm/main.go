//go:build js && wasm

// Command wasm is Casewright's core in the browser: it validates and renders drafts, patches
// the preview and the panels, and keeps drafts in IndexedDB. The JavaScript shell loads it and
// reaches it through the object it registers as globalThis.casewrightCore.
package main

import (
	"syscall/js"

	"casewright/editor"
	"casewright/render"
)

func main() {
	core := newCore(editor.DefaultTemplate(), render.New())
	// Set before main blocks, so the global exists as soon as go.run hands control back.
	js.Global().Set("casewrightCore", core.exports())
	select {}
}
