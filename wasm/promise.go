//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
)

// promise runs fn on its own goroutine, so that it may wait on IndexedDB, and settles a
// JavaScript promise with its result.
func promise(fn func() (any, error)) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject := args[0], args[1]
		go func() {
			v, err := fn()
			if err != nil {
				reject.Invoke(jsError(err))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	p := js.Global().Get("Promise").New(executor)
	executor.Release() // the Promise constructor calls the executor at once
	return p
}

// codedError is an error that carries a stable code for the page to act on.
type codedError interface {
	error
	Code() string
}

// jsError turns a Go error into a JavaScript Error with a code property where there is one.
func jsError(err error) js.Value {
	e := js.Global().Get("Error").New(err.Error())
	var coded codedError
	if errors.As(err, &coded) {
		e.Set("code", coded.Code())
	}
	return e
}
