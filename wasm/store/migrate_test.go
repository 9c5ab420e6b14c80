//go:build js && wasm

package store

import (
	"fmt"
	"slices"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// createV1 makes a schema 1 database the way the previous app did: one
// "drafts" store of full records.
func createV1(t *testing.T, name string, records []js.Value) {
	t.Helper()
	ctx := testContext(t)
	req, err := idb.Global().Open(ctx, name, 1, func(db *idb.Database, _, _ uint) error {
		_, err := db.CreateObjectStore(storeDraftsV1, idb.ObjectStoreOptions{KeyPath: js.ValueOf("id")})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db, err := req.Await(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Transaction(idb.TransactionReadWrite, storeDraftsV1)
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx.ObjectStore(storeDraftsV1)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		if _, err := st.Put(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Await(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromV1(t *testing.T) {
	ctx := testContext(t)
	name := dbName(t)
	deleteOnCleanup(t, name)
	updated := time.Date(2024, 11, 5, 14, 30, 0, 0, time.UTC)

	type v1 struct {
		id, title, text string
		updated         time.Time
	}
	var good []v1
	var records []js.Value
	for i, tt := range tricky {
		title := fmt.Sprintf("Title %d", i)
		if i%2 == 1 {
			title = "" // the previous app left some titles blank
		}
		d := v1{id: fmt.Sprintf("v1-%02d", i), title: title, text: tt.text, updated: updated.Add(time.Duration(i) * time.Hour)}
		good = append(good, d)
		r := map[string]any{"id": d.id, "text": d.text, "updated": msOf(d.updated)}
		if title != "" {
			r["title"] = title
		}
		records = append(records, js.ValueOf(r))
	}
	broken := []js.Value{
		js.ValueOf(map[string]any{"id": "no-text", "title": "lost?"}),
		js.ValueOf(map[string]any{"id": "text-is-number", "text": 42}),
		js.ValueOf(map[string]any{"id": 7, "text": "numeric id"}),
	}
	createV1(t, name, append(records, broken...))

	s, err := Open(ctx, name)
	if err != nil {
		t.Fatalf("Open of a schema 1 database: %v", err)
	}
	defer s.Close()

	if v, err := s.db.Version(); err != nil || v != SchemaVersion {
		t.Errorf("version after upgrade = %d, %v; want %d", v, err, SchemaVersion)
	}
	names, err := s.db.ObjectStoreNames()
	if err != nil || slices.Contains(names, storeDraftsV1) {
		t.Errorf("object stores after upgrade = %v, %v; want the schema 1 store gone", names, err)
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != len(good) {
		t.Fatalf("List after upgrade = %d summaries, %v; want %d", len(list), err, len(good))
	}
	for _, want := range good {
		d, err := s.Get(ctx, want.id)
		if err != nil {
			t.Errorf("Get(%s): %v", want.id, err)
			continue
		}
		wantTitle := want.title
		if wantTitle == "" {
			wantTitle = Title(want.text)
		}
		if d.Text != want.text || d.Title != wantTitle || !d.Updated.Equal(want.updated) ||
			!d.Created.Equal(want.updated) || d.Revision != 1 {
			t.Errorf("migrated %s = %+v (%d bytes), want title %q, updated %v, revision 1, %d bytes",
				want.id, d.Summary, len(d.Text), wantTitle, want.updated, len(want.text))
		}
	}
	if n := count(t, s, storeSalvage); n != len(broken) {
		t.Errorf("salvage holds %d records, want the %d that did not convert", n, len(broken))
	}
	// The migrated drafts are ordinary drafts now.
	if _, err := s.Save(ctx, good[0].id, "after upgrade", "", 0, 1); err != nil {
		t.Errorf("Save on a migrated draft: %v", err)
	}
}

func TestMigrateEmptyV1(t *testing.T) {
	ctx := testContext(t)
	name := dbName(t)
	deleteOnCleanup(t, name)
	createV1(t, name, nil)
	s, err := Open(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if list, err := s.List(ctx); err != nil || len(list) != 0 {
		t.Errorf("List = %+v, %v; want empty", list, err)
	}
}
