//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTypePreviewProblemsReloadExport walks one keystroke through every layer: typing shows in
// the preview, the problems name the template's placeholders, a reload brings the text back
// from IndexedDB, and the export downloads it byte for byte.
func TestTypePreviewProblemsReloadExport(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	const typed = "Typed by the end-to-end test: ünïcode ✅"

	var problems string
	run(t, ctx,
		chromedp.Navigate(appURL),
		waitReady(),
		chromedp.WaitVisible(`#preview h1`, chromedp.ByQuery),
		chromedp.Text(`#problems`, &problems, chromedp.ByQuery),
	)
	if !strings.Contains(problems, "[Company]") || !strings.Contains(problems, "line 1") {
		t.Fatalf("the Problems region should name the title's placeholder on line 1, it says:\n%s", problems)
	}

	// Type at the very end of the draft, in a paragraph of its own.
	run(t, ctx,
		chromedp.Focus(`.cm-content`, chromedp.ByQuery),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent(kb.Enter),
		chromedp.KeyEvent(kb.Enter),
		chromedp.KeyEvent(typed),
		chromedp.Poll(`document.querySelector('#preview').textContent.includes(`+jsString(typed)+`)`, nil),
	)

	// Clicking the title's problem puts the cursor on line 1.
	run(t, ctx,
		chromedp.Click(`#problems button.cw-goto`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('.cm-activeLine')?.textContent.includes('[Company]')`, nil),
	)

	stored := storedText(t, ctx)
	if !strings.HasSuffix(stored, typed) {
		t.Fatalf("the stored draft should end with the typed text; it ends with %q", tail(stored))
	}

	// A reload brings back exactly what was typed.
	run(t, ctx,
		chromedp.Reload(),
		waitReady(),
		chromedp.WaitVisible(`#preview h1`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('#preview').textContent.includes(`+jsString(typed)+`)`, nil),
	)
	if again := storedText(t, ctx); again != stored {
		t.Fatalf("after a reload the draft differs:\nbefore: %q\nafter:  %q", tail(stored), tail(again))
	}

	// Export Markdown downloads the draft byte for byte.
	got := exportDownload(t, ctx)
	if !bytes.Equal(got, []byte(stored)) {
		t.Fatalf("the exported file differs from the draft: %d bytes exported, %d in the draft", len(got), len(stored))
	}
}

// storedText waits for the autosave to settle and returns the open draft's stored text.
func storedText(t *testing.T, ctx context.Context) string {
	t.Helper()
	var text string
	run(t, ctx,
		chromedp.Poll(`document.querySelector('#save-status').dataset.state === 'saved'`, nil),
		chromedp.Evaluate(`casewright.drafts.list().then(l => casewright.drafts.get(l[0].id)).then(d => d.text)`, &text, awaitPromise),
	)
	return text
}

// exportDownload presses Export Markdown and returns the bytes of the downloaded file.
func exportDownload(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	return downloadFrom(t, ctx, `//button[text()="Export Markdown"]`)
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func tail(s string) string {
	if len(s) > 80 {
		return "…" + s[len(s)-80:]
	}
	return s
}
