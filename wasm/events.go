//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"
)

// Events the session reports to the page's listeners, each with a JSON payload.
const (
	eventSaved         = "saved"          // this tab stored the open draft: its summary
	eventReplaced      = "replaced"       // the open draft's text changed in storage: the draft, text included
	eventConflict      = "conflict"       // a save met a newer stored version: that version, text included
	eventDraftsChanged = "drafts-changed" // another tab changed the drafts: {}
)

// listeners are the page's functions called with (event, json).
type listeners struct {
	mu  sync.Mutex
	fns []js.Value
}

func (l *listeners) add(fn js.Value) {
	if fn.Type() != js.TypeFunction {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fns = append(l.fns, fn)
}

func (l *listeners) emit(event string, payload pageJSON) {
	l.mu.Lock()
	fns := append([]js.Value(nil), l.fns...)
	l.mu.Unlock()
	if len(fns) == 0 {
		return
	}
	data := jsonString(payload)
	for _, fn := range fns {
		fn.Invoke(event, data)
	}
}
