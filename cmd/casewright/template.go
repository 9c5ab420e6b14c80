package main

import (
	"fmt"
	"os"

	"casewright/editor"
)

// loadTemplate reads the template at path, or the built-in one when path is empty.
func loadTemplate(path string) (*editor.Template, error) {
	if path == "" {
		return editor.DefaultTemplate(), nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading template: %w", err)
	}
	return editor.ParseTemplate(src)
}
