//go:build js && wasm

package store

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"casewright/wasm/internal/jsonw/jsonwtest"
)

// sampleArchive holds every tricky text, as draft and as snapshot, with awkward numbers.
func sampleArchive() archive {
	at := time.Date(2025, 3, 9, 14, 5, 7, 123_000_000, time.UTC)
	deleted := at.Add(time.Hour)
	a := archive{Format: ArchiveFormat, Version: ArchiveVersion, Exported: at.Add(42 * time.Millisecond)}
	for i, tt := range tricky {
		text := tt.text
		d := archiveDraft{
			ID: "id-" + tt.name, Title: tt.name + ` <&> "quoted"`, Created: at.Add(time.Duration(i) * time.Minute),
			Updated: at.Add(time.Duration(i) * time.Hour), Completeness: []float64{0, 1, 1.0 / 3, 0.1 + 0.2, 1e-7}[i%5],
			Revision: i + 1, Text: &text, History: []archiveSnapshot{},
		}
		if i%2 == 1 {
			d.Deleted = &deleted
		}
		for j := range i % 3 {
			d.History = append(d.History, archiveSnapshot{ID: int64(j + 1), Taken: at.Add(time.Duration(j) * time.Second),
				Title: tt.name, Revision: j + 1, Text: text + "\u2029"})
		}
		a.Drafts = append(a.Drafts, d)
	}
	return a
}

func TestArchiveBytesAsEncodingJSON(t *testing.T) {
	a := sampleArchive()
	got, err := a.encode()
	if err != nil {
		t.Fatal(err)
	}
	// An archive file ends its line, as encoding/json's encoder did.
	want := []byte(jsonwtest.Marshal(t, a) + "\n")
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("archive bytes differ from encoding/json's at byte %d: %q, want %q",
			i, got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
	}
}

func TestArchiveFromEncodingJSONReads(t *testing.T) {
	a := sampleArchive()
	data, err := json.Marshal(a) // with HTML escaping, as other tools may write it
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeArchive(data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := back.encode()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := a.encode()
	if !bytes.Equal(again, want) {
		t.Errorf("an archive read back writes differently:\n%.300s\nwant\n%.300s", again, want)
	}
}
