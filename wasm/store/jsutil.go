//go:build js && wasm

package store

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"
)

// jsTry runs fn and turns a JavaScript exception (which syscall/js raises
// as a Go panic) into an error, so that no call into the browser can crash
// the program.
func jsTry(fn func()) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch v := r.(type) {
		case js.Error:
			err = domErrorOf(v.Value)
		case error:
			err = v
		default:
			err = fmt.Errorf("store: javascript: %v", v)
		}
	}()
	fn()
	return nil
}

// jsCall calls method m of v and reports an exception as an error.
func jsCall(v js.Value, m string, args ...any) (res js.Value, err error) {
	err = jsTry(func() { res = v.Call(m, args...) })
	return res, err
}

// domError is a DOMException (or any thrown JavaScript value) seen from Go.
type domError struct {
	name    string
	message string
}

func (e *domError) Error() string {
	if e.message == "" {
		return e.name
	}
	return e.name + ": " + e.message
}

// domErrorOf describes a thrown JavaScript value; it reads the name and
// message that DOMException and Error both carry.
func domErrorOf(v js.Value) error {
	if v.Type() != js.TypeObject {
		if v.IsNull() || v.IsUndefined() {
			return errors.New("store: javascript error without details")
		}
		return &domError{name: "Error", message: v.String()}
	}
	e := &domError{name: "Error"}
	if n := v.Get("name"); n.Type() == js.TypeString {
		e.name = n.String()
	}
	if m := v.Get("message"); m.Type() == js.TypeString {
		e.message = m.String()
	}
	return e
}

// awaitRaw waits for a raw IDBRequest to succeed or fail and returns its
// result. It serves the calls go-indexeddb has no wrapper for (getAll).
func awaitRaw(ctx context.Context, req js.Value) (js.Value, error) {
	done := make(chan error, 1)
	onSuccess := js.FuncOf(func(js.Value, []js.Value) any {
		done <- nil
		return nil
	})
	defer onSuccess.Release()
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var err error = &domError{name: "UnknownError"}
		if e := jsTry(func() { err = domErrorOf(req.Get("error")) }); e != nil {
			err = e
		}
		done <- err
		return nil
	})
	defer onError.Release()
	if err := jsTry(func() {
		req.Call("addEventListener", "success", onSuccess)
		req.Call("addEventListener", "error", onError)
	}); err != nil {
		return js.Undefined(), err
	}
	select {
	case err := <-done:
		if err != nil {
			return js.Undefined(), err
		}
		var res js.Value
		err = jsTry(func() { res = req.Get("result") })
		return res, err
	case <-ctx.Done():
		return js.Undefined(), ctx.Err()
	}
}

// jsArray copies a JavaScript array's elements into a Go slice.
func jsArray(v js.Value) ([]js.Value, error) {
	var out []js.Value
	err := jsTry(func() {
		n := v.Length()
		out = make([]js.Value, n)
		for i := range n {
			out[i] = v.Index(i)
		}
	})
	return out, err
}
