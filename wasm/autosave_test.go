//go:build js && wasm

package main

import (
	"errors"
	"sync"
	"testing"
)

// recordingWriter stands in for the store so the autosave's own logic can be watched.
type recordingWriter struct {
	mu     sync.Mutex
	writes []string
	fail   error
}

func (w *recordingWriter) write(text string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fail != nil {
		return w.fail
	}
	w.writes = append(w.writes, text)
	return nil
}

func TestAutosaveFlushWritesOnlyTheLatestText(t *testing.T) {
	w := &recordingWriter{}
	var states []string
	a := newAutosave(w.write, func(state, _ string) { states = append(states, state) })
	a.changed("one")
	a.changed("two")
	if err := a.flush(); err != nil {
		t.Fatal(err)
	}
	if len(w.writes) != 1 || w.writes[0] != "two" {
		t.Fatalf("flush should write the latest text once, wrote %q", w.writes)
	}
	if states[len(states)-1] != "saved" {
		t.Fatalf("the status should end as saved, went %q", states)
	}
	if err := a.flush(); err != nil || len(w.writes) != 1 {
		t.Fatalf("a flush with nothing pending writes nothing, wrote %q (err %v)", w.writes, err)
	}
}

func TestAutosaveKeepsTextAfterAFailureAndRetries(t *testing.T) {
	w := &recordingWriter{fail: errors.New("disk full")}
	var last string
	a := newAutosave(w.write, func(state, _ string) { last = state })
	a.changed("precious")
	if err := a.flush(); err == nil {
		t.Fatal("flush should report that the text is not saved")
	}
	if last != "error" {
		t.Fatalf("the status should say the save failed, it says %q", last)
	}
	w.mu.Lock()
	w.fail = nil
	w.mu.Unlock()
	if err := a.flush(); err != nil {
		t.Fatal(err)
	}
	if len(w.writes) != 1 || w.writes[0] != "precious" {
		t.Fatalf("the text should be written once room is back, wrote %q", w.writes)
	}
}

func TestAutosaveSavesSoonAfterAnEditWithoutFlush(t *testing.T) {
	saved := make(chan string, 1)
	a := newAutosave(func(text string) error { saved <- text; return nil }, func(string, string) {})
	a.changed("typed")
	if got := <-saved; got != "typed" {
		t.Fatalf("the timer should write the edit, wrote %q", got)
	}
}

func TestAutosaveWritesNothingForTheStoredText(t *testing.T) {
	w := &recordingWriter{}
	a := newAutosave(w.write, func(string, string) {})
	a.reset("opened")
	a.changed("opened")
	if a.busy() {
		t.Fatal("text equal to what is stored should leave nothing to write")
	}
	a.changed("edited")
	a.changed("opened")
	if err := a.flush(); err != nil {
		t.Fatal(err)
	}
	if len(w.writes) != 1 || w.writes[0] != "opened" {
		t.Fatalf("an edit undone before the save still writes the latest text once, wrote %q", w.writes)
	}
}

// A draft too large for the live preview hands autosave a reader: it is read once, when the
// text is written, and the newest one wins.
func TestAutosaveReadsALaterTextOnlyWhenItWrites(t *testing.T) {
	w := &recordingWriter{}
	a := newAutosave(w.write, func(string, string) {})
	a.reset("stored")
	reads := 0
	reader := func(text string) func() string {
		return func() string { reads++; return text }
	}
	if a.changedLater(len("same!!"), reader("same!!")) {
		t.Fatal("a text as long as the stored one, with nothing pending, may be the stored one: changed must compare it")
	}
	if !a.changedLater(len("longer one"), reader("longer one")) || !a.changedLater(len("same!!"), reader("newest")) {
		t.Fatal("with an edit pending, later texts are recorded unread")
	}
	if reads != 0 {
		t.Fatalf("the text was read %d times before any write", reads)
	}
	if err := a.flush(); err != nil {
		t.Fatal(err)
	}
	if reads != 1 || len(w.writes) != 1 || w.writes[0] != "newest" {
		t.Fatalf("the write should read the newest text once: read %d times, wrote %q", reads, w.writes)
	}
}
