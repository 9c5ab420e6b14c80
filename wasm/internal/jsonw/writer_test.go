package jsonw

import (
	"math"
	"testing"

	"casewright/wasm/internal/jsonw/jsonwtest"
)

var samples = []string{
	"", "plain", `quote " backslash \ slash /`, "<b>&amp;</b>", "tab\tnew\nline\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "é ✍️ 🚀 日本", "\u2028\u2029", "bad \xff utf-8 \xe2\x82", "\xed\xa0\x80 surrogate",
	"# Title\r\n\n| a | b |\n",
}

func TestStringsAsEncodingJSON(t *testing.T) {
	for _, s := range samples {
		var w Writer
		w.Str(s)
		if got, want := w.String(), jsonwtest.Marshal(t, s); got != want {
			t.Errorf("Str(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestFloatsAsEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.0 / 3, 0.1 + 0.2, 1e-6, 9.99e-7, 1e-7,
		1.5e-10, 1e20, 1e21, 123456789012345680000, 1e300, -2.5e-300, 1733222400000, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		var w Writer
		w.Float(f)
		if got, want := w.String(), jsonwtest.Marshal(t, f); got != want {
			t.Errorf("Float(%g) = %s, want %s", f, got, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var w Writer
		w.Float(f)
		if w.String() != "null" {
			t.Errorf("Float(%g) = %s, want null", f, w.String())
		}
	}
}

func TestNestedAsEncodingJSON(t *testing.T) {
	type inner struct {
		N  int64   `json:"n"`
		OK bool    `json:"ok"`
		P  *string `json:"p"`
	}
	type outer struct {
		Name  string   `json:"name"`
		Items []inner  `json:"items"`
		None  []inner  `json:"none"`
		Empty []int    `json:"empty"`
		Obj   struct{} `json:"obj"`
	}
	v := outer{Name: "x", Items: []inner{{1, true, nil}, {-7, false, nil}}, Empty: []int{}}
	var w Writer
	w.BeginObject()
	w.Key("name").Str(v.Name)
	w.Key("items").BeginArray()
	for _, it := range v.Items {
		w.BeginObject()
		w.Key("n").Int(it.N)
		w.Key("ok").Bool(it.OK)
		w.Key("p").Null()
		w.EndObject()
	}
	w.EndArray()
	w.Key("none").Null()
	w.Key("empty").BeginArray()
	w.EndArray()
	w.Key("obj").BeginObject()
	w.EndObject()
	w.EndObject()
	if got, want := w.String(), jsonwtest.Marshal(t, v); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func FuzzStringAsEncodingJSON(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var w Writer
		w.Str(s)
		if got, want := w.String(), jsonwtest.Marshal(t, s); got != want {
			t.Errorf("Str(%q) = %s, want %s", s, got, want)
		}
	})
}
