// Package jsonw writes JSON byte for byte as encoding/json does with HTML escaping off, for the
// few shapes the WebAssembly core hands out. Each shape writes itself field by field: no
// reflection, which keeps encoding/json's 236 KB of code out of the core.
package jsonw

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// A Writer appends one JSON value. Keys and values go in order; the Writer puts the commas.
//
// Its methods are marked go:noinline: inlined, each call grows its caller by half a kilobyte of
// WebAssembly, and the core makes hundreds (4.9 KB of brotli measured).
type Writer struct {
	buf   []byte
	comma bool // a value ends just before: the next key or element needs a comma
}

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.buf }

// String returns what was written.
func (w *Writer) String() string { return string(w.buf) }

func (w *Writer) sep() {
	if w.comma {
		w.buf = append(w.buf, ',')
	}
}

// Key writes the key of the object member whose value comes next.
//
//go:noinline
func (w *Writer) Key(k string) *Writer {
	w.sep()
	w.buf = AppendString(w.buf, k)
	w.buf = append(w.buf, ':')
	w.comma = false
	return w
}

// BeginObject opens an object; EndObject closes it.
//
//go:noinline
func (w *Writer) BeginObject() { w.sep(); w.buf = append(w.buf, '{'); w.comma = false }

// EndObject closes the object BeginObject opened.
//
//go:noinline
func (w *Writer) EndObject() { w.buf = append(w.buf, '}'); w.comma = true }

// BeginArray opens an array; EndArray closes it.
//
//go:noinline
func (w *Writer) BeginArray() { w.sep(); w.buf = append(w.buf, '['); w.comma = false }

// EndArray closes the array BeginArray opened.
//
//go:noinline
func (w *Writer) EndArray() { w.buf = append(w.buf, ']'); w.comma = true }

// Null writes null, as encoding/json does for a nil slice or pointer.
//
//go:noinline
func (w *Writer) Null() { w.sep(); w.buf = append(w.buf, "null"...); w.comma = true }

// Raw writes b, which must be one whole JSON value.
//
//go:noinline
func (w *Writer) Raw(b []byte) { w.sep(); w.buf = append(w.buf, b...); w.comma = true }

// Str writes s as a JSON string.
//
//go:noinline
func (w *Writer) Str(s string) { w.sep(); w.buf = AppendString(w.buf, s); w.comma = true }

// Int writes n.
//
//go:noinline
func (w *Writer) Int(n int64) { w.sep(); w.buf = strconv.AppendInt(w.buf, n, 10); w.comma = true }

// Float writes f as encoding/json does. JSON has no NaN nor infinities: those are written as
// null, where encoding/json would fail the whole value.
//
//go:noinline
func (w *Writer) Float(f float64) { w.sep(); w.buf = AppendFloat(w.buf, f); w.comma = true }

// Bool writes b.
//
//go:noinline
func (w *Writer) Bool(b bool) {
	w.sep()
	w.buf = strconv.AppendBool(w.buf, b)
	w.comma = true
}

// AppendFloat appends f the way encoding/json writes a float64: like JavaScript's
// Number.prototype.toString, exponents past 1e21 and below 1e-6 without padding.
func AppendFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 → e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hex = "0123456789abcdef"

// AppendString appends s as a JSON string the way encoding/json does with HTML escaping off:
// invalid UTF-8 becomes \ufffd, and U+2028 and U+2029 are escaped for JavaScript's sake.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
