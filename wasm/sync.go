//go:build js && wasm

package main

import (
	"context"
	"errors"
	"time"

	"casewright/wasm/store"
)

// trashKeep is how long removed drafts stay in the trash, restorable, before a start purges them.
const trashKeep = 30 * 24 * time.Hour

// saveOrRestore saves text as draft id at revision rev. A draft removed meanwhile (in another
// tab) is taken back out of the trash first: text being typed is never thrown away.
func (s *session) saveOrRestore(ctx context.Context, id, text string, completeness float64, rev int) (store.Draft, error) {
	d, err := s.drafts.Save(ctx, id, text, store.Title(text), completeness, rev)
	if !errors.Is(err, store.ErrNotFound) {
		return d, err
	}
	if _, rerr := s.drafts.Restore(ctx, id); rerr != nil {
		return d, err
	}
	s.tabs.post(tabMessage{kind: "changed", id: id})
	return s.drafts.Save(ctx, id, text, store.Title(text), completeness, rev)
}

// announceSave tells this page's drafts panel and the other tabs that d was stored.
func (s *session) announceSave(d store.Draft) {
	s.events.emit(eventSaved, summaryJSON(d.Summary))
	s.tabs.post(tabMessage{kind: "saved", id: d.ID, revision: d.Revision})
}

// announceChange tells the other tabs that the drafts list changed.
func (s *session) announceChange(id string, revision int) {
	s.tabs.post(tabMessage{kind: "changed", id: id, revision: revision})
}

// fromOtherTab handles a message from another tab: the drafts list may have changed, and a
// newer text of the open draft is loaded when nothing typed here is waiting to be saved.
func (s *session) fromOtherTab(m tabMessage) {
	s.events.emit(eventDraftsChanged, emptyObject{})
	if m.kind == "saved" {
		s.loadNewer(m.id, m.revision)
	}
}

// loadNewer loads the stored text of draft id into the editor when it is the open draft, the
// store holds a newer revision than this tab's, and this tab has no unsaved edits. With unsaved
// edits the next save meets ErrConflict and the user chooses.
func (s *session) loadNewer(id string, revision int) {
	s.mu.Lock()
	stale := s.draftID == id && revision > s.revision
	s.mu.Unlock()
	if !stale || s.saver.busy() || s.drafts == nil {
		return
	}
	d, err := s.drafts.Get(context.Background(), id)
	if err != nil {
		return
	}
	// Check again: the user may have typed, or switched drafts, while the draft was read.
	s.mu.Lock()
	stale = s.draftID == id && d.Revision > s.revision && s.conflict == nil
	s.mu.Unlock()
	if !stale || s.saver.busy() {
		return
	}
	s.setDraft(d)
	s.events.emit(eventReplaced, fullJSON(d))
}
