//go:build js && wasm

package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// testTimeout bounds every test, so a hung IndexedDB call fails the test
// instead of stalling the run.
const testTimeout = 60 * time.Second

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancel)
	return ctx
}

// dbName returns a database name of the test's own.
func dbName(t testing.TB) string {
	return fmt.Sprintf("casewright-test-%s-%s", strings.ReplaceAll(t.Name(), "/", "-"), newID()[:8])
}

// deleteOnCleanup deletes database name when the test ends.
func deleteOnCleanup(t testing.TB, name string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
		defer cancel()
		if err := Delete(ctx, name); err != nil {
			t.Errorf("deleting %s: %v", name, err)
		}
	})
}

// openTest opens a fresh store for t with a clock that tests can move.
func openTest(t testing.TB) (*Store, *fakeClock) {
	t.Helper()
	ctx := testContext(t)
	name := dbName(t)
	s, err := Open(ctx, name)
	if err != nil {
		t.Fatalf("Open(%q): %v", name, err)
	}
	deleteOnCleanup(t, name)
	t.Cleanup(func() { _ = s.Close() })
	clock := &fakeClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	s.now = clock.now
	return s, clock
}

// fakeClock is a clock that moves only when told to.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// putRaw writes a raw JavaScript value into a store, as damage or an older
// app would.
func putRaw(t testing.TB, s *Store, storeName string, v js.Value) {
	t.Helper()
	err := s.update(testContext(t), func(tx *idb.Transaction) error {
		st, err := objectStore(tx, storeName)
		if err != nil {
			return err
		}
		return put(st, v)
	}, storeName)
	if err != nil {
		t.Fatalf("raw put into %s: %v", storeName, err)
	}
}

// count returns the number of records in a store.
func count(t testing.TB, s *Store, storeName string) int {
	t.Helper()
	arr, err := s.getAll(testContext(t), storeName, js.Undefined())
	if err != nil {
		t.Fatalf("getAll %s: %v", storeName, err)
	}
	return arr.Length()
}

// jsonValue builds a JavaScript value from JSON text.
func jsonValue(t testing.TB, text string) js.Value {
	t.Helper()
	var v js.Value
	if err := jsTry(func() { v = js.Global().Get("JSON").Call("parse", text) }); err != nil {
		t.Fatalf("JSON.parse(%s): %v", text, err)
	}
	return v
}

func TestOpenUnavailable(t *testing.T) {
	tests := []struct {
		name    string
		factory js.Value
	}{
		{"undefined", js.Undefined()},
		{"null", js.Null()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := open(testContext(t), tt.factory, dbName(t))
			if !errors.Is(err, ErrUnavailable) {
				t.Fatalf("open with indexedDB %s: got %v, %v; want ErrUnavailable", tt.name, s, err)
			}
		})
	}
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := testContext(t)
	name := dbName(t)
	deleteOnCleanup(t, name)
	req, err := idb.Global().Open(ctx, name, SchemaVersion+1, func(*idb.Database, uint, uint) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	db, err := req.Await(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, name)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Open of a schema %d database: got %v, %v; want ErrUnavailable", SchemaVersion+1, s, err)
	}
}

func TestOpenCreatesSchema(t *testing.T) {
	s, _ := openTest(t)
	names, err := s.db.ObjectStoreNames()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{storeHistory, storeMeta, storeSalvage, storeSummaries, storeTexts}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Errorf("object stores = %v, want %v", names, want)
	}
	if v, err := s.db.Version(); err != nil || v != SchemaVersion {
		t.Errorf("version = %d, %v; want %d", v, err, SchemaVersion)
	}
}

func TestReopenKeepsDrafts(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	d, err := s.Create(ctx, "", "# Kept\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, s.Name())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Get(ctx, d.ID)
	if err != nil || got.Text != d.Text {
		t.Fatalf("after reopening, Get = %+v, %v; want the draft", got, err)
	}
}

func TestClosedStoreIsUnavailable(t *testing.T) {
	ctx := testContext(t)
	s, _ := openTest(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, "", "x"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Create on a closed store: %v, want ErrUnavailable", err)
	}
	if _, err := s.List(ctx); !errors.Is(err, ErrUnavailable) {
		t.Errorf("List on a closed store: %v, want ErrUnavailable", err)
	}
}

// thrown calls a JavaScript function that throws the given DOMException,
// returning what Go sees.
func thrown(name string) error {
	fn := js.Global().Get("Function").New("name", `throw new DOMException("test", name)`)
	_, err := jsCall(fn, "call", js.Null(), name)
	return err
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"quota from a real DOMException", thrown("QuotaExceededError"), ErrQuota},
		{"quota from go-indexeddb", idb.NewDOMException("QuotaExceededError"), ErrQuota},
		{"closed connection", thrown("InvalidStateError"), ErrUnavailable},
		{"backing store failure", idb.NewDOMException("UnknownError"), ErrUnavailable},
		{"newer schema", idb.NewDOMException("VersionError"), ErrUnavailable},
		{"conflict passes", &ConflictError{}, ErrConflict},
		{"damage passes", &DamagedError{}, ErrDamaged},
		{"wrapped not found passes", fmt.Errorf("x: %w", ErrNotFound), ErrNotFound},
		{"deadline passes", context.DeadlineExceeded, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := classify(tt.err)
			if !errors.Is(got, tt.want) {
				t.Errorf("classify(%v) = %v, want it to match %v", tt.err, got, tt.want)
			}
		})
	}
	if classify(nil) != nil {
		t.Error("classify(nil) != nil")
	}
}

func TestFailedWriteAbortsWholeTransaction(t *testing.T) {
	tests := []struct {
		name      string
		readAfter bool // await a read after the failing write, which then fails with AbortError
	}{
		{"failure seen at commit", false},
		{"failure seen by a later request", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			s, _ := openTest(t)
			d, err := s.Create(ctx, "", "# One\n")
			if err != nil {
				t.Fatal(err)
			}
			// A second insert of the same id fails in the browser (ConstraintError)
			// after the first write of the transaction was queued: neither may land.
			other := summaryRecord{ID: "other", Title: "Other", Created: 1, Updated: 1, Revision: 1}
			err = s.update(ctx, func(tx *idb.Transaction) error {
				if err := writeDraft(tx, other, "other text", true); err != nil {
					return err
				}
				clash := summaryRecord{ID: d.ID, Title: "Clash", Created: 1, Updated: 1, Revision: 1}
				if err := writeDraft(tx, clash, "clash", true); err != nil {
					return err
				}
				if tt.readAfter {
					_, err := readText(ctx, tx, d.ID)
					return err
				}
				return nil
			}, storeSummaries, storeTexts)
			if domName(err) != "ConstraintError" {
				t.Fatalf("duplicate insert: %v, want a ConstraintError", err)
			}
			if n := count(t, s, storeSummaries); n != 1 {
				t.Errorf("%d summaries after the failed transaction, want 1", n)
			}
			if n := count(t, s, storeTexts); n != 1 {
				t.Errorf("%d texts after the failed transaction, want 1", n)
			}
		})
	}
}

// jsBigInt returns a JavaScript BigInt, a value JSON cannot hold.
func jsBigInt(n int) js.Value { return js.Global().Get("BigInt").Invoke(n) }

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	slices.Sort(out)
	return out
}
