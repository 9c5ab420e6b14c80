//go:build js && wasm

package main

import (
	"strings"

	"casewright/wasm/store"
)

// retitle returns text with its title, the first level-one heading outside fenced code (the
// one store.Title reads), set to title; text without one gets it as a new first line. A
// draft's name is its H1, so that renaming it also names the exported file.
func retitle(text, title string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		title = "Untitled"
	}
	heading := "# " + title
	if start, end, _ := store.TitleHeading(text); start >= 0 {
		return text[:start] + heading + text[end:]
	}
	return heading + "\n\n" + text
}
