//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"
)

// tabs tells the other tabs of the same storage name what this tab changed, and hears what
// they changed, through a BroadcastChannel named after the storage. Browsers without
// BroadcastChannel still never overwrite silently: saves carry revisions and conflict.
type tabs struct {
	mu      sync.Mutex
	channel js.Value // undefined without BroadcastChannel
	receive js.Func
}

// tabMessage is what one tab posts: a draft changed (kind "saved" for a new text, "changed"
// for anything else the drafts list shows).
type tabMessage struct {
	kind     string
	id       string
	revision int
}

// open joins the channel of storage name; heard is called, on a goroutine of its own, with
// every message of another tab.
func (t *tabs) open(name string, heard func(tabMessage)) {
	ctor := js.Global().Get("BroadcastChannel")
	if ctor.Type() != js.TypeFunction {
		return
	}
	t.receive = js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeObject {
			return nil
		}
		m := tabMessage{kind: stringOf(data.Get("kind")), id: stringOf(data.Get("id"))}
		if r := data.Get("revision"); r.Type() == js.TypeNumber {
			m.revision = r.Int()
		}
		// The handler reads IndexedDB, which a JavaScript callback must not wait for.
		go heard(m)
		return nil
	})
	t.mu.Lock()
	t.channel = ctor.New(name)
	t.channel.Set("onmessage", t.receive)
	t.mu.Unlock()
}

// post tells the other tabs about a change.
func (t *tabs) post(m tabMessage) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.channel.Type() != js.TypeObject {
		return
	}
	t.channel.Call("postMessage", map[string]any{"kind": m.kind, "id": m.id, "revision": m.revision})
}

func stringOf(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}
