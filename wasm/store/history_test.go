//go:build js && wasm

package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// snapshotTexts returns the texts of draft id's history, newest first.
func snapshotTexts(t *testing.T, s *Store, id string) []string {
	t.Helper()
	h, err := s.History(testContext(t), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, snap := range h {
		out = append(out, snap.Text)
	}
	return out
}

func TestSaveSnapshotsOnInterval(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	d, err := s.Create(ctx, "", "v1")
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		wait time.Duration
		text string
		want []string // history after the save, newest first
	}{
		{time.Second, "v2", []string{"v1"}},                // the first change keeps the original
		{time.Minute, "v3", []string{"v1"}},                // within the interval: nothing new
		{DefaultSnapshotEvery, "v4", []string{"v3", "v1"}}, // interval passed: keeps what v4 replaces
		{DefaultSnapshotEvery, "v4", []string{"v3", "v1"}}, // same text: nothing to keep
		{DefaultSnapshotEvery, "v5", []string{"v4", "v3", "v1"}},
	}
	for i, st := range steps {
		clock.advance(st.wait)
		d, err = s.Save(ctx, d.ID, st.text, "", 0, d.Revision)
		if err != nil {
			t.Fatal(err)
		}
		if got := snapshotTexts(t, s, d.ID); fmt.Sprint(got) != fmt.Sprint(st.want) {
			t.Errorf("step %d: history = %q, want %q", i, got, st.want)
		}
	}
}

func TestSnapshotOnDemand(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	d, err := s.Create(ctx, "", "# Snap\n")
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Snapshot(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if first.ID != 1 || first.Text != d.Text || first.Title != "Snap" || first.Revision != 1 || !first.Taken.Equal(clock.now()) {
		t.Errorf("Snapshot = %+v, want #1 of revision 1 taken now", first)
	}
	clock.advance(time.Hour)
	again, err := s.Snapshot(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Errorf("second Snapshot of the same text = %+v, want the first one back", again)
	}
	// An on-demand snapshot restarts the interval: an early save adds none.
	clock.advance(time.Minute)
	if _, err := s.Save(ctx, d.ID, "changed", "", 0, d.Revision); err != nil {
		t.Fatal(err)
	}
	if got := snapshotTexts(t, s, d.ID); len(got) != 1 {
		t.Errorf("history = %q, want only the on-demand snapshot", got)
	}
}

func TestHistoryBounds(t *testing.T) {
	tests := []struct {
		name      string
		snapshots int
		size      int // bytes per snapshot text
		wantKept  int
	}{
		{"count", DefaultMaxSnapshots + 10, 10, DefaultMaxSnapshots},
		{"bytes", 8, 1 << 20, DefaultMaxHistoryBytes / (1 << 20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			s, clock := openTest(t)
			d, err := s.Create(ctx, "", "start")
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= tt.snapshots; i++ {
				text := fmt.Sprintf("%07d", i) + strings.Repeat("x", tt.size-7)
				if d, err = s.Save(ctx, d.ID, text, "", 0, d.Revision); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Snapshot(ctx, d.ID); err != nil {
					t.Fatal(err)
				}
				clock.advance(time.Second)
			}
			h, err := s.History(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(h) != tt.wantKept {
				t.Fatalf("kept %d snapshots, want %d", len(h), tt.wantKept)
			}
			total := 0
			for i, snap := range h {
				total += snap.Size
				// Newest first, and the newest are the ones kept.
				if want := fmt.Sprintf("%07d", tt.snapshots-i); !strings.HasPrefix(snap.Text, want) {
					t.Errorf("history[%d] starts %q, want %q", i, snap.Text[:7], want)
				}
			}
			if total > DefaultMaxHistoryBytes {
				t.Errorf("history holds %d bytes, more than %d", total, DefaultMaxHistoryBytes)
			}
		})
	}
}

func TestSnapshotTooLargeIsSkipped(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	s.limits.maxBytes = 100
	d, err := s.Create(ctx, "", strings.Repeat("y", 101))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, d.ID, "short", "", 0, d.Revision); err != nil {
		t.Fatal(err)
	}
	if got := snapshotTexts(t, s, d.ID); len(got) != 0 {
		t.Errorf("history = %d snapshots, want none: the text exceeds the byte bound", len(got))
	}
}

func TestRestoreSnapshot(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	d, err := s.Create(ctx, "", "# Original\r\n🚀\r\n")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := s.Snapshot(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	stale := d.Revision
	d, err = s.Save(ctx, d.ID, "# Rewritten\n", "", 0.9, d.Revision)
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	restored, err := s.RestoreSnapshot(ctx, d.ID, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if restored.Text != orig.Text || restored.Title != "Original" || restored.Revision != d.Revision+1 {
		t.Errorf("RestoreSnapshot = %+v, want the original text at revision %d", restored, d.Revision+1)
	}
	got, err := s.Get(ctx, d.ID)
	if err != nil || got.Text != orig.Text {
		t.Errorf("Get after restore = %q, %v; want the original", got.Text, err)
	}
	if h := snapshotTexts(t, s, d.ID); fmt.Sprint(h) != fmt.Sprint([]string{"# Rewritten\n", orig.Text}) {
		t.Errorf("history = %q, want the replaced text kept first", h)
	}
	if _, err := s.Save(ctx, d.ID, "late", "", 0, stale); !errors.Is(err, ErrConflict) {
		t.Errorf("save on the pre-restore revision: %v, want ErrConflict", err)
	}
	if _, err := s.RestoreSnapshot(ctx, d.ID, 99); !errors.Is(err, ErrNotFound) {
		t.Errorf("RestoreSnapshot of a missing snapshot: %v, want ErrNotFound", err)
	}
}
