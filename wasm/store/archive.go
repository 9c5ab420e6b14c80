//go:build js && wasm

package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"syscall/js"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// The archive format: one JSON document holding every draft, trashed ones
// included, with its full text and history.
const (
	ArchiveFormat  = "casewright-drafts"
	ArchiveVersion = 1
)

// The tags are the archive's JSON, which archive_json.go writes and reads field by field
// (tests hold the two to the same bytes).
type archive struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	Exported time.Time      `json:"exported"`
	Drafts   []archiveDraft `json:"drafts"`
}

type archiveDraft struct {
	ID           string            `json:"id"`
	Title        string            `json:"title"`
	Created      time.Time         `json:"created"`
	Updated      time.Time         `json:"updated"`
	Completeness float64           `json:"completeness"`
	Revision     int               `json:"revision"`
	Deleted      *time.Time        `json:"deleted,omitempty"`
	Text         *string           `json:"text"`
	History      []archiveSnapshot `json:"history"`
}

type archiveSnapshot struct {
	ID       int64     `json:"id"`
	Taken    time.Time `json:"taken"`
	Title    string    `json:"title"`
	Revision int       `json:"revision"`
	Text     string    `json:"text"`
}

// ExportArchive returns every draft (trashed ones included) with its text
// and history as one JSON document:
//
//	{"format":"casewright-drafts","version":1,"exported":"…","drafts":[{"id":…,"title":…,
//	 "created":…,"updated":…,"completeness":…,"revision":…,"deleted":…,"text":…,
//	 "history":[{"id":…,"taken":…,"title":…,"revision":…,"text":…}]}]}
//
// Damaged records are left out and reported as a *DamagedError next to the
// archive of everything else, as List does.
func (s *Store) ExportArchive(ctx context.Context) ([]byte, error) {
	var damaged []DamagedRecord
	sums, err := s.summaries(ctx)
	if err != nil {
		if !collectDamage(err, &damaged) {
			return nil, err
		}
	}
	texts, err := readAllOf[textRecord](ctx, s, storeTexts, &damaged)
	if err != nil {
		return nil, err
	}
	snaps, err := readAllOf[snapshotRecord](ctx, s, storeHistory, &damaged)
	if err != nil {
		return nil, err
	}
	textOf := make(map[string]string, len(texts))
	for _, t := range texts {
		textOf[t.ID] = t.Text
	}
	historyOf := make(map[string][]archiveSnapshot)
	for _, h := range snaps { // getAll returns them in key order: oldest first per draft
		historyOf[h.Draft] = append(historyOf[h.Draft], archiveSnapshot{
			ID: h.Seq, Taken: timeOf(h.Taken).UTC(), Title: h.Title, Revision: h.Revision, Text: h.Text,
		})
	}
	a := archive{Format: ArchiveFormat, Version: ArchiveVersion, Exported: s.now().UTC(), Drafts: []archiveDraft{}}
	sort.Slice(sums, func(i, j int) bool { return sums[i].Created < sums[j].Created }) // not slices.SortFunc: see List
	for _, r := range sums {
		text, ok := textOf[r.ID]
		if !ok {
			damaged = append(damaged, DamagedRecord{Store: storeTexts, Key: r.ID, Reason: "summary without text"})
			continue
		}
		d := archiveDraft{
			ID: r.ID, Title: r.Title, Created: timeOf(r.Created).UTC(), Updated: timeOf(r.Updated).UTC(),
			Completeness: r.Completeness, Revision: r.Revision, Text: &text,
			History: historyOf[r.ID],
		}
		if d.History == nil {
			d.History = []archiveSnapshot{}
		}
		if r.Deleted != 0 {
			t := timeOf(r.Deleted).UTC()
			d.Deleted = &t
		}
		a.Drafts = append(a.Drafts, d)
	}
	data, err := a.encode()
	if err != nil {
		return nil, fmt.Errorf("store: encoding archive: %w", err)
	}
	return data, damage(damaged)
}

// readAllOf reads and decodes every record of one store, adding damaged
// ones to *damaged.
func readAllOf[T checker](ctx context.Context, s *Store, storeName string, damaged *[]DamagedRecord) ([]T, error) {
	recs, bad, err := readRecords[T](ctx, s, storeName, js.Undefined())
	*damaged = append(*damaged, bad...)
	return recs, err
}

// collectDamage moves the records of a *DamagedError into *damaged and
// reports whether err was one.
func collectDamage(err error, damaged *[]DamagedRecord) bool {
	de, ok := err.(*DamagedError)
	if ok {
		*damaged = append(*damaged, de.Records...)
	}
	return ok
}

// ImportArchive adds the drafts of an archive made by ExportArchive and
// returns how many it added. It never overwrites: a draft whose id is
// already taken gets a new id. Everything is added in one transaction, so
// a failed import adds nothing. History beyond the bounds is trimmed,
// oldest first.
func (s *Store) ImportArchive(ctx context.Context, data []byte) (imported int, err error) {
	a, err := decodeArchive(data)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrBadArchive, err)
	}
	if a.Format != ArchiveFormat {
		return 0, fmt.Errorf("%w: format %q", ErrBadArchive, a.Format)
	}
	if a.Version < 1 || a.Version > ArchiveVersion {
		return 0, fmt.Errorf("%w: version %d (this app reads %d)", ErrBadArchive, a.Version, ArchiveVersion)
	}
	for i, d := range a.Drafts {
		if d.Text == nil {
			return 0, fmt.Errorf("%w: draft %d (%q) has no text", ErrBadArchive, i, d.ID)
		}
	}
	now := s.now()
	err = s.update(ctx, func(tx *idb.Transaction) error {
		sums, err := objectStore(tx, storeSummaries)
		if err != nil {
			return err
		}
		hist, err := objectStore(tx, storeHistory)
		if err != nil {
			return err
		}
		taken := make(map[string]bool, len(a.Drafts))
		for _, d := range a.Drafts {
			id, err := freeID(ctx, sums, d.ID, taken)
			if err != nil {
				return err
			}
			taken[id] = true
			rec := summaryRecord{
				ID: id, Title: titleFor(d.Title, *d.Text), Created: msOf(d.Created), Updated: msOf(d.Updated),
				Completeness: finite(d.Completeness), Revision: max(d.Revision, 1),
			}
			if rec.Created == 0 {
				rec.Created = msOf(now)
			}
			if rec.Updated == 0 {
				rec.Updated = rec.Created
			}
			if d.Deleted != nil {
				rec.Deleted = msOf(*d.Deleted)
			}
			history := s.boundHistory(d.History)
			if len(history) > 0 {
				rec.SnapAt = msOf(history[len(history)-1].Taken)
			}
			if err := writeDraft(tx, rec, *d.Text, true); err != nil {
				return err
			}
			for i, h := range history {
				snap := snapshotRecord{
					Draft: id, Seq: int64(i + 1), Taken: msOf(h.Taken), Title: h.Title,
					Text: h.Text, Revision: max(h.Revision, 1), Size: len(h.Text),
				}
				if err := add(hist, snap.js()); err != nil {
					return err
				}
			}
			imported++
		}
		return nil
	}, storeSummaries, storeTexts, storeHistory)
	if err != nil {
		return 0, err
	}
	return imported, nil
}

// freeID returns want when no stored draft nor earlier draft of this
// import uses it, else a fresh random id.
func freeID(ctx context.Context, sums *idb.ObjectStore, want string, taken map[string]bool) (string, error) {
	if want != "" && !taken[want] {
		req, err := sums.CountKey(js.ValueOf(want))
		if err != nil {
			return "", err
		}
		n, err := req.Await(ctx)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		if err != nil {
			return "", err
		}
		if n == 0 {
			return want, nil
		}
	}
	return newID(), nil
}

// boundHistory orders snapshots oldest first and keeps the newest that fit
// the bounds.
func (s *Store) boundHistory(h []archiveSnapshot) []archiveSnapshot {
	h = slices.Clone(h)
	slices.SortStableFunc(h, func(x, y archiveSnapshot) int { return cmp.Compare(x.ID, y.ID) })
	total := 0
	first := len(h)
	for i := len(h) - 1; i >= 0; i-- {
		size := len(h[i].Text)
		if len(h)-i > s.limits.maxSnapshots || total+size > s.limits.maxBytes {
			break
		}
		total += size
		first = i
	}
	return h[first:]
}
