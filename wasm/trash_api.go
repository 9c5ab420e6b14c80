//go:build js && wasm

package main

import (
	"context"
	"errors"
	"syscall/js"
	"time"

	"casewright/wasm/store"
)

// trashedJSON is a draft in the trash as the page's Trash view lists it.
type trashedJSON struct {
	draftJSON
	Deleted string `json:"deleted"`
}

// trashAPI is what the page's Trash view calls: list the trash, each a promise of JSON.
// Restoring goes through the workspace's restore; purging happens at start (trashKeep), and
// the list waits for it.
func (s *session) trashAPI() js.Value {
	return js.ValueOf(map[string]any{
		"list": s.storeCall(func(ctx context.Context, _ []js.Value) (pageJSON, error) {
			select {
			case <-s.purged:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			trash, err := s.drafts.Trash(ctx)
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			out := make([]trashedJSON, len(trash))
			for i, d := range trash {
				out[i] = trashedJSON{draftJSON: summaryJSON(d), Deleted: d.Deleted.UTC().Format(time.RFC3339Nano)}
			}
			return jsonList[trashedJSON](out), nil
		}),
	})
}
