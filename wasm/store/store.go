//go:build js && wasm

package store

import (
	"context"
	"fmt"
	"syscall/js"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// Default bounds on each draft's history.
const (
	DefaultMaxSnapshots    = 50
	DefaultMaxHistoryBytes = 5 << 20
	DefaultSnapshotEvery   = 10 * time.Minute
)

// limits bound a draft's history.
type limits struct {
	maxSnapshots int           // snapshots kept per draft
	maxBytes     int           // UTF-8 bytes of snapshot text kept per draft
	every        time.Duration // Save takes a snapshot when the last is older than this
}

// Store is the drafts store: one open IndexedDB database.
//
// Every method blocks until IndexedDB answers, so call them from a
// goroutine, never directly inside a js.FuncOf callback (that would
// deadlock the page). A Store is safe for concurrent use: each operation
// is its own transaction, and IndexedDB orders overlapping ones.
type Store struct {
	db     *idb.Database
	raw    js.Value // the same connection, for getAll, which go-indexeddb lacks
	name   string
	now    func() time.Time
	limits limits
}

// Open opens (creating or upgrading as needed) the IndexedDB database
// called name. An embedding page picks its own name to keep its drafts
// apart. It returns an error wrapping ErrUnavailable when IndexedDB is
// missing, opening fails or is blocked until ctx ends, the database has a
// newer schema than this code, or an upgrade fails (the database is then
// left as it was).
func Open(ctx context.Context, name string) (*Store, error) {
	var factory js.Value
	if err := jsTry(func() { factory = js.Global().Get("indexedDB") }); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return open(ctx, factory, name)
}

// open opens name through the given IDBFactory value.
func open(ctx context.Context, factory js.Value, name string) (*Store, error) {
	if factory.IsUndefined() || factory.IsNull() {
		return nil, fmt.Errorf("%w: indexedDB is not defined in this browser context", ErrUnavailable)
	}
	f, err := idb.WrapFactory(factory)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	now := time.Now
	up := &upgrade{now: now()}
	defer up.release()
	var req *idb.OpenDBRequest
	req, err = f.Open(ctx, name, SchemaVersion, func(_ *idb.Database, oldVersion, _ uint) error {
		// The wrapper hides the versionchange transaction; the raw
		// database (the request's result) reaches it.
		raw, err := req.Request.Result()
		if err != nil {
			up.err = err
			return nil
		}
		up.run(raw, oldVersion)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w: opening %q: %w", ErrUnavailable, name, err)
	}
	db, err := req.Await(ctx)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err() // go-indexeddb reports a cancelled wait as success
	}
	switch {
	case err != nil && up.err != nil:
		return nil, fmt.Errorf("%w: upgrading %q to schema %d: %w", ErrUnavailable, name, SchemaVersion, up.err)
	case err != nil && domName(err) == "VersionError":
		return nil, fmt.Errorf("%w: %q was written by a newer version of the app: %w", ErrUnavailable, name, err)
	case err != nil:
		return nil, fmt.Errorf("%w: opening %q: %w", ErrUnavailable, name, err)
	case up.err != nil:
		_ = db.Close()
		return nil, fmt.Errorf("%w: upgrading %q: %w", ErrUnavailable, name, up.err)
	}
	raw, err := req.Request.Result()
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return &Store{
		db:   db,
		raw:  raw,
		name: name,
		now:  now,
		limits: limits{
			maxSnapshots: DefaultMaxSnapshots,
			maxBytes:     DefaultMaxHistoryBytes,
			every:        DefaultSnapshotEvery,
		},
	}, nil
}

// Name returns the IndexedDB database name.
func (s *Store) Name() string { return s.name }

// Close closes the connection. The Store must not be used afterwards.
func (s *Store) Close() error {
	return classify(s.db.Close())
}

// Delete deletes the IndexedDB database called name and everything in it.
// Close every Store on it first, or the deletion waits for them.
func Delete(ctx context.Context, name string) error {
	var factory js.Value
	if err := jsTry(func() { factory = js.Global().Get("indexedDB") }); err != nil || !factory.Truthy() {
		return fmt.Errorf("%w: indexedDB is not defined", ErrUnavailable)
	}
	f, err := idb.WrapFactory(factory)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	req, err := f.DeleteDatabase(name)
	if err != nil {
		return classify(err)
	}
	if err := req.Await(ctx); err != nil {
		return classify(err)
	}
	return ctx.Err()
}

// update runs fn inside one readwrite transaction over the named stores,
// so that everything fn writes lands together or not at all. An error
// from fn aborts the transaction.
func (s *Store) update(ctx context.Context, fn func(tx *idb.Transaction) error, stores ...string) error {
	tx, err := s.db.Transaction(idb.TransactionReadWrite, stores[0], stores[1:]...)
	if err != nil {
		return classify(err)
	}
	if err := fn(tx); err != nil {
		err = cause(tx, err)
		_ = tx.Abort() // fails harmlessly when the browser already aborted it
		return classify(err)
	}
	if err := ctx.Err(); err != nil {
		_ = tx.Abort()
		return err
	}
	if err := tx.Await(ctx); err != nil {
		return classify(cause(tx, err))
	}
	return nil
}

// cause replaces an AbortError, which every request of an aborted
// transaction reports, with the error that aborted it (a ConstraintError,
// a QuotaExceededError at commit), so the caller sees the real reason.
func cause(tx *idb.Transaction, err error) error {
	if domName(err) != "AbortError" {
		return err
	}
	if txErr := tx.Err(); txErr != nil {
		return txErr
	}
	return err
}

// view runs fn inside one readonly transaction over the named stores.
func (s *Store) view(ctx context.Context, fn func(tx *idb.Transaction) error, stores ...string) error {
	tx, err := s.db.Transaction(idb.TransactionReadOnly, stores[0], stores[1:]...)
	if err != nil {
		return classify(err)
	}
	return classify(fn(tx))
}

// objectStore returns the named store of tx.
func objectStore(tx *idb.Transaction, name string) (*idb.ObjectStore, error) {
	st, err := tx.ObjectStore(name)
	if err != nil {
		return nil, fmt.Errorf("object store %q: %w", name, err)
	}
	return st, nil
}

// getRecord reads key from st into rec. It reports found=false when there
// is no such record and a *DamagedError when the record does not decode.
func getRecord(ctx context.Context, st *idb.ObjectStore, storeName string, key any, rec record) (found bool, err error) {
	req, err := st.Get(js.ValueOf(key))
	if err != nil {
		return false, err
	}
	v, err := req.Await(ctx)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return false, err
	}
	if v.IsUndefined() {
		return false, nil
	}
	if err := decodeValue(v, rec); err != nil {
		return false, &DamagedError{Records: []DamagedRecord{{Store: storeName, Key: fmt.Sprint(key), Reason: err.Error()}}}
	}
	return true, nil
}

// put queues a write. Its outcome is the transaction's: update awaits that.
func put(st *idb.ObjectStore, v js.Value) error {
	_, err := st.Put(v)
	return err
}

// add queues an insert that fails (aborting the transaction) if the key
// exists, where overwriting would lose data.
func add(st *idb.ObjectStore, v js.Value) error {
	_, err := st.Add(v)
	return err
}

// del queues a delete.
func del(st *idb.ObjectStore, key any) error {
	_, err := st.Delete(js.ValueOf(key))
	return err
}

// getAll reads every value of one store (within keyRange, when it is not
// undefined) in a raw readonly transaction on the same connection.
func (s *Store) getAll(ctx context.Context, storeName string, keyRange js.Value) (js.Value, error) {
	var req js.Value
	err := jsTry(func() {
		tx := s.raw.Call("transaction", []any{storeName}, "readonly")
		st := tx.Call("objectStore", storeName)
		if keyRange.IsUndefined() {
			req = st.Call("getAll")
		} else {
			req = st.Call("getAll", keyRange)
		}
	})
	if err != nil {
		return js.Undefined(), classify(err)
	}
	v, err := awaitRaw(ctx, req)
	return v, classify(err)
}

// errNoText reports a summary whose text is missing, which atomic writes
// should make impossible; it is reported as damage, not as absence.
func errNoText(id string) error {
	return &DamagedError{Records: []DamagedRecord{{Store: storeTexts, Key: id, Reason: "summary without text"}}}
}
