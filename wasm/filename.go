//go:build js && wasm

package main

import "strings"

// fileNameOf names the exported file after the title, in the portal's lower-case-hyphen style.
func fileNameOf(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7f && r != 0xfffd:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "case-study"
	}
	return name + ".md"
}
