// Package jsonwtest gives tests of what jsonw writes the reference to hold it to: encoding/json,
// which the core itself no longer links.
package jsonwtest

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Marshal is v as encoding/json writes it from its tags, with HTML escaping off as jsonw
// writes (JSON.parse reads both the same), without the encoder's final newline.
func Marshal(t testing.TB, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
