//go:build js && wasm

package main

import (
	"context"
	"errors"

	"casewright/wasm/store"
)

// errUnresolvedConflict holds saves back while the user has not chosen between their text
// and the newer one stored by another tab.
var errUnresolvedConflict error = unresolvedConflict{}

// unresolvedConflict is store.ErrConflict with what to do about it. (Not fmt.Errorf: at the
// core's start, before anything else, that would compile fmt's printing for a cold page.)
type unresolvedConflict struct{}

func (unresolvedConflict) Error() string {
	return store.ErrConflict.Error() + ": choose which version to keep"
}
func (unresolvedConflict) Unwrap() error { return store.ErrConflict }

// noteConflict remembers the newer stored draft a save of draft id ran into and asks the page
// to let the user choose; the autosave keeps the text and stops writing until then.
func (s *session) noteConflict(id string, err error) {
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		return
	}
	s.mu.Lock()
	if s.draftID != id {
		s.mu.Unlock()
		return
	}
	current := ce.Current
	s.conflict = &current
	s.mu.Unlock()
	s.events.emit(eventConflict, fullJSON(current))
}

// keepMine stores the editor's text over the newer version, which becomes the base revision
// (its text stays in the draft's history when the store snapshots it).
func (s *session) keepMine() error {
	s.mu.Lock()
	c := s.conflict
	s.conflict = nil
	if c != nil && c.ID == s.draftID {
		s.revision = c.Revision
	}
	s.mu.Unlock()
	if c == nil {
		return nil
	}
	return s.saver.flush()
}

// takeTheirs drops the editor's unsaved text for the newest stored version and returns it;
// the page keeps the dropped text in the editor's undo history.
func (s *session) takeTheirs() (store.Draft, error) {
	s.mu.Lock()
	c := s.conflict
	s.mu.Unlock()
	if c == nil {
		return store.Draft{}, errors.New("there is no conflict to resolve")
	}
	d, err := s.drafts.Get(context.Background(), c.ID)
	if err != nil {
		d = *c // the version the conflict showed is still theirs
	}
	s.setDraft(d)
	return d, nil
}
