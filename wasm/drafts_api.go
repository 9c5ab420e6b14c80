//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"casewright/wasm/store"
)

// errNoStorage is what the drafts API answers when IndexedDB cannot be used.
var errNoStorage = errors.New("drafts cannot be kept in this browser: IndexedDB is unavailable")

// draftJSON is a draft as the page's drafts API gives it.
type draftJSON struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Created      string  `json:"created"`
	Updated      string  `json:"updated"`
	Completeness float64 `json:"completeness"`
	Revision     int     `json:"revision"`
	Text         *string `json:"text,omitempty"`
}

func summaryJSON(s store.Summary) draftJSON {
	return draftJSON{
		ID: s.ID, Title: s.Title, Completeness: s.Completeness, Revision: s.Revision,
		Created: s.Created.UTC().Format(time.RFC3339Nano), Updated: s.Updated.UTC().Format(time.RFC3339Nano),
	}
}

func fullJSON(d store.Draft) draftJSON {
	j := summaryJSON(d.Summary)
	j.Text = &d.Text
	return j
}

// storeCall wraps fn as a JavaScript function returning a promise of fn's result as JSON, or
// of errNoStorage where IndexedDB cannot be used.
func (s *session) storeCall(fn func(ctx context.Context, args []js.Value) (pageJSON, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		return promise(func() (any, error) {
			if s.drafts == nil {
				return nil, errNoStorage
			}
			v, err := fn(context.Background(), args)
			if err != nil {
				return nil, err
			}
			return jsonString(v), nil
		})
	})
}

// draftsAPI is window.casewright.drafts, each function a promise of JSON.
func (s *session) draftsAPI() js.Value {
	return js.ValueOf(map[string]any{
		"list": s.storeCall(func(ctx context.Context, _ []js.Value) (pageJSON, error) {
			list, err := s.drafts.List(ctx)
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			out := make([]draftJSON, len(list))
			for i, d := range list {
				out[i] = summaryJSON(d)
			}
			return jsonList[draftJSON](out), nil
		}),
		"get": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			d, err := s.drafts.Get(ctx, args[0].String())
			return fullJSON(d), err
		}),
		"create": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			title, text := args[0].String(), args[1].String()
			if title == "" {
				title = store.Title(text)
			}
			d, err := s.drafts.Create(ctx, title, text)
			return fullJSON(d), err
		}),
		"save": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			id, text := args[0].String(), args[1].String()
			current, err := s.drafts.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			d, err := s.drafts.Save(ctx, id, text, store.Title(text), s.completenessOf(text), current.Revision)
			if err != nil {
				return nil, err
			}
			// A script saving the open draft is one more writer: treat it as another tab.
			s.announceSave(d)
			s.loadNewer(d.ID, d.Revision)
			return fullJSON(d), nil
		}),
		"remove": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			if err := s.drafts.Remove(ctx, args[0].String()); err != nil {
				return nil, err
			}
			s.announceChange(args[0].String(), 0)
			return jsonBool(true), nil
		}),
	})
}

func (s *session) completenessOf(text string) float64 {
	return s.opts.tpl().Check([]byte(text)).Completeness.Ratio
}

// listJSON is the drafts panel's list: every draft that could be read, and what could not.
type listJSON struct {
	Drafts  []draftJSON `json:"drafts"`
	Damaged string      `json:"damaged,omitempty"`
}

// snapshotJSON is one entry of a draft's history; Text only when one snapshot is asked for.
type snapshotJSON struct {
	ID       int64   `json:"id"`
	Taken    string  `json:"taken"`
	Title    string  `json:"title"`
	Revision int     `json:"revision"`
	Size     int     `json:"size"`
	Text     *string `json:"text,omitempty"`
}

func snapshotOf(snap store.Snapshot, withText bool) snapshotJSON {
	j := snapshotJSON{ID: snap.ID, Taken: snap.Taken.UTC().Format(time.RFC3339Nano), Title: snap.Title, Revision: snap.Revision, Size: snap.Size}
	if withText {
		j.Text = &snap.Text
	}
	return j
}

// damageMessage says, for the writer, which stored records were skipped.
func damageMessage(err error) string {
	var de *store.DamagedError
	if !errors.As(err, &de) {
		return ""
	}
	noun := "record is"
	if len(de.Records) != 1 {
		noun = "records are"
	}
	return fmt.Sprintf("%d stored %s damaged and could not be read; they were skipped and every other draft is fine. (%s)",
		len(de.Records), noun, de.Error())
}

// workspaceAPI is what the page's own drafts panel, history, import and conflict dialogs call:
// promises of JSON, like the drafts API, plus listen, retitle and persistent.
func (s *session) workspaceAPI() js.Value {
	return js.ValueOf(map[string]any{
		"persistent": s.drafts != nil,
		"listen": js.FuncOf(func(_ js.Value, args []js.Value) any {
			s.events.add(args[0])
			return nil
		}),
		"retitle": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return retitle(args[0].String(), args[1].String())
		}),
		"list": s.storeCall(func(ctx context.Context, _ []js.Value) (pageJSON, error) {
			list, err := s.drafts.List(ctx)
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			out := listJSON{Drafts: make([]draftJSON, len(list)), Damaged: damageMessage(err)}
			for i, d := range list {
				out.Drafts[i] = summaryJSON(d)
			}
			return out, nil
		}),
		"openNew": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			d, err := s.openText(ctx, args[0].String())
			return fullJSON(d), err
		}),
		"rename": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			id, title := args[0].String(), args[1].String()
			d, err := s.drafts.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			text := retitle(d.Text, title)
			d, err = s.drafts.Save(ctx, id, text, store.Title(text), s.completenessOf(text), d.Revision)
			if err != nil {
				return nil, err
			}
			s.announceSave(d)
			return summaryJSON(d.Summary), nil
		}),
		"duplicate": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			d, err := s.drafts.Duplicate(ctx, args[0].String())
			if err != nil {
				return nil, err
			}
			// The title lives in the H1: name the copy there too, or its first edit would undo it.
			if text := retitle(d.Text, d.Title); text != d.Text {
				if saved, err := s.drafts.Save(ctx, d.ID, text, d.Title, d.Completeness, d.Revision); err == nil {
					d = saved
				}
			}
			s.announceChange(d.ID, d.Revision)
			return summaryJSON(d.Summary), nil
		}),
		"remove": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			if err := s.drafts.Remove(ctx, args[0].String()); err != nil {
				return nil, err
			}
			s.announceChange(args[0].String(), 0)
			return jsonBool(true), nil
		}),
		"restore": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			sum, err := s.drafts.Restore(ctx, args[0].String())
			if err != nil {
				return nil, err
			}
			s.announceChange(sum.ID, sum.Revision)
			return summaryJSON(sum), nil
		}),
		"history": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			snaps, err := s.drafts.History(ctx, args[0].String())
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			out := make([]snapshotJSON, len(snaps))
			for i, snap := range snaps {
				out[i] = snapshotOf(snap, false)
			}
			return jsonList[snapshotJSON](out), nil
		}),
		"snapshot": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			id, seq := args[0].String(), int64(args[1].Int())
			snaps, err := s.drafts.History(ctx, id)
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			for _, snap := range snaps {
				if snap.ID == seq {
					return snapshotOf(snap, true), nil
				}
			}
			return nil, fmt.Errorf("%w: snapshot %d of %s", store.ErrNotFound, seq, id)
		}),
		"takeSnapshot": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			id := args[0].String()
			if id == s.currentID() {
				if err := s.saver.flush(); err != nil {
					return nil, err
				}
			}
			snap, err := s.drafts.Snapshot(ctx, id)
			return snapshotOf(snap, false), err
		}),
		"restoreSnapshot": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			d, err := s.restoreSnapshot(ctx, args[0].String(), int64(args[1].Int()))
			return fullJSON(d), err
		}),
		"exportArchive": s.storeCall(func(ctx context.Context, _ []js.Value) (pageJSON, error) {
			if err := s.saver.flush(); err != nil && !errors.Is(err, errNotSaved) {
				return nil, err
			}
			data, err := s.drafts.ExportArchive(ctx)
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			return archiveJSON{Archive: string(data), Damaged: damageMessage(err)}, nil
		}),
		"importArchive": s.storeCall(func(ctx context.Context, args []js.Value) (pageJSON, error) {
			n, err := s.drafts.ImportArchive(ctx, []byte(args[0].String()))
			if err != nil {
				return nil, err
			}
			s.announceChange("", 0)
			return jsonInt(n), nil
		}),
		"keepMine": s.storeCall(func(context.Context, []js.Value) (pageJSON, error) {
			return jsonBool(true), s.keepMine()
		}),
		"takeTheirs": s.storeCall(func(context.Context, []js.Value) (pageJSON, error) {
			d, err := s.takeTheirs()
			return fullJSON(d), err
		}),
	})
}

// archiveJSON is an exported archive and what it had to leave out.
type archiveJSON struct {
	Archive string `json:"archive"`
	Damaged string `json:"damaged,omitempty"`
}

// openText stores text as a new draft and opens it, after saving the one being edited.
func (s *session) openText(ctx context.Context, text string) (store.Draft, error) {
	if err := s.saver.flush(); err != nil {
		return store.Draft{}, err
	}
	d, err := s.drafts.Create(ctx, store.Title(text), text)
	if err != nil {
		return store.Draft{}, err
	}
	s.announceChange(d.ID, d.Revision)
	return s.open(d.ID)
}

// restoreSnapshot makes snapshot seq the text of draft id (the store keeps the current text
// as a snapshot first) and, when id is open, the editor's baseline.
func (s *session) restoreSnapshot(ctx context.Context, id string, seq int64) (store.Draft, error) {
	if id == s.currentID() {
		if err := s.saver.flush(); err != nil {
			return store.Draft{}, err
		}
	}
	d, err := s.drafts.RestoreSnapshot(ctx, id, seq)
	if err != nil {
		return store.Draft{}, err
	}
	if id == s.currentID() {
		s.setDraft(d)
	}
	s.announceSave(d)
	return d, nil
}
