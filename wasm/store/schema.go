//go:build js && wasm

package store

import (
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"casewright/wasm/internal/jsobj"
)

// SchemaVersion is the IndexedDB version of the current schema.
//
// Version 2 (current) has these object stores:
//
//	summaries  keyPath "id"             what List shows: id, title, times, completeness, revision, deleted
//	texts      keyPath "id"             the full text of each draft
//	history    keyPath ["draft","seq"]  snapshots, bounded per draft
//	meta       keyPath "key"            app metadata: "schema", "lastOpen"
//	salvage    auto-increment           records an upgrade could not convert, kept verbatim
//
// Version 1 (the previous schema) had a single store, "drafts" (keyPath
// "id"), of full records {id, title, text, updated}. Opening a version 1
// database converts every record inside the upgrade transaction, so the
// upgrade either happens whole or not at all.
const SchemaVersion = 2

// Object store names.
const (
	storeSummaries = "summaries"
	storeTexts     = "texts"
	storeHistory   = "history"
	storeMeta      = "meta"
	storeSalvage   = "salvage"
	storeDraftsV1  = "drafts"
)

// upgrade carries one run of the "upgradeneeded" handler. The handler is a
// JavaScript event callback: it cannot wait, so the v1 conversion is
// chained through request callbacks, and a failure aborts the versionchange
// transaction (which fails the open) instead of returning an error, which
// go-indexeddb would turn into a panic.
type upgrade struct {
	now   time.Time
	err   error
	funcs []js.Func
}

// run brings the raw database db from oldVersion to SchemaVersion.
func (u *upgrade) run(db js.Value, oldVersion uint) {
	var tx js.Value
	err := jsTry(func() {
		create := func(name string, opts map[string]any) js.Value {
			return db.Call("createObjectStore", name, opts)
		}
		if oldVersion < 2 {
			summaries := create(storeSummaries, map[string]any{"keyPath": "id"})
			tx = summaries.Get("transaction")
			texts := create(storeTexts, map[string]any{"keyPath": "id"})
			create(storeHistory, map[string]any{"keyPath": []any{"draft", "seq"}})
			meta := create(storeMeta, map[string]any{"keyPath": "key"})
			salvage := create(storeSalvage, map[string]any{"autoIncrement": true})
			meta.Call("put", metaRecordJS(metaSchema, SchemaVersion))
			if oldVersion == 1 && db.Get("objectStoreNames").Call("contains", storeDraftsV1).Bool() {
				u.fromV1(db, tx, summaries, texts, salvage)
			}
		}
	})
	if err != nil {
		u.fail(tx, err)
	}
}

// fail records why the upgrade failed and aborts it, leaving the old
// database as it was.
func (u *upgrade) fail(tx js.Value, err error) {
	if u.err == nil {
		u.err = err
	}
	if tx.Truthy() {
		_ = jsTry(func() { tx.Call("abort") })
	}
}

// release frees the callbacks once the open request has settled.
func (u *upgrade) release() {
	for _, f := range u.funcs {
		f.Release()
	}
	u.funcs = nil
}

// v1Record is a record of the version 1 "drafts" store.
type v1Record struct {
	ID      string
	Title   string
	Text    *string
	Updated float64
}

func (r *v1Record) read(f *jsobj.Fields) {
	r.ID, r.Title, r.Text, r.Updated = f.String("id"), f.String("title"), f.OptString("text"), f.Float("updated")
}

func (r *v1Record) check() error {
	if r.ID == "" {
		return errors.New("no string id")
	}
	if r.Text == nil {
		return errors.New("no text")
	}
	return nil
}

// fromV1 walks the v1 store with a cursor (one record in memory at a time)
// and writes each record as a summary and a text; records that do not
// decode go to salvage untouched. The v1 store is dropped at the end.
func (u *upgrade) fromV1(db, tx, summaries, texts, salvage js.Value) {
	req := tx.Call("objectStore", storeDraftsV1).Call("openCursor")
	step := js.FuncOf(func(js.Value, []js.Value) any {
		err := jsTry(func() {
			cursor := req.Get("result")
			if cursor.IsNull() {
				db.Call("deleteObjectStore", storeDraftsV1)
				return
			}
			value := cursor.Get("value")
			var rec v1Record
			if err := decodeValue(value, &rec); err != nil {
				salvage.Call("add", map[string]any{"from": "drafts (schema 1)", "reason": err.Error(), "record": value})
			} else {
				updated := rec.Updated
				if updated <= 0 {
					updated = msOf(u.now)
				}
				title := rec.Title
				if title == "" {
					title = Title(*rec.Text)
				}
				summaries.Call("put", summaryRecord{
					ID: rec.ID, Title: title, Created: updated, Updated: updated, Revision: 1,
				}.js())
				texts.Call("put", textRecord{ID: rec.ID, Text: *rec.Text, Revision: 1}.js())
			}
			cursor.Call("continue")
		})
		if err != nil {
			u.fail(tx, fmt.Errorf("converting schema 1 drafts: %w", err))
		}
		return nil
	})
	u.funcs = append(u.funcs, step)
	req.Call("addEventListener", "success", step)
}
