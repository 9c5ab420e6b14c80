//go:build js && wasm

package main

import "strings"

// retitle returns text with its title, the first level-one heading outside fenced code (the
// one store.Title reads), set to title; text without one gets it as a new first line. A
// draft's name is its H1, so that renaming it also names the exported file.
func retitle(text, title string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		title = "Untitled"
	}
	heading := "# " + title
	fence := ""
	offset := 0
	for line := range strings.Lines(text) {
		start := offset
		offset += len(line)
		body := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(body, " ")
		if len(body)-len(trimmed) > 3 {
			continue // indented code
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if h, ok := strings.CutPrefix(trimmed, "# "); ok && strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "#")) != "" {
			return text[:start] + heading + line[len(body):] + text[offset:]
		}
	}
	return heading + "\n\n" + text
}
