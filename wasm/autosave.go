//go:build js && wasm

package main

import (
	"sync"
	"time"
)

// saveDelay bounds how long an edit waits before it is written: the first unsaved edit starts
// the clock and later ones ride along, so steady typing still saves this often.
const saveDelay = 300 * time.Millisecond

// retryDelay is how long a failed save (a full disk, say) waits before it tries again.
const retryDelay = 3 * time.Second

// autosave writes the latest text soon after edits, one write at a time, and retries
// failures, so that the text in the editor always ends up stored.
type autosave struct {
	write  func(text string) error
	status func(state, message string)

	mu      sync.Mutex
	saved   string        // the text known to be stored: editing back to it needs no write
	pending func() string // reads the newest text, once it is written
	dirty   bool
	writing bool
	timer   *time.Timer
	done    *sync.Cond // signalled after every write, for flush
}

func newAutosave(write func(string) error, status func(state, message string)) *autosave {
	a := &autosave{write: write, status: status}
	a.done = sync.NewCond(&a.mu)
	return a
}

// changed records the newest text and makes sure a write is on its way.
func (a *autosave) changed(text string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending = func() string { return text }
	if !a.dirty && !a.writing && text == a.saved {
		// A draft just opened or reloaded from storage: writing it back would only bump its
		// revision and make another tab on the same draft conflict.
		return
	}
	a.dirty = true
	a.scheduleLocked(saveDelay)
}

// changedLater records the newest text, of size bytes, as read, which is called only when the
// text is written: a keystroke in a draft of megabytes then copies none of it. It records
// nothing and returns false when the text may be the stored one (nothing waits to be written
// and it is as long): changed must compare them first.
func (a *autosave) changedLater(size int, read func() string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.dirty && !a.writing && size == len(a.saved) {
		return false
	}
	a.pending = read
	a.dirty = true
	a.scheduleLocked(saveDelay)
	return true
}

// reset makes text the stored baseline with nothing pending, once the write under way (if
// any) is over: a draft was opened, or its stored text was loaded into the editor.
func (a *autosave) reset(text string) {
	a.mu.Lock()
	for a.writing {
		a.done.Wait()
	}
	a.saved, a.pending, a.dirty = text, func() string { return text }, false
	a.mu.Unlock()
	a.status("saved", "Saved")
}

// busy reports whether edits are waiting to be written or being written.
func (a *autosave) busy() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.dirty || a.writing
}

func (a *autosave) scheduleLocked(delay time.Duration) {
	if a.timer == nil {
		a.timer = time.AfterFunc(delay, a.run)
	}
}

// run writes the pending text if there is any and no write is under way.
func (a *autosave) run() {
	a.mu.Lock()
	a.timer = nil
	if a.writing || !a.dirty {
		a.mu.Unlock()
		return
	}
	read := a.pending
	a.dirty, a.writing = false, true
	a.mu.Unlock()

	a.status("saving", "Saving…")
	text := read()
	err := a.write(text)

	a.mu.Lock()
	a.writing = false
	if err == nil {
		a.saved = text
		if a.dirty {
			a.scheduleLocked(saveDelay)
		}
	} else {
		a.dirty = true
		a.scheduleLocked(retryDelay)
	}
	a.done.Broadcast()
	a.mu.Unlock()
	if err != nil {
		a.status("error", saveFailure(err))
	} else if !a.hasPending() {
		a.status("saved", "Saved")
	}
}

func (a *autosave) hasPending() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.dirty
}

// flush writes the pending text now and waits for it, for a page about to be hidden or closed.
func (a *autosave) flush() error {
	a.mu.Lock()
	for a.writing {
		a.done.Wait()
	}
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.mu.Unlock()
	a.run()
	if a.hasPending() {
		return errNotSaved
	}
	return nil
}
