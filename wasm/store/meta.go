//go:build js && wasm

package store

import (
	"context"

	"github.com/hack-pad/go-indexeddb/idb"
)

// Keys of the meta store.
const (
	metaSchema   = "schema"
	metaLastOpen = "lastOpen"
)

// SetLastOpen records id as the draft to reopen on the next start.
func (s *Store) SetLastOpen(ctx context.Context, id string) error {
	return s.update(ctx, func(tx *idb.Transaction) error {
		meta, err := objectStore(tx, storeMeta)
		if err != nil {
			return err
		}
		return put(meta, metaRecordJS(metaLastOpen, id))
	}, storeMeta)
}

// LastOpen returns the id recorded by SetLastOpen, or "" when there is
// none. The draft may since have been removed; Get then says ErrNotFound.
func (s *Store) LastOpen(ctx context.Context) (string, error) {
	var id string
	err := s.view(ctx, func(tx *idb.Transaction) error {
		meta, err := objectStore(tx, storeMeta)
		if err != nil {
			return err
		}
		var rec metaRecord
		found, err := getRecord(ctx, meta, storeMeta, metaLastOpen, &rec)
		if err != nil || !found {
			return err
		}
		id, _ = rec.Value.(string)
		return nil
	}, storeMeta)
	return id, err
}
