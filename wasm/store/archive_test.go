//go:build js && wasm

package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// fill stores a draft for each tricky text, each with history, and puts one
// in the trash.
func fill(t *testing.T, s *Store, clock *fakeClock) []Draft {
	t.Helper()
	ctx := testContext(t)
	var out []Draft
	for i, tt := range tricky {
		d, err := s.Create(ctx, "", tt.text)
		if err != nil {
			t.Fatal(err)
		}
		clock.advance(time.Minute)
		if d, err = s.Save(ctx, d.ID, tt.text+"\r\n— édité ✍️", "", float64(i)/10, d.Revision); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Snapshot(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	if err := s.Remove(ctx, out[1].ID); err != nil {
		t.Fatal(err)
	}
	out[1].Deleted = clock.now()
	return out
}

// sameDraft compares everything but the id.
func sameDraft(t *testing.T, s *Store, got Summary, want Draft, wantHistory []Snapshot) {
	t.Helper()
	ctx := testContext(t)
	w := want.Summary
	w.ID = got.ID
	if got != w {
		t.Errorf("summary = %+v, want %+v", got, w)
	}
	if got.Deleted.IsZero() {
		d, err := s.Get(ctx, got.ID)
		if err != nil || d.Text != want.Text {
			t.Errorf("text of %q differs (%d bytes, want %d), %v", want.Title, len(d.Text), len(want.Text), err)
		}
		h, err := s.History(ctx, got.ID)
		if err != nil || len(h) != len(wantHistory) {
			t.Fatalf("history of %q = %d snapshots, %v; want %d", want.Title, len(h), err, len(wantHistory))
		}
		for i := range h {
			if h[i] != wantHistory[i] {
				t.Errorf("snapshot %d of %q = %+v, want %+v", i, want.Title, h[i], wantHistory[i])
			}
		}
	}
}

func TestArchiveRoundTrip(t *testing.T) {
	ctx := testContext(t)
	src, clock := openTest(t)
	drafts := fill(t, src, clock)
	histories := map[string][]Snapshot{}
	for _, d := range drafts {
		if d.Deleted.IsZero() {
			h, err := src.History(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			histories[d.ID] = h
		}
	}
	data, err := src.ExportArchive(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var head struct {
		Format  string            `json:"format"`
		Version int               `json:"version"`
		Drafts  []json.RawMessage `json:"drafts"`
	}
	if err := json.Unmarshal(data, &head); err != nil || head.Format != "casewright-drafts" || head.Version != 1 || len(head.Drafts) != len(drafts) {
		t.Fatalf("archive head = %+v, %v; want format casewright-drafts, version 1, %d drafts", head, err, len(drafts))
	}

	dst, _ := openTest(t)
	n, err := dst.ImportArchive(ctx, data)
	if err != nil || n != len(drafts) {
		t.Fatalf("ImportArchive = %d, %v; want %d", n, err, len(drafts))
	}
	for _, d := range drafts {
		sum := findSummary(t, dst, d.ID)
		sameDraft(t, dst, sum, d, histories[d.ID])
	}
	again, err := dst.ExportArchive(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The export time is the only difference between the two archives.
	if !bytes.Equal(stripExported(t, again), stripExported(t, data)) {
		t.Error("exporting the imported drafts gives a different archive")
	}
}

// findSummary finds draft id among the live and trashed drafts.
func findSummary(t *testing.T, s *Store, id string) Summary {
	t.Helper()
	ctx := testContext(t)
	live, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	trash, err := s.Trash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range append(live, trash...) {
		if sum.ID == id {
			return sum
		}
	}
	t.Fatalf("draft %s not found", id)
	return Summary{}
}

func stripExported(t *testing.T, data []byte) []byte {
	t.Helper()
	var a map[string]json.RawMessage
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	delete(a, "exported")
	out, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportNeverOverwrites(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	drafts := fill(t, s, clock)
	data, err := s.ExportArchive(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Change one draft after the export: the import must not undo it.
	kept, err := s.Save(ctx, drafts[0].ID, "changed after export", "", 0, drafts[0].Revision)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.ImportArchive(ctx, data)
	if err != nil || n != len(drafts) {
		t.Fatalf("ImportArchive = %d, %v; want %d", n, err, len(drafts))
	}
	live, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	trash, err := s.Trash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(live)+len(trash) != 2*len(drafts) {
		t.Errorf("%d drafts after importing over themselves, want %d", len(live)+len(trash), 2*len(drafts))
	}
	if got, err := s.Get(ctx, kept.ID); err != nil || got.Text != kept.Text {
		t.Errorf("draft changed after export = %q, %v; want it kept", got.Text, err)
	}
}

func TestImportBadArchive(t *testing.T) {
	tests := []struct{ name, data string }{
		{"not json", "# just markdown"},
		{"other format", `{"format":"something-else","version":1,"drafts":[]}`},
		{"newer version", `{"format":"casewright-drafts","version":2,"drafts":[]}`},
		{"draft without text", `{"format":"casewright-drafts","version":1,"drafts":[{"id":"a","title":"A"}]}`},
		{"text of wrong type", `{"format":"casewright-drafts","version":1,"drafts":[{"id":"a","text":5}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			s, _ := openTest(t)
			n, err := s.ImportArchive(ctx, []byte(tt.data))
			if !errors.Is(err, ErrBadArchive) || n != 0 {
				t.Errorf("ImportArchive = %d, %v; want ErrBadArchive", n, err)
			}
			if c := count(t, s, storeSummaries); c != 0 {
				t.Errorf("%d drafts stored after a rejected import", c)
			}
		})
	}
}

func TestImportMinimalArchive(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	data := `{"format":"casewright-drafts","version":1,"drafts":[
		{"text":"# From elsewhere\n"},
		{"id":"same","text":"one"},
		{"id":"same","text":"two"}]}`
	n, err := s.ImportArchive(ctx, []byte(data))
	if err != nil || n != 3 {
		t.Fatalf("ImportArchive = %d, %v; want 3", n, err)
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != 3 {
		t.Fatalf("List = %+v, %v; want 3 drafts", list, err)
	}
	titles := map[string]bool{}
	for _, sum := range list {
		titles[sum.Title] = true
		if sum.Revision != 1 || !sum.Created.Equal(clock.now()) {
			t.Errorf("imported %+v, want revision 1 created now", sum)
		}
	}
	if !titles["From elsewhere"] {
		t.Errorf("titles = %v, want one derived from the text", titles)
	}
}
