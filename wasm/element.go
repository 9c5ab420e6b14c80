//go:build js && wasm

package main

import "syscall/js"

// element is an element of the page that the core writes to. The few DOM calls the core
// makes go straight through syscall/js: a DOM binding package would add its every element
// type to the core, 360 KB of code.
type element struct{ js.Value }

// Underlying returns the element's JavaScript value.
func (e element) Underlying() js.Value { return e.Value }

// SetInnerHTML replaces the element's content with markup.
func (e element) SetInnerHTML(markup string) { e.Set("innerHTML", markup) }
