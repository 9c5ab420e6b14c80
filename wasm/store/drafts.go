//go:build js && wasm

package store

import (
	"context"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"
	"syscall/js"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// Summary is what the drafts list shows of a draft, without its text.
type Summary struct {
	ID           string
	Title        string
	Created      time.Time
	Updated      time.Time
	Completeness float64
	Revision     int       // 1 on creation, one more on every change
	Deleted      time.Time // zero unless the draft is in the trash
}

// Draft is a draft with its full text.
//
// Text is stored byte for byte, provided it is valid UTF-8: it crosses to
// JavaScript as a string, and invalid UTF-8 would come back with U+FFFD in
// place of the bad bytes. Callers pass text that came from JavaScript (so
// is valid) or check it with utf8.ValidString.
type Draft struct {
	Summary
	Text string
}

func (r summaryRecord) summary() Summary {
	return Summary{
		ID: r.ID, Title: r.Title, Created: timeOf(r.Created), Updated: timeOf(r.Updated),
		Completeness: r.Completeness, Revision: r.Revision, Deleted: timeOf(r.Deleted),
	}
}

// newID returns 16 random bytes in hex, from the browser's generator: Go's crypto/rand
// would add its own cryptography to the core, about 40 KB of the compressed download.
func newID() string {
	random := js.Global().Get("Uint8Array").New(16)
	js.Global().Get("crypto").Call("getRandomValues", random)
	var b [16]byte
	js.CopyBytesToGo(b[:], random)
	return hex.EncodeToString(b[:])
}

// Title returns a draft's title: the text of its first level-one ATX
// heading ("# Title") outside fenced code, or "Untitled".
func Title(text string) string {
	if _, _, title := TitleHeading(text); title != "" {
		return title
	}
	return "Untitled"
}

// TitleHeading finds the heading Title reads: the byte range of its line
// (without the line ending) and its text; start is -1 and title empty when
// text has none.
func TitleHeading(text string) (start, end int, title string) {
	fence := ""
	offset := 0
	for line := range strings.Lines(text) {
		start, offset = offset, offset+len(line)
		body := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(body, " ")
		if len(body)-len(trimmed) > 3 {
			continue // indented code
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if h, ok := strings.CutPrefix(trimmed, "# "); ok {
			if h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), "#")); h != "" {
				return start, start + len(body), h
			}
		}
	}
	return -1, -1, ""
}

// titleFor returns title, or the title derived from text when it is blank.
func titleFor(title, text string) string {
	if t := strings.TrimSpace(title); t != "" {
		return t
	}
	return Title(text)
}

// finite keeps NaN and infinities, which JSON cannot hold, out of records.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// List returns the live drafts' summaries, most recently updated first,
// without reading any text.
//
// A record that does not decode is skipped, never failing the list: List
// then returns every good summary together with a *DamagedError (matching
// ErrDamaged) naming the skipped records. Callers show the list and report
// the damage.
func (s *Store) List(ctx context.Context) ([]Summary, error) {
	recs, err := s.summaries(ctx)
	out := make([]Summary, 0, len(recs))
	for _, r := range recs {
		if r.Deleted == 0 {
			out = append(out, r.summary())
		}
	}
	// sort.Slice, not slices.SortFunc: each slices.SortFunc over another element type adds
	// its own copy of the sort, 20 KB of WebAssembly; sort.Slice's code is shared.
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
	return out, err
}

// summaries reads every summary record, live and trashed. The error, if
// any, is a *DamagedError when the records returned are still good.
func (s *Store) summaries(ctx context.Context) ([]summaryRecord, error) {
	recs, damaged, err := readRecords[summaryRecord](ctx, s, storeSummaries, js.Undefined())
	if err != nil {
		return nil, err
	}
	return recs, damage(damaged)
}

// Get returns the live draft id with its text.
func (s *Store) Get(ctx context.Context, id string) (Draft, error) {
	var d Draft
	err := s.view(ctx, func(tx *idb.Transaction) error {
		var err error
		d, err = readDraft(ctx, tx, id)
		return err
	}, storeSummaries, storeTexts)
	return d, err
}

// readDraft reads a live draft's summary and text within tx.
func readDraft(ctx context.Context, tx *idb.Transaction, id string) (Draft, error) {
	sum, err := readSummary(ctx, tx, id)
	if err != nil {
		return Draft{}, err
	}
	text, err := readText(ctx, tx, id)
	if err != nil {
		return Draft{}, err
	}
	return Draft{Summary: sum.summary(), Text: text.Text}, nil
}

// readSummary reads the summary record of a live draft within tx.
func readSummary(ctx context.Context, tx *idb.Transaction, id string) (summaryRecord, error) {
	var rec summaryRecord
	st, err := objectStore(tx, storeSummaries)
	if err != nil {
		return rec, err
	}
	found, err := getRecord(ctx, st, storeSummaries, id, &rec)
	if err != nil {
		return rec, err
	}
	if !found || rec.Deleted != 0 {
		return rec, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return rec, nil
}

// readText reads the text record of draft id within tx.
func readText(ctx context.Context, tx *idb.Transaction, id string) (textRecord, error) {
	var rec textRecord
	st, err := objectStore(tx, storeTexts)
	if err != nil {
		return rec, err
	}
	found, err := getRecord(ctx, st, storeTexts, id, &rec)
	if err != nil {
		return rec, err
	}
	if !found {
		return rec, errNoText(id)
	}
	return rec, nil
}

// writeDraft queues the summary and text of a draft in tx; insert picks
// add (fail on an existing id) over put (replace).
func writeDraft(tx *idb.Transaction, sum summaryRecord, text string, insert bool) error {
	sums, err := objectStore(tx, storeSummaries)
	if err != nil {
		return err
	}
	texts, err := objectStore(tx, storeTexts)
	if err != nil {
		return err
	}
	write := put
	if insert {
		write = add
	}
	if err := write(sums, sum.js()); err != nil {
		return err
	}
	return write(texts, textRecord{ID: sum.ID, Text: text, Revision: sum.Revision}.js())
}

// Create stores a new draft at revision 1 with a fresh random id. A blank
// title is derived from the text (see Title).
func (s *Store) Create(ctx context.Context, title, text string) (Draft, error) {
	now := msOf(s.now())
	rec := summaryRecord{ID: newID(), Title: titleFor(title, text), Created: now, Updated: now, Revision: 1}
	err := s.update(ctx, func(tx *idb.Transaction) error {
		return writeDraft(tx, rec, text, true)
	}, storeSummaries, storeTexts)
	if err != nil {
		return Draft{}, err
	}
	return Draft{Summary: rec.summary(), Text: text}, nil
}

// Save replaces the text of draft id, which the caller read at
// baseRevision, and returns the draft at its new revision. A blank title
// is derived from the text. If the stored revision is not baseRevision
// (another tab saved in between) nothing is written and the error is a
// *ConflictError (matching ErrConflict) holding the stored draft.
//
// When the last snapshot is older than the snapshot interval, the text
// being replaced becomes a snapshot in the same transaction.
func (s *Store) Save(ctx context.Context, id, text, title string, completeness float64, baseRevision int) (Draft, error) {
	now := s.now()
	var out Draft
	err := s.update(ctx, func(tx *idb.Transaction) error {
		sum, err := readSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		if sum.Revision != baseRevision {
			current, err := readDraft(ctx, tx, id)
			if err != nil {
				return err
			}
			return &ConflictError{Current: current, BaseRevision: baseRevision}
		}
		if now.Sub(timeOf(sum.SnapAt)) >= s.limits.every {
			old, err := readText(ctx, tx, id)
			if err != nil {
				return err
			}
			if old.Text != text {
				if _, _, err := s.addSnapshot(ctx, tx, sum, old.Text, now); err != nil {
					return err
				}
				sum.SnapAt = msOf(now)
			}
		}
		sum.Title = titleFor(title, text)
		sum.Completeness = finite(completeness)
		sum.Revision++
		sum.Updated = msOf(now)
		out = Draft{Summary: sum.summary(), Text: text}
		return writeDraft(tx, sum, text, false)
	}, storeSummaries, storeTexts, storeHistory)
	if err != nil {
		return Draft{}, err
	}
	return out, nil
}

// Rename sets the title of draft id, without touching its text. Like any
// change it moves the revision on, so a tab holding the old revision gets
// ErrConflict on its next save instead of overwriting.
func (s *Store) Rename(ctx context.Context, id, title string) (Summary, error) {
	var out Summary
	err := s.update(ctx, func(tx *idb.Transaction) error {
		sum, err := readSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		sum.Title = strings.TrimSpace(title)
		if sum.Title == "" {
			sum.Title = "Untitled"
		}
		sum.Revision++
		sum.Updated = msOf(s.now())
		out = sum.summary()
		st, err := objectStore(tx, storeSummaries)
		if err != nil {
			return err
		}
		return put(st, sum.js())
	}, storeSummaries)
	return out, err
}

// Duplicate copies draft id (text, title with " (copy)", completeness) to
// a new draft at revision 1. History is not copied.
func (s *Store) Duplicate(ctx context.Context, id string) (Draft, error) {
	var out Draft
	err := s.update(ctx, func(tx *idb.Transaction) error {
		src, err := readDraft(ctx, tx, id)
		if err != nil {
			return err
		}
		now := msOf(s.now())
		rec := summaryRecord{
			ID: newID(), Title: src.Title + " (copy)", Created: now, Updated: now,
			Completeness: src.Completeness, Revision: 1,
		}
		out = Draft{Summary: rec.summary(), Text: src.Text}
		return writeDraft(tx, rec, src.Text, true)
	}, storeSummaries, storeTexts)
	return out, err
}
