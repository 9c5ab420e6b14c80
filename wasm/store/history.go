//go:build js && wasm

package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"syscall/js"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// Snapshot is a past version of a draft's text.
type Snapshot struct {
	ID       int64 // increasing per draft
	Taken    time.Time
	Title    string
	Text     string
	Revision int // the draft revision the text belonged to
	Size     int // len(Text)
}

func (r snapshotRecord) snapshot() Snapshot {
	return Snapshot{ID: r.Seq, Taken: timeOf(r.Taken), Title: r.Title, Text: r.Text, Revision: r.Revision, Size: r.Size}
}

// historyBounds returns the key range of draft id's snapshots, as raw
// bounds for IDBKeyRange.bound.
func historyBounds(id string) (lower, upper js.Value) {
	return js.ValueOf([]any{id, 0}), js.ValueOf([]any{id, math.Inf(1)})
}

// History returns the snapshots of live draft id, newest first.
func (s *Store) History(ctx context.Context, id string) ([]Snapshot, error) {
	if err := s.view(ctx, func(tx *idb.Transaction) error {
		_, err := readSummary(ctx, tx, id)
		return err
	}, storeSummaries); err != nil {
		return nil, err
	}
	recs, err := s.historyRecords(ctx, id)
	out := make([]Snapshot, 0, len(recs))
	for _, r := range slices.Backward(recs) {
		out = append(out, r.snapshot())
	}
	return out, err
}

// historyRecords reads draft id's snapshot records, oldest first.
func (s *Store) historyRecords(ctx context.Context, id string) ([]snapshotRecord, error) {
	lower, upper := historyBounds(id)
	var keyRange js.Value
	if err := jsTry(func() { keyRange = js.Global().Get("IDBKeyRange").Call("bound", lower, upper) }); err != nil {
		return nil, classify(err)
	}
	recs, damaged, err := readRecords[snapshotRecord](ctx, s, storeHistory, keyRange)
	if err != nil {
		return nil, err
	}
	return recs, damage(damaged)
}

// Snapshot saves the current text of live draft id as a snapshot now and
// returns it. When the newest snapshot already holds that text, it is
// returned instead of a copy.
func (s *Store) Snapshot(ctx context.Context, id string) (Snapshot, error) {
	now := s.now()
	var out Snapshot
	err := s.update(ctx, func(tx *idb.Transaction) error {
		sum, err := readSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		text, err := readText(ctx, tx, id)
		if err != nil {
			return err
		}
		rec, _, err := s.addSnapshot(ctx, tx, sum, text.Text, now)
		if err != nil {
			return err
		}
		out = rec.snapshot()
		sum.SnapAt = msOf(now)
		st, err := objectStore(tx, storeSummaries)
		if err != nil {
			return err
		}
		return put(st, sum.js())
	}, storeSummaries, storeTexts, storeHistory)
	return out, err
}

// RestoreSnapshot makes snapshot snapshotID the current text of live
// draft id, after saving the current text as a snapshot, and returns the
// draft at its new revision.
func (s *Store) RestoreSnapshot(ctx context.Context, id string, snapshotID int64) (Draft, error) {
	now := s.now()
	var out Draft
	err := s.update(ctx, func(tx *idb.Transaction) error {
		sum, err := readSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		hist, err := objectStore(tx, storeHistory)
		if err != nil {
			return err
		}
		var snap snapshotRecord
		found, err := getRecord(ctx, hist, storeHistory, []any{id, snapshotID}, &snap)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%w: snapshot %d of %s", ErrNotFound, snapshotID, id)
		}
		current, err := readText(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, _, err := s.addSnapshot(ctx, tx, sum, current.Text, now); err != nil {
			return err
		}
		sum.Title = titleFor(snap.Title, snap.Text)
		sum.Revision++
		sum.Updated = msOf(now)
		sum.SnapAt = msOf(now)
		out = Draft{Summary: sum.summary(), Text: snap.Text}
		return writeDraft(tx, sum, snap.Text, false)
	}, storeSummaries, storeTexts, storeHistory)
	return out, err
}

// historyEntry is what the bounds need to know of a stored snapshot.
type historyEntry struct {
	seq  int64
	size int
}

// addSnapshot stores text (the draft's text at sum's revision) as a new
// snapshot within tx, then drops the oldest snapshots beyond the bounds.
// It adds nothing, reporting added=false, when the newest snapshot holds
// the same text or the text alone exceeds the byte bound.
func (s *Store) addSnapshot(ctx context.Context, tx *idb.Transaction, sum summaryRecord, text string, now time.Time) (rec snapshotRecord, added bool, err error) {
	hist, err := objectStore(tx, storeHistory)
	if err != nil {
		return rec, false, err
	}
	lower, upper := historyBounds(sum.ID)
	keyRange, err := idb.NewKeyRangeBound(lower, upper, false, false)
	if err != nil {
		return rec, false, err
	}
	cursor, err := hist.OpenCursorRange(keyRange, idb.CursorNext)
	if err != nil {
		return rec, false, err
	}
	// Read sizes, not texts: the bounds need no text, and texts may be MBs.
	var entries []historyEntry
	var newest js.Value
	err = cursor.Iter(ctx, func(c *idb.CursorWithValue) error {
		v, err := c.Value()
		if err != nil {
			return err
		}
		key, err := c.PrimaryKey()
		if err != nil {
			return err
		}
		return jsTry(func() {
			// The key, unlike the value, is always well formed: [draft, seq].
			e := historyEntry{seq: int64(key.Index(1).Float())}
			if size := v.Get("size"); size.Type() == js.TypeNumber {
				e.size = size.Int()
			}
			entries = append(entries, e)
			newest = v
		})
	})
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return rec, false, err
	}
	if len(entries) > 0 {
		var last snapshotRecord
		if decodeValue(newest, &last) == nil && last.Text == text {
			return last, false, nil
		}
	}
	if len(text) > s.limits.maxBytes {
		return rec, false, nil
	}
	seq := int64(1)
	if len(entries) > 0 {
		seq = entries[len(entries)-1].seq + 1
	}
	rec = snapshotRecord{
		Draft: sum.ID, Seq: seq, Taken: msOf(now), Title: sum.Title,
		Text: text, Revision: sum.Revision, Size: len(text),
	}
	if err := add(hist, rec.js()); err != nil {
		return rec, false, err
	}
	entries = append(entries, historyEntry{seq: seq, size: len(text)})
	total := 0
	for _, e := range entries {
		total += e.size
	}
	for len(entries) > s.limits.maxSnapshots || total > s.limits.maxBytes {
		if err := del(hist, []any{sum.ID, entries[0].seq}); err != nil {
			return rec, false, err
		}
		total -= entries[0].size
		entries = entries[1:]
	}
	return rec, true, nil
}
