//go:build js && wasm

package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"
	"time"
)

// The records as stored. Times are milliseconds since the Unix epoch, held
// as JavaScript numbers so that IndexedDB can compare and index them.

// summaryRecord is one row of the summaries store: everything List shows.
type summaryRecord struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Created      float64 `json:"created"`
	Updated      float64 `json:"updated"`
	Completeness float64 `json:"completeness"`
	Revision     int     `json:"revision"`
	Deleted      float64 `json:"deleted"` // 0 while the draft is live
	SnapAt       float64 `json:"snapAt"`  // when the last snapshot was taken
}

// textRecord is one row of the texts store: a draft's full text.
type textRecord struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Revision int    `json:"revision"`
}

// snapshotRecord is one row of the history store, keyed [draft, seq].
type snapshotRecord struct {
	Draft    string  `json:"draft"`
	Seq      int64   `json:"seq"`
	Taken    float64 `json:"taken"`
	Title    string  `json:"title"`
	Text     string  `json:"text"`
	Revision int     `json:"revision"`
	Size     int     `json:"size"` // len(Text) in UTF-8 bytes, so bounds need no text
}

// metaRecord is one row of the meta store.
type metaRecord struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
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

// decodeValue decodes one stored value into rec. The value crosses into Go
// as one JSON string: one call instead of one per field, and one decoder
// for every record (encoding/json), whose type checks reject damaged data.
func decodeValue(v js.Value, rec checker) error {
	if v.Type() != js.TypeObject {
		return fmt.Errorf("value is %s, not an object", v.Type())
	}
	var s string
	if err := jsTry(func() { s = jsJSON.Call("stringify", v).String() }); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(s), rec); err != nil {
		return err
	}
	return rec.check()
}

var jsJSON = js.Global().Get("JSON")

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
	var whole string
	if err := jsTry(func() { whole = jsJSON.Call("stringify", arr).String() }); err == nil {
		var raws []json.RawMessage
		if err := json.Unmarshal([]byte(whole), &raws); err == nil {
			out := make([]T, 0, len(raws))
			var damaged []DamagedRecord
			for _, raw := range raws {
				var rec T
				err := json.Unmarshal(raw, &rec)
				if err == nil {
					err = rec.check()
				}
				if err != nil {
					damaged = append(damaged, DamagedRecord{Store: storeName, Key: jsonKey(raw), Reason: err.Error()})
					continue
				}
				out = append(out, rec)
			}
			return out, damaged, nil
		}
	}
	// Something in the array cannot become JSON (a BigInt, a cycle): go
	// record by record so only the bad ones are lost.
	vals, err := jsArray(arr)
	if err != nil {
		return nil, nil, err
	}
	out := make([]T, 0, len(vals))
	var damaged []DamagedRecord
	for _, v := range vals {
		var rec T
		if err := decodeValue(v, any(&rec).(checker)); err != nil {
			damaged = append(damaged, DamagedRecord{Store: storeName, Key: jsKey(v), Reason: err.Error()})
			continue
		}
		out = append(out, rec)
	}
	return out, damaged, nil
}

// jsonKey pulls an "id" out of a record that failed to decode, for the report.
func jsonKey(raw json.RawMessage) string {
	var probe struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(raw, &probe) != nil || probe.ID == nil {
		return "?"
	}
	return fmt.Sprint(probe.ID)
}

// jsKey reads a stored value's "id" (or history key) for a damage report.
func jsKey(v js.Value) string {
	key := "?"
	_ = jsTry(func() {
		if v.Type() != js.TypeObject {
			return
		}
		if id := v.Get("id"); !id.IsUndefined() {
			key = id.String()
		} else if d := v.Get("draft"); !d.IsUndefined() {
			key = d.String() + "/" + v.Get("seq").String()
		}
	})
	return key
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
