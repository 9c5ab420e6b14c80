//go:build js && wasm

package main

import (
	"context"
	"runtime"

	"casewright/wasm/store"
)

// opening is the drafts database being opened in the background: the browser opens it on a
// thread of its own while the core parses the template, instead of after.
type opening chan openResult

type openResult struct {
	drafts *store.Store
	err    error
}

// openInBackground sends the request to open database name, and returns at once.
func openInBackground(ctx context.Context, name string) opening {
	o := make(opening, 1)
	go func() {
		drafts, err := store.Open(ctx, name)
		o <- openResult{drafts, err}
	}()
	runtime.Gosched() // the goroutine runs until it waits on the browser, with its request sent
	return o
}

// wait returns the open database, or why it could not be opened.
func (o opening) wait() (*store.Store, error) {
	r := <-o
	return r.drafts, r.err
}

// discard closes the database once it is open, for a mount that failed before using it.
func (o opening) discard() {
	go func() {
		if r := <-o; r.err == nil {
			r.drafts.Close()
		}
	}()
}
