//go:build js && wasm

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"github.com/hack-pad/go-indexeddb/idb"
)

// The errors a caller can tell apart with errors.Is. Every error the Store
// returns wraps at most one of them, plus the browser's own error where
// there is one.
var (
	// ErrNotFound means no live draft (or snapshot) has that id. A draft in
	// the trash counts as not found, except for Restore and PurgeTrash.
	ErrNotFound = errors.New("store: draft not found")

	// ErrConflict means the stored draft changed since the caller read it,
	// for example in another tab. The error is a *ConflictError carrying the
	// stored draft.
	ErrConflict = errors.New("store: draft was changed elsewhere")

	// ErrQuota means the browser refused the write for lack of space
	// (a QuotaExceededError). Nothing of that write was stored.
	ErrQuota = errors.New("store: storage quota exceeded")

	// ErrUnavailable means IndexedDB cannot be used: it is missing (some
	// private modes, file:// pages), opening the database failed or was
	// blocked, the database was written by a newer schema, or the
	// connection was closed under us.
	ErrUnavailable = errors.New("store: IndexedDB unavailable")

	// ErrDamaged means a stored record does not decode. List returns it,
	// as a *DamagedError, next to the records that did decode.
	ErrDamaged = errors.New("store: damaged record")

	// ErrBadArchive means ImportArchive was given something that is not a
	// drafts archive this version can read.
	ErrBadArchive = errors.New("store: not a drafts archive")
)

// ConflictError reports a save against an out-of-date revision. Current is
// the newer draft as stored, text included, so the caller can show both.
type ConflictError struct {
	Current      Draft
	BaseRevision int
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("store: draft %s is at revision %d, not %d: changed elsewhere",
		e.Current.ID, e.Current.Revision, e.BaseRevision)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// DamagedRecord names one stored record that could not be decoded.
type DamagedRecord struct {
	Store  string // object store name
	Key    string // the record's key, as well as it could be read
	Reason string
}

// DamagedError lists the records an operation skipped because they do not
// decode. The operation's other results are still valid.
type DamagedError struct {
	Records []DamagedRecord
}

func (e *DamagedError) Error() string {
	parts := make([]string, 0, len(e.Records))
	for _, r := range e.Records {
		parts = append(parts, fmt.Sprintf("%s[%s]: %s", r.Store, r.Key, r.Reason))
	}
	return fmt.Sprintf("store: %d damaged record(s) skipped: %s", len(e.Records), strings.Join(parts, "; "))
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// domName returns the name of the DOMException (or JavaScript error)
// inside err, or "".
func domName(err error) string {
	var de *domError
	if errors.As(err, &de) {
		return de.name
	}
	// go-indexeddb keeps the name private but prints it first.
	var ie idb.DOMException
	if errors.As(err, &ie) {
		name, _, _ := strings.Cut(ie.Error(), ":")
		return name
	}
	// Some go-indexeddb calls pass the thrown value on as it came.
	var je js.Error
	if errors.As(err, &je) {
		if d, ok := domErrorOf(je.Value).(*domError); ok {
			return d.name
		}
	}
	return ""
}

// classify wraps a browser error in the store error that tells the UI what
// went wrong; errors already classified pass through unchanged.
func classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrConflict), errors.Is(err, ErrQuota),
		errors.Is(err, ErrUnavailable), errors.Is(err, ErrDamaged), errors.Is(err, ErrBadArchive),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	switch domName(err) {
	case "QuotaExceededError":
		return fmt.Errorf("%w: %w", ErrQuota, err)
	case "InvalidStateError", "UnknownError", "VersionError":
		// A closed connection, a broken backing store, or a newer schema.
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return fmt.Errorf("store: %w", err)
}
