//go:build js && wasm

package main

import (
	"context"
	"errors"
	"syscall/js"
	"time"

	"casewright/wasm/store"
)

// errNoStorage is what the drafts API answers when IndexedDB cannot be used.
var errNoStorage = errors.New("drafts cannot be kept in this browser: IndexedDB is unavailable")

// draftJSON is a draft as the page's drafts API gives it.
type draftJSON struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Created      string  `json:"created"`
	Updated      string  `json:"updated"`
	Completeness float64 `json:"completeness"`
	Revision     int     `json:"revision"`
	Text         *string `json:"text,omitempty"`
}

func summaryJSON(s store.Summary) draftJSON {
	return draftJSON{
		ID: s.ID, Title: s.Title, Completeness: s.Completeness, Revision: s.Revision,
		Created: s.Created.UTC().Format(time.RFC3339Nano), Updated: s.Updated.UTC().Format(time.RFC3339Nano),
	}
}

func fullJSON(d store.Draft) draftJSON {
	j := summaryJSON(d.Summary)
	j.Text = &d.Text
	return j
}

// draftsAPI is window.casewright.drafts, each function a promise of JSON.
func (s *session) draftsAPI() js.Value {
	call := func(fn func(ctx context.Context, args []js.Value) (any, error)) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any {
			return promise(func() (any, error) {
				if s.drafts == nil {
					return nil, errNoStorage
				}
				v, err := fn(context.Background(), args)
				if err != nil {
					return nil, err
				}
				return jsonString(v), nil
			})
		})
	}
	return js.ValueOf(map[string]any{
		"list": call(func(ctx context.Context, _ []js.Value) (any, error) {
			list, err := s.drafts.List(ctx)
			if err != nil && !errors.Is(err, store.ErrDamaged) {
				return nil, err
			}
			out := make([]draftJSON, len(list))
			for i, d := range list {
				out[i] = summaryJSON(d)
			}
			return out, nil
		}),
		"get": call(func(ctx context.Context, args []js.Value) (any, error) {
			d, err := s.drafts.Get(ctx, args[0].String())
			return fullJSON(d), err
		}),
		"create": call(func(ctx context.Context, args []js.Value) (any, error) {
			title, text := args[0].String(), args[1].String()
			if title == "" {
				title = store.Title(text)
			}
			d, err := s.drafts.Create(ctx, title, text)
			return fullJSON(d), err
		}),
		"save": call(func(ctx context.Context, args []js.Value) (any, error) {
			id, text := args[0].String(), args[1].String()
			current, err := s.drafts.Get(ctx, id)
			if err != nil {
				return nil, err
			}
			d, err := s.drafts.Save(ctx, id, text, store.Title(text), s.core.tpl.Check([]byte(text)).Completeness.Ratio, current.Revision)
			return fullJSON(d), err
		}),
		"remove": call(func(ctx context.Context, args []js.Value) (any, error) {
			return true, s.drafts.Remove(ctx, args[0].String())
		}),
	})
}
