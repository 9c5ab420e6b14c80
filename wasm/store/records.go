//go:build js && wasm

package store

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"casewright/wasm/internal/jsobj"
)

// The records as stored. Times are milliseconds since the Unix epoch, held
// as JavaScript numbers so that IndexedDB can compare and index them.

// summaryRecord is one row of the summaries store: everything List shows.
type summaryRecord struct {
	ID           string
	Title        string
	Created      float64
	Updated      float64
	Completeness float64
	Revision     int
	Deleted      float64 // 0 while the draft is live
	SnapAt       float64 // when the last snapshot was taken
}

// textRecord is one row of the texts store: a draft's full text.
type textRecord struct {
	ID       string
	Text     string
	Revision int
}

// snapshotRecord is one row of the history store, keyed [draft, seq].
type snapshotRecord struct {
	Draft    string
	Seq      int64
	Taken    float64
	Title    string
	Text     string
	Revision int
	Size     int // len(Text) in UTF-8 bytes, so bounds need no text
}

// metaRecord is one row of the meta store.
type metaRecord struct {
	Key   string
	Value any
}

func msOf(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.UnixMilli())
}

func timeOf(ms float64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(int64(ms)).UTC()
}

func (r summaryRecord) js() js.Value {
	return js.ValueOf(map[string]any{
		"id": r.ID, "title": r.Title, "created": r.Created, "updated": r.Updated,
		"completeness": r.Completeness, "revision": r.Revision, "deleted": r.Deleted,
		"snapAt": r.SnapAt,
	})
}

func (r textRecord) js() js.Value {
	return js.ValueOf(map[string]any{"id": r.ID, "text": r.Text, "revision": r.Revision})
}

func (r snapshotRecord) js() js.Value {
	return js.ValueOf(map[string]any{
		"draft": r.Draft, "seq": r.Seq, "taken": r.Taken, "title": r.Title,
		"text": r.Text, "revision": r.Revision, "size": r.Size,
	})
}

func (r summaryRecord) check() error {
	switch {
	case r.ID == "":
		return errors.New("no id")
	case r.Revision < 1:
		return fmt.Errorf("revision %d", r.Revision)
	}
	return nil
}

func (r textRecord) check() error {
	if r.ID == "" {
		return errors.New("no id")
	}
	return nil
}

func (r snapshotRecord) check() error {
	if r.Draft == "" || r.Seq < 1 {
		return errors.New("no key")
	}
	return nil
}

// checker is a record that can say whether it decoded into something usable.
type checker interface{ check() error }

// record is a pointer to a stored record: it reads itself from a stored value.
type record interface {
	checker
	read(f *jsobj.Fields)
}

func (r *summaryRecord) read(f *jsobj.Fields) {
	r.ID, r.Title = f.String("id"), f.String("title")
	r.Created, r.Updated = f.Float("created"), f.Float("updated")
	r.Completeness, r.Revision = f.Float("completeness"), int(f.Int("revision"))
	r.Deleted, r.SnapAt = f.Float("deleted"), f.Float("snapAt")
}

func (r *textRecord) read(f *jsobj.Fields) {
	r.ID, r.Text, r.Revision = f.String("id"), f.String("text"), int(f.Int("revision"))
}

func (r *snapshotRecord) read(f *jsobj.Fields) {
	r.Draft, r.Seq, r.Taken = f.String("draft"), f.Int("seq"), f.Float("taken")
	r.Title, r.Text = f.String("title"), f.String("text")
	r.Revision, r.Size = int(f.Int("revision")), int(f.Int("size"))
}

func (r *metaRecord) read(f *jsobj.Fields) {
	r.Key = f.String("key")
	switch v := f.Value("value"); v.Type() {
	case js.TypeString:
		r.Value = v.String()
	case js.TypeNumber:
		r.Value = v.Float()
	}
}

// decodeValue decodes one stored value into rec, field by field: the type checks reject
// damaged data, as they would in its JSON.
func decodeValue(v js.Value, rec record) error {
	if err := jsobj.Read(v, rec.read); err != nil {
		return err
	}
	return rec.check()
}

// readRecords reads and decodes the records of one store (within keyRange,
// when it is not undefined); the ones that do not decode come back apart.
func readRecords[T checker](ctx context.Context, s *Store, storeName string, keyRange js.Value) ([]T, []DamagedRecord, error) {
	arr, err := s.getAll(ctx, storeName, keyRange)
	if err != nil {
		return nil, nil, err
	}
	recs, damaged, err := decodeAll[T](storeName, arr)
	if err != nil {
		return nil, nil, classify(err)
	}
	return recs, damaged, nil
}

// damage is the *DamagedError for damaged records, or nil when there are none.
func damage(damaged []DamagedRecord) error {
	if len(damaged) == 0 {
		return nil
	}
	return &DamagedError{Records: damaged}
}

// decodeAll decodes an array of stored values (a getAll result) into
// records, skipping and reporting the ones that do not decode.
func decodeAll[T checker](storeName string, arr js.Value) ([]T, []DamagedRecord, error) {
	vals, err := jsArray(arr)
	if err != nil {
		return nil, nil, err
	}
	out := make([]T, 0, len(vals))
	var damaged []DamagedRecord
	for _, v := range vals {
		var rec T
		if err := decodeValue(v, any(&rec).(record)); err != nil {
			damaged = append(damaged, DamagedRecord{Store: storeName, Key: jsKey(v), Reason: err.Error()})
			continue
		}
		out = append(out, rec)
	}
	return out, damaged, nil
}

// jsKey reads a stored value's "id" (or history key) for a damage report.
func jsKey(v js.Value) string {
	key := "?"
	_ = jsTry(func() {
		if v.Type() != js.TypeObject {
			return
		}
		if id := v.Get("id"); !id.IsUndefined() {
			key = keyText(id)
		} else if d := v.Get("draft"); !d.IsUndefined() {
			key = keyText(d) + "/" + keyText(v.Get("seq"))
		}
	})
	return key
}

// keyText is a key as the damage report names it: a number as JavaScript writes it, not as
// syscall/js describes it ("<number: 7>").
func keyText(v js.Value) string {
	if v.Type() == js.TypeNumber {
		return fmt.Sprint(v.Float())
	}
	return v.String()
}

func (r metaRecord) check() error {
	if r.Key == "" {
		return errors.New("no key")
	}
	return nil
}

func metaRecordJS(key string, value any) js.Value {
	return js.ValueOf(map[string]any{"key": key, "value": value})
}
