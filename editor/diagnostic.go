// Package editor is the authoring core: it reads a template's rules from its shape, checks a
// draft against them, and builds the outline, the completeness figure and new drafts.
// It is plain Go, shared by the browser (through package main in wasm/) and the command line.
package editor

// Severity says how much a finding stands between the draft and a finished case study.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// A Range is a span of the draft: 1-based lines, 1-based byte columns, end exclusive.
// From and To are the same span as byte offsets, kept for the browser's editor.
type Range struct {
	Line    int `json:"line"`
	Col     int `json:"col"`
	EndLine int `json:"endLine"`
	EndCol  int `json:"endCol"`
	From    int `json:"-"`
	To      int `json:"-"`
}

// A TextEdit replaces the text of Range with NewText.
type TextEdit struct {
	Range
	NewText string `json:"newText"`
}

// A Fix is a mechanical change that resolves a diagnostic.
type Fix struct {
	Title string     `json:"title"`
	Edits []TextEdit `json:"edits"`
}

// A Diagnostic is one finding about a draft, shaped like the Language Server Protocol's.
type Diagnostic struct {
	Range
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Fixes    []Fix    `json:"fixes,omitempty"`
}
