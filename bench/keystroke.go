package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// keystrokeResult is the keystroke path on one document: from the keydown event to the end of
// the diagnostics dispatch after the update (total), and three shares of it, in milliseconds:
// the browser's and the editor's input handling before the document changes (input), the Go
// side of session.update (core), and the dispatch that shows the problems (diagnostics).
type keystrokeResult struct {
	Doc         string  `json:"doc"`
	Total       summary `json:"total"`
	Input       summary `json:"input"`
	Core        summary `json:"core"`
	Diagnostics summary `json:"diagnostics"`
}

// typingResult is a stretch of steady typing on the large document: how long the page ever
// stopped responding (long tasks are tasks over 50 ms) and the slowest keystroke.
type typingResult struct {
	Doc           string  `json:"doc"`
	Seconds       float64 `json:"seconds"`
	Keys          int     `json:"keys"`
	LongTasks     int     `json:"longTasks"`
	LongestTaskMs float64 `json:"longestTaskMs"`
	Keystroke     summary `json:"keystroke"`
	// Slow are the keystrokes over 50 ms, in order, with when they came (ms since typing began).
	Slow []keystrokeSample `json:"slow"`
}

// sentence is what the harness types: letters and spaces, which no editor feature rewrites.
const sentence = "the quick brown fox jumps over the lazy dog "

// keystrokeSample is one timed keystroke, as page/keystroke.js records it.
type keystrokeSample struct {
	At          float64 `json:"at"`
	Total       float64 `json:"total"`
	Core        float64 `json:"core"`
	Input       float64 `json:"input"`
	Diagnostics float64 `json:"diagnostics"`
}

// measureKeystrokes types o.keys characters into the middle of each document, one key after
// the frame that shows the last, then types steadily into the last (largest) document for
// o.typing.
func measureKeystrokes(ctx context.Context, o options, url string, docs []document) ([]keystrokeResult, typingResult, error) {
	var results []keystrokeResult
	var typing typingResult
	b, err := newBrowser(ctx, o.chrome)
	if err != nil {
		return nil, typing, err
	}
	defer b.close()
	if _, err := b.open(url); err != nil {
		return nil, typing, err
	}
	if err := b.run(time.Minute, chromedp.Evaluate(keystrokeScript, nil)); err != nil {
		return nil, typing, fmt.Errorf("installing the keystroke timer: %w", err)
	}
	for _, doc := range docs {
		if err := loadDocument(b, doc.text); err != nil {
			return nil, typing, err
		}
		profile := o.cpuProfile != "" && doc == docs[len(docs)-1]
		if profile {
			if err := startProfile(b); err != nil {
				return nil, typing, err
			}
		}
		var t *trace
		if o.trace && doc == docs[len(docs)-1] {
			if t, err = startTrace(b); err != nil {
				return nil, typing, err
			}
		}
		samples, _, err := typeKeys(b, o.keys, 0)
		if err != nil {
			return nil, typing, fmt.Errorf("%s: %w", doc.name, err)
		}
		if t != nil {
			if err := t.stop(b, len(samples), os.Stderr); err != nil {
				return nil, typing, err
			}
		}
		if profile {
			if err := stopProfile(b, o.cpuProfile, os.Stderr); err != nil {
				return nil, typing, err
			}
		}
		results = append(results, keystrokeResult{
			Doc:         doc.name,
			Total:       summarize(field(samples, func(s keystrokeSample) float64 { return s.Total })),
			Input:       summarize(field(samples, func(s keystrokeSample) float64 { return s.Input })),
			Core:        summarize(field(samples, func(s keystrokeSample) float64 { return s.Core })),
			Diagnostics: summarize(field(samples, func(s keystrokeSample) float64 { return s.Diagnostics })),
		})
	}
	last := docs[len(docs)-1]
	if o.typing > 0 {
		if err := loadDocument(b, last.text); err != nil {
			return nil, typing, err
		}
		start := time.Now()
		samples, longTasks, err := typeKeys(b, 0, o.typing)
		if err != nil {
			return nil, typing, fmt.Errorf("steady typing: %w", err)
		}
		totals := field(samples, func(s keystrokeSample) float64 { return s.Total })
		typing = typingResult{Doc: last.name, Seconds: time.Since(start).Seconds(), Keys: len(samples),
			LongTasks: len(longTasks), Keystroke: summarize(totals)}
		for _, d := range longTasks {
			typing.LongestTaskMs = max(typing.LongestTaskMs, d)
		}
		for _, k := range samples {
			if k.Total > 50 {
				k.At -= samples[0].At
				typing.Slow = append(typing.Slow, k)
			}
		}
	}
	return results, typing, nil
}

// loadDocument replaces the open draft's text the way a paste does, waits for the page to
// draw the document's diagrams (mermaid.js marks those it has yet to draw as pending) and for
// the editor's aids, which show the problems in the text (their gutter), and puts the cursor
// in the middle of the document.
func loadDocument(b *browser, text string) error {
	err := b.run(5*time.Minute, // 60 diagrams to draw: slow on a busy machine
		chromedp.Focus(`.cm-content`, chromedp.ByQuery),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)),
		input.InsertText(text),
		chromedp.Poll(fmt.Sprintf(`window.__cwKeys.view.state.doc.length === %d`, len(utf16.Encode([]rune(text)))), nil),
		chromedp.Poll(`!document.querySelector('#preview pre.mermaid[data-cw-diagram="pending"]')`, nil),
		chromedp.Poll(`!!document.querySelector('.cm-gutter-lint')`, nil),
		chromedp.Evaluate(`window.__cwKeys.cursorInMiddle()`, nil),
	)
	if err != nil {
		return fmt.Errorf("loading the document: %w", err)
	}
	return nil
}

// typeKeys types keys characters, or for the duration when keys is 0, each once the page has
// drawn the previous one, and returns the timed keystrokes and the long tasks seen.
func typeKeys(b *browser, keys int, duration time.Duration) ([]keystrokeSample, []float64, error) {
	if err := b.run(time.Minute, chromedp.Evaluate(`window.__cwKeys.reset()`, nil)); err != nil {
		return nil, nil, err
	}
	deadline := time.Now().Add(duration)
	for i := 0; keys > 0 && i < keys || keys == 0 && time.Now().Before(deadline); i++ {
		err := b.run(time.Minute,
			pressKey(rune(sentence[i%len(sentence)])),
			chromedp.Evaluate(fmt.Sprintf(`window.__cwKeys.settled(%d)`, i+1), nil, awaitPromise),
		)
		if err != nil {
			var state string
			_ = b.run(10*time.Second, chromedp.Evaluate(`window.__cwKeys.state()`, &state))
			return nil, nil, fmt.Errorf("keystroke %d: %w (the page: %s)", i+1, err, state)
		}
	}
	var out struct {
		Samples   []keystrokeSample `json:"samples"`
		LongTasks []float64         `json:"longTasks"`
	}
	var raw json.RawMessage
	if err := b.run(time.Minute, chromedp.Evaluate(`window.__cwKeys.results()`, &raw)); err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, nil, err
	}
	return out.Samples, out.LongTasks, nil
}

// field returns one figure of every sample, leaving out the samples that lack it (negative:
// the core's measure was not found).
func field(samples []keystrokeSample, of func(keystrokeSample) float64) []float64 {
	var out []float64
	for _, s := range samples {
		if v := of(s); v >= 0 {
			out = append(out, v)
		}
	}
	return out
}

// pressKey presses and releases the key that types r, the way a keyboard does: one keyDown
// event that carries the text, then keyUp. (chromedp.KeyEvent sends the text in a separate
// "char" event, one more round trip to the browser between the keydown and the text, which
// would be timed as if it were the page's.)
func pressKey(r rune) chromedp.ActionFunc {
	return func(ctx context.Context) error {
		k, ok := kb.Keys[r]
		if !ok || !k.Print {
			return fmt.Errorf("no printable key types %q", r)
		}
		down := input.DispatchKeyEvent(input.KeyDown).WithKey(k.Key).WithCode(k.Code).
			WithWindowsVirtualKeyCode(k.Windows).WithNativeVirtualKeyCode(k.Native).
			WithText(k.Text).WithUnmodifiedText(k.Unmodified)
		if k.Shift {
			down = down.WithModifiers(input.ModifierShift)
		}
		if err := down.Do(ctx); err != nil {
			return err
		}
		up := *down
		up.Type, up.Text, up.UnmodifiedText = input.KeyUp, "", ""
		return up.Do(ctx)
	}
}
