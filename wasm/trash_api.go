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
// Restoring goes through the workspace's restore; purging happens at start (trashKeep).
func (s *session) trashAPI() js.Value {
	return js.ValueOf(map[string]any{
		"list": js.FuncOf(func(js.Value, []js.Value) any {
			return promise(func() (any, error) {
				if s.drafts == nil {
					return nil, errNoStorage
				}
				trash, err := s.drafts.Trash(context.Background())
				if err != nil && !errors.Is(err, store.ErrDamaged) {
					return nil, err
				}
				out := make([]trashedJSON, len(trash))
				for i, d := range trash {
					out[i] = trashedJSON{draftJSON: summaryJSON(d), Deleted: d.Deleted.UTC().Format(time.RFC3339Nano)}
				}
				return jsonString(out), nil
			})
		}),
	})
}
