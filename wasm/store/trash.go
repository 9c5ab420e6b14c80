//go:build js && wasm

package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// Remove moves live draft id to the trash. Its text and history stay
// until PurgeTrash; Restore brings it back. If it was the last open draft,
// that mark is cleared in the same transaction.
func (s *Store) Remove(ctx context.Context, id string) error {
	return s.update(ctx, func(tx *idb.Transaction) error {
		sum, err := readSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		sum.Deleted = msOf(s.now())
		sums, err := objectStore(tx, storeSummaries)
		if err != nil {
			return err
		}
		if err := put(sums, sum.js()); err != nil {
			return err
		}
		meta, err := objectStore(tx, storeMeta)
		if err != nil {
			return err
		}
		var last metaRecord
		found, err := getRecord(ctx, meta, storeMeta, metaLastOpen, &last)
		if err != nil || !found || last.Value != id {
			return nil // a damaged mark is not worth failing the removal for
		}
		return del(meta, metaLastOpen)
	}, storeSummaries, storeMeta)
}

// Restore takes draft id out of the trash and returns its summary. A live
// draft is returned unchanged.
func (s *Store) Restore(ctx context.Context, id string) (Summary, error) {
	var out Summary
	err := s.update(ctx, func(tx *idb.Transaction) error {
		sums, err := objectStore(tx, storeSummaries)
		if err != nil {
			return err
		}
		var sum summaryRecord
		found, err := getRecord(ctx, sums, storeSummaries, id, &sum)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		out = sum.summary()
		if sum.Deleted == 0 {
			return nil
		}
		sum.Deleted = 0
		out = sum.summary()
		return put(sums, sum.js())
	}, storeSummaries)
	return out, err
}

// Trash returns the summaries of the drafts in the trash, most recently
// removed first. Damaged records are reported as List reports them.
func (s *Store) Trash(ctx context.Context) ([]Summary, error) {
	recs, err := s.summaries(ctx)
	var out []Summary
	for _, r := range recs {
		if r.Deleted != 0 {
			out = append(out, r.summary())
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Deleted.After(out[j].Deleted) }) // not slices.SortFunc: see List
	return out, err
}

// PurgeTrash deletes for good, with their texts and history, the drafts
// that have been in the trash for at least olderThan, and returns how many
// it deleted. PurgeTrash(ctx, 0) empties the trash.
func (s *Store) PurgeTrash(ctx context.Context, olderThan time.Duration) (int, error) {
	trash, err := s.Trash(ctx)
	if err != nil && len(trash) == 0 {
		return 0, err
	}
	cutoff := s.now().Add(-olderThan)
	var ids []string
	for _, t := range trash {
		if !t.Deleted.After(cutoff) {
			ids = append(ids, t.ID)
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	purged := 0
	err = s.update(ctx, func(tx *idb.Transaction) error {
		sums, err := objectStore(tx, storeSummaries)
		if err != nil {
			return err
		}
		texts, err := objectStore(tx, storeTexts)
		if err != nil {
			return err
		}
		hist, err := objectStore(tx, storeHistory)
		if err != nil {
			return err
		}
		for _, id := range ids {
			// Check again inside the transaction: another tab may have restored it.
			var sum summaryRecord
			found, err := getRecord(ctx, sums, storeSummaries, id, &sum)
			if err != nil {
				return err
			}
			if !found || sum.Deleted == 0 || timeOf(sum.Deleted).After(cutoff) {
				continue
			}
			if err := deleteHistory(ctx, hist, id); err != nil {
				return err
			}
			if err := del(texts, id); err != nil {
				return err
			}
			if err := del(sums, id); err != nil {
				return err
			}
			purged++
		}
		return nil
	}, storeSummaries, storeTexts, storeHistory)
	if err != nil {
		return 0, err
	}
	return purged, nil
}

// deleteHistory queues the deletion of every snapshot of draft id.
func deleteHistory(ctx context.Context, hist *idb.ObjectStore, id string) error {
	lower, upper := historyBounds(id)
	keyRange, err := idb.NewKeyRangeBound(lower, upper, false, false)
	if err != nil {
		return err
	}
	req, err := hist.GetAllKeysRange(keyRange, 0)
	if err != nil {
		return err
	}
	keys, err := req.Await(ctx)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := hist.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
