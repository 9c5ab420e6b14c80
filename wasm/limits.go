//go:build js && wasm

package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"casewright/editor"
	"casewright/render"
	"casewright/wasm/internal/nest"
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
// nesting has seen the session's earlier texts, and counts again only the lines that changed.
func liveLimit(text string, nesting *nest.Guard) string {
	if len(text) > maxLiveBytes {
		return sizeLimit(len(text))
	}
	if depth, over := nesting.Over(text); over {
		return fmt.Sprintf("This draft nests lists or quotes %d deep: the live preview and checks pause beyond %d levels.", depth, maxNesting)
	}
	return ""
}

func sizeLimit(bytes int) string {
	return fmt.Sprintf("This draft is %s: the live preview and checks pause above %s.", size(bytes), size(maxLiveBytes))
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
	why := liveLimit(text, &s.nesting)
	if why == "" {
		if s.preview.paused.Truthy() {
			s.preview.root.Underlying().Set("textContent", "")
			s.preview.paused = js.Null()
		}
		return false, js.Undefined()
	}
	s.mu.Lock()
	s.text = text
	s.mu.Unlock()
	if s.drafts != nil {
		s.saver.changed(text)
	}
	return true, s.paused(why, len(text), store.Title(text))
}

// updateLarge is update for a draft as JavaScript hands it over. One too large for the live
// preview is, in the usual case, not copied into the core at a keystroke: for a draft of
// megabytes that copy was most of the keystroke (5 MB took 130 ms a key). Its size and title
// are read from the JavaScript string, and autosave copies it only when it writes. A draft
// whose size in bytes the string cannot tell (it is not all ASCII), whose title is not near its
// start, or that may be the stored text itself is copied and handled by update.
func (s *session) updateLarge(text js.Value) js.Value {
	// A string has no methods for syscall/js, its String object has.
	length := object.Invoke(text).Get("length").Int() // UTF-16 units: as many as bytes in ASCII
	if length <= maxLiveBytes || nonASCII.Call("test", text).Bool() {
		return s.update(text.String())
	}
	title, ok := leadingTitle(text)
	if !ok || (s.drafts != nil && !s.saver.changedLater(length, text.String)) {
		return s.update(text.String())
	}
	defer measureUpdate()()
	// s.text, the text the session opened with, stays as it was: only autosave reads the newest.
	// The next edit has no text to apply to: the editor sends the whole text again.
	s.typed.Forget()
	return s.paused(sizeLimit(length), length, title)
}

var (
	object   = js.Global().Get("Object")
	nonASCII = js.Global().Get("RegExp").New(`[^\x00-\x7f]`)
)

// titleReach is how far into a large draft updateLarge looks for its title.
const titleReach = 64 << 10

// leadingTitle returns the title of text when its heading is within titleReach of the start,
// read from those whole lines alone; false when it is further on or there is none.
func leadingTitle(text js.Value) (string, bool) {
	head := object.Invoke(text).Call("slice", 0, titleReach).String()
	if len(head) == titleReach {
		head = head[:strings.LastIndexByte(head, '\n')+1]
	}
	_, _, title := store.TitleHeading(head)
	return title, title != ""
}

// paused shows why the preview and checks pause for a draft of that many bytes, in the Preview
// and Problems regions, and returns update's result for it.
func (s *session) paused(why string, bytes int, title string) js.Value {
	notice := s.preview.paused
	if !notice.Truthy() {
		// The blocks go, and the document with them: rendering resumes from nothing.
		root := s.preview.root.Underlying()
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
	notice.Call("setAttribute", "data-bytes", fmt.Sprint(bytes))
	diags := []diagnostic{{Diagnostic: editor.Diagnostic{
		Range:    editor.Range{Line: 1, Col: 1, EndLine: 1, EndCol: 1},
		Severity: editor.Info, Code: "paused", Message: message,
	}}}
	s.problems.show(diags)
	s.shown = diags
	s.mu.Lock()
	completeness := s.completeness
	s.mu.Unlock()
	return jsonString(updateResult{
		Diagnostics:  diags,
		Completeness: editor.Completeness{Ratio: completeness},
		Title:        title,
		FileName:     fileNameOf(title),
	})
}
