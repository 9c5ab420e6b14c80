//go:build js && wasm

// Command wasm is Casewright's core in the browser: it validates and renders drafts, patches
// the preview and the panels, and keeps drafts in IndexedDB. The JavaScript shell loads it and
// reaches it through the object it registers as globalThis.casewrightCore.
package main

import (
	"runtime/debug"
	"syscall/js"

	"casewright/editor"
	"casewright/render"
)

func main() {
	// The garbage collector runs on the page's one thread, inside keystrokes: with a live heap
	// of a few MB and several hundred KB of garbage per keystroke on a long draft, the default
	// (100) collects every few keystrokes; 400 collects a quarter as often for a heap of tens
	// of MB at most.
	debug.SetGCPercent(400)
	core := newCore(editor.DefaultTemplate, render.New())
	// Set before main blocks, so the global exists as soon as go.run hands control back.
	js.Global().Set("casewrightCore", core.exports())
	select {}
}
