//go:build js && wasm

// Package store keeps Casewright's drafts in the browser's IndexedDB, so
// that a reload, a crash or a closed tab loses nothing.
//
// It holds many drafts. Each has a summary (id, title, times,
// completeness, revision) kept apart from its full text, so that List
// never reads a text; a bounded history of snapshots; and a place in the
// trash once removed. Every write is one readwrite transaction over all
// the object stores it touches, so a browser killed mid-save never leaves
// a summary without its text. Saves carry the revision the caller last
// read, and a save against a newer stored revision fails with ErrConflict
// instead of overwriting (two tabs on one draft).
//
// Errors are typed (ErrNotFound, ErrConflict, ErrQuota, ErrUnavailable,
// ErrDamaged, ErrBadArchive) so that the page can say what went wrong.
//
// Text is stored as a JavaScript string made from the Go string, which is
// byte for byte only for valid UTF-8: callers pass valid UTF-8 (text that
// came from JavaScript always is).
//
// Every call blocks until IndexedDB answers; call from a goroutine, never
// from inside a js.FuncOf callback, which would deadlock.
package store
