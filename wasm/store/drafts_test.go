//go:build js && wasm

package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// texts that must survive storage byte for byte.
var tricky = []struct{ name, text string }{
	{"ascii", "# Acme Billing Architecture\n\nPlain text.\n"},
	{"empty", ""},
	{"non-ascii", "# Système de paiement — Überblick\n\nΔ ≠ ∑, 日本語のテキスト, עברית.\n"},
	{"emoji", "# Rockets 🚀\n\nFamily: 👩‍👩‍👧‍👦, flag: 🇫🇷, skin tone: 👍🏽.\n"},
	{"crlf", "# Windows\r\n\r\nline one\r\nline two\r\n"},
	{"control and nul", "tab\there, nul \x00, bell \a, bom \ufeff, replacement \ufffd, line sep \u2028"},
	{"html-ish", "<script>alert('&amp;')</script> \"quoted\" \\backslash\\"},
	{"100 KB", strings.Repeat("Lorem ipsum dolor sit amet, 🚀 consectetur adipiscing.\r\n", 1800)},
}

func TestTitle(t *testing.T) {
	tests := []struct{ text, want string }{
		{"# Acme Billing\n\nbody", "Acme Billing"},
		{"intro\n\n# Later Title ##\n", "Later Title"},
		{"## Only level two\n", "Untitled"},
		{"", "Untitled"},
		{"#NoSpace\n", "Untitled"},
		{"```\n# not a title\n```\n# Real\n", "Real"},
		{"    # indented code\n", "Untitled"},
		{"# Windows title\r\nbody\r\n", "Windows title"},
		{"#   \n# Second\n", "Second"},
	}
	for _, tt := range tests {
		if got := Title(tt.text); got != tt.want {
			t.Errorf("Title(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCreateGetByteForByte(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	for _, tt := range tricky {
		t.Run(tt.name, func(t *testing.T) {
			d, err := s.Create(ctx, "", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if d.Revision != 1 || len(d.ID) != 32 || !d.Created.Equal(clock.now()) || !d.Updated.Equal(clock.now()) {
				t.Errorf("Create = %+v, want revision 1, a 32-hex-digit id and both times now", d.Summary)
			}
			if d.Title != Title(tt.text) {
				t.Errorf("title = %q, want %q", d.Title, Title(tt.text))
			}
			got, err := s.Get(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.text {
				t.Errorf("Get text differs: %d bytes, want %d", len(got.Text), len(tt.text))
			}
			if got.Summary != d.Summary {
				t.Errorf("Get summary = %+v, want %+v", got.Summary, d.Summary)
			}
		})
	}
}

func TestCreateKeepsGivenTitle(t *testing.T) {
	s, _ := openTest(t)
	d, err := s.Create(testContext(t), "  Given  ", "# From text\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Given" {
		t.Errorf("title = %q, want %q", d.Title, "Given")
	}
}

func TestListNewestFirstWithoutTrash(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	var ids []string
	for _, title := range []string{"A", "B", "C"} {
		d, err := s.Create(ctx, title, "text "+title)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
		clock.advance(time.Minute)
	}
	// Saving A makes it the newest; removing B hides it.
	if _, err := s.Save(ctx, ids[0], "new A", "A", 0.5, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	list, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sum := range list {
		got = append(got, sum.Title)
	}
	if strings.Join(got, ",") != "A,C" {
		t.Errorf("List titles = %v, want [A C]", got)
	}
	if list[0].Completeness != 0.5 || list[0].Revision != 2 {
		t.Errorf("List[0] = %+v, want completeness 0.5, revision 2", list[0])
	}
}

func TestSave(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	d, err := s.Create(ctx, "", "# First\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, title string
		completeness      float64
		wantTitle         string
	}{
		{"derives title", "# Second\r\nbody 🚀\r\n", "", 0.25, "Second"},
		{"keeps given title", "# Third\n", "Chosen", 0.5, "Chosen"},
		{"untitled", "no heading", "", 1, "Untitled"},
		{"100 KB", tricky[len(tricky)-1].text, "", 0.75, "Untitled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock.advance(time.Second)
			saved, err := s.Save(ctx, d.ID, tt.text, tt.title, tt.completeness, d.Revision)
			if err != nil {
				t.Fatal(err)
			}
			if saved.Revision != d.Revision+1 || saved.Title != tt.wantTitle ||
				saved.Completeness != tt.completeness || !saved.Updated.Equal(clock.now()) || !saved.Created.Equal(d.Created) {
				t.Errorf("Save = %+v, want revision %d, title %q, completeness %v, updated now, created kept",
					saved.Summary, d.Revision+1, tt.wantTitle, tt.completeness)
			}
			got, err := s.Get(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.text || got.Summary != saved.Summary {
				t.Errorf("Get after Save = %+v (%d bytes), want %+v (%d bytes)", got.Summary, len(got.Text), saved.Summary, len(tt.text))
			}
			d = saved
		})
	}
}

func TestSaveConflict(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	d, err := s.Create(ctx, "", "# Shared\n")
	if err != nil {
		t.Fatal(err)
	}
	// Tab one saves on top of revision 1; tab two still holds revision 1.
	one, err := s.Save(ctx, d.ID, "# Shared\n\nfrom tab one", "", 0, d.Revision)
	if err != nil {
		t.Fatal(err)
	}
	for _, base := range []int{d.Revision, one.Revision + 1} {
		_, err = s.Save(ctx, d.ID, "# Shared\n\nfrom tab two", "", 0, base)
		var conflict *ConflictError
		if !errors.As(err, &conflict) || !errors.Is(err, ErrConflict) {
			t.Fatalf("Save at base %d: %v, want a *ConflictError", base, err)
		}
		if conflict.Current.Text != one.Text || conflict.Current.Revision != one.Revision {
			t.Errorf("conflict holds %+v, want tab one's draft at revision %d", conflict.Current, one.Revision)
		}
	}
	got, err := s.Get(ctx, d.ID)
	if err != nil || got.Text != one.Text || got.Revision != one.Revision {
		t.Errorf("stored draft = %+v, %v; want tab one's, untouched", got, err)
	}
}

func TestNotFound(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	trashed, err := s.Create(ctx, "", "x")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(ctx, trashed.ID); err != nil {
		t.Fatal(err)
	}
	ops := map[string]func(id string) error{
		"Get":       func(id string) error { _, err := s.Get(ctx, id); return err },
		"Save":      func(id string) error { _, err := s.Save(ctx, id, "t", "", 0, 1); return err },
		"Rename":    func(id string) error { _, err := s.Rename(ctx, id, "t"); return err },
		"Duplicate": func(id string) error { _, err := s.Duplicate(ctx, id); return err },
		"Remove":    func(id string) error { return s.Remove(ctx, id) },
		"History":   func(id string) error { _, err := s.History(ctx, id); return err },
		"Snapshot":  func(id string) error { _, err := s.Snapshot(ctx, id); return err },
		"RestoreSnapshot": func(id string) error {
			_, err := s.RestoreSnapshot(ctx, id, 1)
			return err
		},
	}
	for name, op := range ops {
		for _, id := range []string{"missing", trashed.ID} {
			if err := op(id); !errors.Is(err, ErrNotFound) {
				t.Errorf("%s(%s): %v, want ErrNotFound", name, id, err)
			}
		}
	}
	if _, err := s.Restore(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Restore(missing): %v, want ErrNotFound", err)
	}
}

func TestRename(t *testing.T) {
	ctx := testContext(t)
	s, clock := openTest(t)
	d, err := s.Create(ctx, "", "# Old\n")
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Minute)
	tests := []struct{ title, want string }{
		{"New name", "New name"},
		{"   ", "Untitled"},
	}
	for _, tt := range tests {
		sum, err := s.Rename(ctx, d.ID, tt.title)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Title != tt.want || sum.Revision != d.Revision+1 || !sum.Updated.Equal(clock.now()) {
			t.Errorf("Rename(%q) = %+v, want title %q at revision %d", tt.title, sum, tt.want, d.Revision+1)
		}
		d.Revision = sum.Revision
	}
	got, err := s.Get(ctx, d.ID)
	if err != nil || got.Text != "# Old\n" {
		t.Errorf("text after Rename = %q, %v; want it unchanged", got.Text, err)
	}
}

func TestDuplicate(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	d, err := s.Create(ctx, "", tricky[3].text)
	if err != nil {
		t.Fatal(err)
	}
	d, err = s.Save(ctx, d.ID, d.Text+"more", "", 0.4, d.Revision)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := s.Duplicate(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID == d.ID || cp.Text != d.Text || cp.Title != d.Title+" (copy)" || cp.Revision != 1 || cp.Completeness != 0.4 {
		t.Errorf("Duplicate = %+v, want a new id, same text, title %q, revision 1", cp.Summary, d.Title+" (copy)")
	}
	if h, err := s.History(ctx, cp.ID); err != nil || len(h) != 0 {
		t.Errorf("copy's history = %d snapshots, %v; want none", len(h), err)
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != 2 {
		t.Errorf("List = %d drafts, %v; want 2", len(list), err)
	}
}

func TestListSkipsDamaged(t *testing.T) {
	tests := []struct {
		name    string
		damaged []string // JSON of records written raw into summaries
		bigint  bool     // also write a record JSON cannot hold
		wantIDs []string // keys reported damaged
	}{
		{"wrong types", []string{`{"id":"bad-title","title":5,"revision":1}`, `{"id":"bad-rev","title":"x","revision":"one"}`}, false, []string{"bad-rev", "bad-title"}},
		{"missing revision", []string{`{"id":"no-rev","title":"x"}`}, false, []string{"no-rev"}},
		{"a BigInt, which JSON cannot hold", []string{`{"id":"bad-title","title":5,"revision":1}`}, true, []string{"bad-title", "bigint"}},
		{"numeric id", []string{`{"id":7,"title":"x","revision":1}`, `{"id":"frac","title":"x","revision":1.5}`}, false, []string{"7", "frac"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			s, _ := openTest(t)
			good, err := s.Create(ctx, "", "# Good\n")
			if err != nil {
				t.Fatal(err)
			}
			for _, j := range tt.damaged {
				putRaw(t, s, storeSummaries, jsonValue(t, j))
			}
			if tt.bigint {
				v := jsonValue(t, `{"id":"bigint","title":"x","revision":1}`)
				v.Set("updated", jsBigInt(1))
				putRaw(t, s, storeSummaries, v)
			}
			list, err := s.List(ctx)
			var damaged *DamagedError
			if !errors.As(err, &damaged) || !errors.Is(err, ErrDamaged) {
				t.Fatalf("List: %v, want a *DamagedError", err)
			}
			if len(list) != 1 || list[0].ID != good.ID {
				t.Errorf("List = %+v, want just the good draft", list)
			}
			var keys []string
			for _, r := range damaged.Records {
				keys = append(keys, r.Key)
			}
			if strings.Join(sorted(keys), ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("damaged keys = %v, want %v", keys, tt.wantIDs)
			}
		})
	}
}
