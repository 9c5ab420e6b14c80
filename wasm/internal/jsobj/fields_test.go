//go:build js && wasm

package jsobj

import (
	"strings"
	"syscall/js"
	"testing"
)

// eval runs a JavaScript expression, for values JSON cannot hold (NaN, BigInt).
func eval(t *testing.T, expr string) js.Value {
	t.Helper()
	return js.Global().Get("Function").New("return " + expr).Invoke()
}

func TestFieldsReadAsEncodingJSON(t *testing.T) {
	v, err := Parse(`{"s":"é\u2028","n":1.5,"i":42,"big":9007199254740993,"null":null,"a":[1,"x"],"empty":[]}`)
	if err != nil {
		t.Fatal(err)
	}
	err = Read(v, func(f *Fields) {
		if s := f.String("s"); s != "é\u2028" {
			t.Errorf("String = %q", s)
		}
		if n := f.Float("n"); n != 1.5 {
			t.Errorf("Float = %v", n)
		}
		if i := f.Int("i"); i != 42 {
			t.Errorf("Int = %v", i)
		}
		if s, p := f.String("missing"), f.OptString("null"); s != "" || p != nil {
			t.Errorf("missing and null = %q, %v; want zero values", s, p)
		}
		if a := f.Array("a"); len(a) != 2 || a[1].String() != "x" {
			t.Errorf("Array = %v", a)
		}
		if a, none := f.Array("empty"), f.Array("null"); a == nil || len(a) != 0 || none != nil {
			t.Errorf("Array of [] = %#v, of null = %#v; want empty and nil", a, none)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFieldsRejectTheWrongType(t *testing.T) {
	for _, tt := range []struct {
		json string
		read func(f *Fields)
		want string
	}{
		{`{"id":7}`, func(f *Fields) { f.String("id") }, "id is number, not string"},
		{`{"n":"1"}`, func(f *Fields) { f.Float("n") }, "n is string, not number"},
		{`{"rev":1.5}`, func(f *Fields) { f.Int("rev") }, "rev is 1.5, not a whole number"},
		{`{"rev":1e20}`, func(f *Fields) { f.Int("rev") }, "rev is 1e+20, not a whole number"},
		{`{"docs":{}}`, func(f *Fields) { f.Array("docs") }, "docs is an object, not an array"},
		{`{"title":[1]}`, func(f *Fields) { f.String("title") }, "title is an array, not string"},
		{`"text"`, func(f *Fields) {}, "value is string, not an object"},
		{`null`, func(f *Fields) {}, "value is null, not an object"},
	} {
		v, err := Parse(tt.json)
		if err != nil {
			t.Fatal(err)
		}
		if err := Read(v, tt.read); err == nil || err.Error() != tt.want {
			t.Errorf("%s: %v, want %q", tt.json, err, tt.want)
		}
	}
}

func TestFieldsOfValuesJSONCannotHold(t *testing.T) {
	v := eval(t, `({nan: NaN, inf: -Infinity, big: 10n})`)
	err := Read(v, func(f *Fields) {
		if n, m := f.Float("nan"), f.Float("inf"); n != 0 || m != 0 {
			t.Errorf("NaN and -Infinity read as %v, %v; want 0, as JSON.stringify makes them null", n, m)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := Read(v, func(f *Fields) { f.Float("big") }); err == nil {
		t.Error("a BigInt read as a number")
	}
}

func TestParseAndArray(t *testing.T) {
	if _, err := Parse("# just markdown"); err == nil || !strings.Contains(err.Error(), "JSON") {
		t.Errorf("Parse of Markdown = %v, want JSON.parse's SyntaxError", err)
	}
	for text, want := range map[string]int{`[{}, 2]`: 2, `[]`: 0, `null`: 0} {
		v, _ := Parse(text)
		if elems, err := Array(v); err != nil || len(elems) != want {
			t.Errorf("Array(%s) = %d elements, %v; want %d", text, len(elems), err, want)
		}
	}
	for _, text := range []string{`{}`, `"x"`, `3`} {
		v, _ := Parse(text)
		if _, err := Array(v); err == nil {
			t.Errorf("Array(%s) gave no error", text)
		}
	}
}
