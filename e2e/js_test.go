//go:build e2e

package e2e

import "encoding/json"

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsValue writes v as a JavaScript literal.
func jsValue(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
