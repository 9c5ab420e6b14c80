//go:build js && wasm

// Package jsobj reads typed fields of JavaScript objects: records read from IndexedDB and
// documents parsed by the browser's JSON.parse. It reads them as encoding/json would read their
// JSON (a missing or null field is the zero value, a field of another type is an error) without
// taking encoding/json's code into the WebAssembly core, or copying whole records into Go as
// text first.
package jsobj

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"syscall/js"
)

var (
	jsonParse = js.Global().Get("JSON").Get("parse").Call("bind", js.Global().Get("JSON"))
	isArray   = js.Global().Get("Array").Get("isArray")
)

// Parse parses text with the browser's JSON.parse.
func Parse(text string) (v js.Value, err error) {
	err = Try(func() { v = jsonParse.Invoke(text) })
	return v, err
}

// Try runs fn and returns what it panicked with as an error: syscall/js raises a JavaScript
// exception, or a value it has no type for (a BigInt), as a Go panic.
func Try(fn func()) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case error:
			err = r
		default:
			err = fmt.Errorf("javascript: %v", r)
		}
	}()
	fn()
	return nil
}

// Fields reads the fields of one object; the first that does not fit is kept as the error.
type Fields struct {
	obj js.Value
	err error
}

// Read calls read with the fields of v, which must be an object, and returns the first field
// that did not fit, or what JavaScript threw meanwhile. (An array reads as an object without
// the fields asked for.)
func Read(v js.Value, read func(f *Fields)) error {
	return Try(func() {
		if t := v.Type(); t != js.TypeObject {
			panic(errors.New("value is " + t.String() + ", not an object"))
		}
		f := &Fields{obj: v}
		read(f)
		if f.err != nil {
			panic(f.err)
		}
	})
}

// Fail records err as the reason the object does not fit, unless there is one already.
func (f *Fields) Fail(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// field returns field key when it has type want; ok is false when it is missing, null, or of
// another type (which is recorded).
func (f *Fields) field(key string, want js.Type) (v js.Value, ok bool) {
	if f.err != nil {
		return js.Undefined(), false
	}
	v = f.obj.Get(key)
	switch t := v.Type(); t {
	case want:
		return v, true
	case js.TypeUndefined, js.TypeNull:
		return v, false
	}
	f.Fail(fmt.Errorf("%s is %s, not %s", key, describe(v), want))
	return v, false
}

// String reads a string field.
func (f *Fields) String(key string) string {
	if v, ok := f.field(key, js.TypeString); ok {
		return v.String()
	}
	return ""
}

// OptString reads a string field that may be missing or null: then it returns nil.
func (f *Fields) OptString(key string) *string {
	if v, ok := f.field(key, js.TypeString); ok {
		s := v.String()
		return &s
	}
	return nil
}

// Float reads a number field. NaN and the infinities, which JSON cannot hold (JSON.stringify
// writes them as null), read as 0.
func (f *Fields) Float(key string) float64 {
	if v, ok := f.field(key, js.TypeNumber); ok {
		if x := v.Float(); !math.IsNaN(x) && !math.IsInf(x, 0) {
			return x
		}
	}
	return 0
}

// Int reads a number field that must be a whole number within int64's range.
func (f *Fields) Int(key string) int64 {
	v, ok := f.field(key, js.TypeNumber)
	if !ok {
		return 0
	}
	x := v.Float()
	if x != math.Trunc(x) || x < math.MinInt64 || x >= math.MaxInt64 {
		f.Fail(fmt.Errorf("%s is %s, not a whole number", key, strconv.FormatFloat(x, 'g', -1, 64)))
		return 0
	}
	return int64(x)
}

// Array reads an array field; missing or null, it is empty.
func (f *Fields) Array(key string) []js.Value {
	v, ok := f.field(key, js.TypeObject)
	if !ok {
		return nil
	}
	elems, err := elements(v, key)
	f.Fail(err)
	return elems
}

// Value reads a field of any type, undefined when it is missing.
func (f *Fields) Value(key string) js.Value {
	if f.err != nil {
		return js.Undefined()
	}
	return f.obj.Get(key)
}

// describe names the type of v for an error message.
func describe(v js.Value) string {
	if v.Type() == js.TypeObject && isArray.Invoke(v).Bool() {
		return "an array"
	}
	return v.Type().String()
}

// Array returns the elements of array v; null reads as no elements.
func Array(v js.Value) (elems []js.Value, err error) {
	var bad error
	err = Try(func() {
		switch v.Type() {
		case js.TypeNull, js.TypeUndefined:
		case js.TypeObject:
			elems, bad = elements(v, "value")
		default:
			bad = fmt.Errorf("value is %s, not an array", v.Type())
		}
	})
	if err == nil {
		err = bad
	}
	return elems, err
}

// elements copies the elements of array v, called name in an error.
func elements(v js.Value, name string) ([]js.Value, error) {
	if !isArray.Invoke(v).Bool() {
		return nil, fmt.Errorf("%s is an object, not an array", name)
	}
	out := make([]js.Value, v.Length())
	for i := range out {
		out[i] = v.Index(i)
	}
	return out, nil
}
