//go:build js && wasm

package store

import (
	"errors"
	"testing"
	"time"
)

func TestRemoveAndRestore(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	d, err := s.Create(ctx, "", "# Trash me\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetLastOpen(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	if err := s.Remove(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if list, err := s.List(ctx); err != nil || len(list) != 0 {
		t.Errorf("List after Remove = %+v, %v; want empty", list, err)
	}
	trash, err := s.Trash(ctx)
	if err != nil || len(trash) != 1 || trash[0].ID != d.ID || !trash[0].Deleted.Equal(clock.now()) {
		t.Fatalf("Trash = %+v, %v; want the draft, deleted now", trash, err)
	}
	if last, err := s.LastOpen(ctx); err != nil || last != "" {
		t.Errorf("LastOpen after removing it = %q, %v; want none", last, err)
	}
	for range 2 { // restoring a live draft changes nothing
		sum, err := s.Restore(ctx, d.ID)
		if err != nil || !sum.Deleted.IsZero() || sum.Revision != d.Revision {
			t.Errorf("Restore = %+v, %v; want the live draft", sum, err)
		}
	}
	got, err := s.Get(ctx, d.ID)
	if err != nil || got.Text != d.Text {
		t.Errorf("Get after Restore = %+v, %v", got, err)
	}
	if trash, err := s.Trash(ctx); err != nil || len(trash) != 0 {
		t.Errorf("Trash after Restore = %+v, %v; want empty", trash, err)
	}
}

func TestPurgeTrash(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	old, err := s.Create(ctx, "", "# Old\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, old.ID, "# Old v2\n", "", 0, old.Revision); err != nil {
		t.Fatal(err) // leaves a snapshot to purge too
	}
	recent, err := s.Create(ctx, "", "# Recent\n")
	if err != nil {
		t.Fatal(err)
	}
	live, err := s.Create(ctx, "", "# Live\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
	clock.advance(20 * 24 * time.Hour)
	if err := s.Remove(ctx, recent.ID); err != nil {
		t.Fatal(err)
	}
	clock.advance(24 * time.Hour)

	steps := []struct {
		olderThan  time.Duration
		wantPurged int
		wantTrash  int
	}{
		{30 * 24 * time.Hour, 0, 2},
		{7 * 24 * time.Hour, 1, 1},
		{0, 1, 0},
	}
	for _, st := range steps {
		n, err := s.PurgeTrash(ctx, st.olderThan)
		if err != nil || n != st.wantPurged {
			t.Errorf("PurgeTrash(%v) = %d, %v; want %d", st.olderThan, n, err, st.wantPurged)
		}
		if trash, err := s.Trash(ctx); err != nil || len(trash) != st.wantTrash {
			t.Errorf("after PurgeTrash(%v), Trash = %d drafts, %v; want %d", st.olderThan, len(trash), err, st.wantTrash)
		}
	}
	if _, err := s.Restore(ctx, old.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Restore of a purged draft: %v, want ErrNotFound", err)
	}
	for store, want := range map[string]int{storeSummaries: 1, storeTexts: 1, storeHistory: 0} {
		if n := count(t, s, store); n != want {
			t.Errorf("%s holds %d records after purging, want %d (the live draft's)", store, n, want)
		}
	}
	if _, err := s.Get(ctx, live.ID); err != nil {
		t.Errorf("live draft after purge: %v", err)
	}
}

func TestLastOpen(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	if id, err := s.LastOpen(ctx); err != nil || id != "" {
		t.Errorf("LastOpen on a new store = %q, %v; want none", id, err)
	}
	for _, id := range []string{"first", "second"} {
		if err := s.SetLastOpen(ctx, id); err != nil {
			t.Fatal(err)
		}
		if got, err := s.LastOpen(ctx); err != nil || got != id {
			t.Errorf("LastOpen = %q, %v; want %q", got, err, id)
		}
	}
}
