//go:build js && wasm

package main

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// element is an element of the page that the core writes to, as js/dom's basic element. It is
// made directly, not by dom.WrapElement, whose switch over every HTML element type would put
// each of those types in the core (1.2 MB of WASM, 47 KB with brotli).
type element struct{ *dom.BasicElement }

func elementOf(v js.Value) element {
	return element{&dom.BasicElement{BasicNode: nodeOf(v)}}
}

func nodeOf(v js.Value) *dom.BasicNode { return &dom.BasicNode{Value: v} }
