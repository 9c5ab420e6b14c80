//go:build js && wasm

package main

import (
	"testing"

	"casewright/wasm/store"
)

func TestRetitleRewritesTheHeadingTheTitleComesFrom(t *testing.T) {
	for _, tc := range []struct{ name, text, title, want string }{
		{"first H1", "# Old\n\nBody\n", "New name", "# New name\n\nBody\n"},
		{"CRLF kept", "intro\r\n# Old\r\nBody", "New", "intro\r\n# New\r\nBody"},
		{"H1 in a fence skipped", "```\n# not a title\n```\n# Old\n", "New", "```\n# not a title\n```\n# New\n"},
		{"no H1", "Just text\n", "Fresh", "# Fresh\n\nJust text\n"},
		{"blank title", "# Old\n", "  \n ", "# Untitled\n"},
		{"last line without newline", "# Old", "New", "# New"},
	} {
		got := retitle(tc.text, tc.title)
		if got != tc.want {
			t.Errorf("%s: retitle(%q, %q) = %q, want %q", tc.name, tc.text, tc.title, got, tc.want)
		}
		if tc.title != "  \n " && store.Title(got) != tc.title {
			t.Errorf("%s: the store reads the title %q, want %q", tc.name, store.Title(got), tc.title)
		}
	}
}
