//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"casewright/editor"
	"casewright/render"
	"casewright/wasm/store"
)

// Above these the live preview and checks pause, while editing, saving and export go on:
// past maxLiveBytes a keystroke's render and check can take longer than 200 ms (a 240 KB
// table took 805 ms, 50,000 headings in 870 KB 1.7 s; drafts are typically 10–40 KB), and
// past maxNesting Go's recursion in WebAssembly runs out of the browser's call stack (a list
// nested 4,000 deep kills the core, which native Go survives).
const (
	maxLiveBytes = 160 << 10
	maxNesting   = 1000
)

// liveLimit says why text is too big or too deep for the live preview, or "" when it is not.
func liveLimit(text string) string {
	if len(text) > maxLiveBytes {
		return fmt.Sprintf("This draft is %s: the live preview and checks pause above %s.", size(len(text)), size(maxLiveBytes))
	}
	if depth := nesting(text); depth > maxNesting {
		return fmt.Sprintf("This draft nests lists or quotes %d deep: the live preview and checks pause beyond %d levels.", depth, maxNesting)
	}
	return ""
}

// nesting returns the most list and quote markers that open any line: a cheap bound on how
// deep the parser would nest, counted before it runs.
func nesting(text string) int {
	deepest, depth, atStart := 0, 0, true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			depth, atStart = 0, true
		case !atStart, c == ' ', c == '\t':
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t'):
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && j-i < 9 && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j+1 < len(text) && (text[j] == '.' || text[j] == ')') && text[j+1] == ' ' {
				depth++
				i = j
			} else {
				atStart = false
			}
		default:
			atStart = false
		}
		deepest = max(deepest, depth)
	}
	return deepest
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// pauseIfTooLarge is update's guard: for a draft past the limits it shows why in the Preview
// and Problems regions, keeps the text and schedules its save, and returns update's result;
// for one within them it takes the notice away so that the next render is whole again.
func (s *session) pauseIfTooLarge(text string) (bool, js.Value) {
	why := liveLimit(text)
	root := s.preview.root.Underlying()
	notice := s.preview.paused
	if why == "" {
		if notice.Truthy() {
			root.Set("textContent", "")
			s.preview.paused = js.Null()
		}
		return false, js.Undefined()
	}
	if !notice.Truthy() {
		// The blocks go, and the document with them: rendering resumes from nothing.
		root.Set("textContent", "")
		s.preview.doc = render.NewDocument(s.core.r)
		notice = js.Global().Get("document").Call("createElement", "p")
		notice.Set("className", "cw-paused")
		notice.Call("setAttribute", "role", "status")
		root.Call("append", notice)
		s.preview.paused = notice
	}
	message := why + " Editing, saving and export go on as usual; shorten the draft to see it again."
	notice.Set("textContent", message)
	notice.Call("setAttribute", "data-bytes", fmt.Sprint(len(text)))
	diags := []diagnostic{{Diagnostic: editor.Diagnostic{
		Range:    editor.Range{Line: 1, Col: 1, EndLine: 1, EndCol: 1},
		Severity: editor.Info, Code: "paused", Message: message,
	}}}
	s.problems.show(diags)

	s.mu.Lock()
	s.text = text
	completeness := s.completeness
	s.mu.Unlock()
	if s.drafts != nil {
		s.saver.changed(text)
	}
	title := store.Title(text)
	return true, jsonString(updateResult{
		Diagnostics:  diags,
		Completeness: editor.Completeness{Ratio: completeness},
		Title:        title,
		FileName:     fileNameOf(title),
	})
}
