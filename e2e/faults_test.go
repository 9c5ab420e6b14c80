//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/debugger"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// previewHas is a condition: the Preview region shows text (it renders the whole draft, where
// CodeMirror draws only the lines in view).
func previewHas(text string) string {
	return `document.querySelector('#preview').textContent.includes(` + jsString(text) + `)`
}

// TestReloadKeepsEveryDraft reloads with two drafts: both are listed and the open one comes back.
func TestReloadKeepsEveryDraft(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx, loadDrafts(), appendText("\n\nFirst draft words."), waitSaved("First draft words."),
		pressButton(buttonNamed("New draft")),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 2`),
		appendText("\n\nSecond draft words."), waitSaved("Second draft words."),
		chromedp.Reload(), loadDrafts(),
		waitUntil(previewHas("Second draft words.")),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 2`),
	)
	if texts := storedTexts(t, ctx); len(texts) != 2 {
		t.Fatalf("both drafts should be stored, found %d", len(texts))
	}
}

// TestCrashKeepsWhatWasSaved kills the browser process right after typing and starts it again on
// the same profile: what the status called Saved before the kill is there.
func TestCrashKeepsWhatWasSaved(t *testing.T) {
	profile := t.TempDir()
	ctx := newBrowser(t, profile)
	const saved = "Saved well before the crash."
	run(t, ctx, loadDrafts(), appendText("\n\n"+saved), waitSaved(saved), appendText(" Typed at the moment of the crash."))
	if err := chromedp.FromContext(ctx).Browser.Process().Kill(); err != nil {
		t.Fatal(err)
	}

	again := newBrowser(t, profile)
	run(t, again, loadDrafts(), waitUntil(previewHas(saved)))
	if stored := storedText(t, again); !strings.Contains(stored, saved) {
		t.Fatalf("the text saved before the crash is lost; the draft ends %q", tail(stored))
	}
}

// TestStorageFullKeepsTheTextAndResumes fills the disk under a large paste and checks that the
// user is told, the text stays and exports, nothing half-written is stored, and saving resumes
// once there is room.
//
// The disk is filled by the page's IndexedDB refusing large writes with the browser's own
// QuotaExceededError: Chromium 156 accepts Storage.overrideQuotaForOrigin (getUsageAndQuota then
// reports the override) but its IndexedDB goes on accepting writes far beyond it.
func TestStorageFullKeepsTheTextAndResumes(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(fullDiskScript).Do(ctx)
			return err
		}),
		loadDrafts(), appendText("\n\nBefore the disk filled."), waitSaved("Before the disk filled."),
	)
	before := storedText(t, ctx)

	big := "\n\n" + strings.Repeat("A large paste that will not fit on the full disk. ", 2_400) + "The end of the paste."
	run(t, ctx,
		chromedp.Evaluate(`window.diskFull = true`, nil),
		appendText(big),
		waitUntil(`document.querySelector('#save-status').dataset.state === 'error'`),
	)
	var status string
	run(t, ctx, chromedp.Text(`#save-status`, &status, chromedp.ByQuery))
	if !strings.Contains(status, "storage is full") {
		t.Fatalf("the status should say the storage is full, it says %q", status)
	}
	run(t, ctx, waitUntil(previewHas("The end of the paste.")))
	if got := string(exportDownload(t, ctx)); got != before+big {
		t.Fatalf("the text should stay in the editor and Export Markdown give all of it: %d bytes exported, %d in the editor", len(got), len(before+big))
	}
	if stored := storedText0(t, ctx); stored != before {
		t.Fatalf("nothing of the refused save should be stored; the stored draft ends %q", tail(stored))
	}

	run(t, ctx, chromedp.Evaluate(`window.diskFull = false`, nil), waitSaved("The end of the paste."))
	if stored := storedText0(t, ctx); stored != before+big {
		t.Fatalf("once there is room the whole text should be stored, %d bytes stored of %d", len(stored), len(before+big))
	}
}

// fullDiskScript makes IndexedDB refuse records over 64 KB, as a full disk does, while
// window.diskFull is true.
const fullDiskScript = `(() => {
	const put = IDBObjectStore.prototype.put;
	IDBObjectStore.prototype.put = function (value, ...rest) {
		if (window.diskFull && JSON.stringify(value).length > 65536) {
			throw new DOMException('The disk is full.', 'QuotaExceededError');
		}
		return put.call(this, value, ...rest);
	};
})();`

// storedText0 reads the open draft as stored, without waiting for the autosave.
func storedText0(t *testing.T, ctx context.Context) string {
	t.Helper()
	var text string
	run(t, ctx, chromedp.Evaluate(openDraftJS+`.then(d => d.text)`, &text, awaitPromise))
	return text
}

// TestWithoutIndexedDBTheEditorStillWorks removes IndexedDB before the page loads, as some
// private modes do: a banner says drafts will not be kept, and editing and export work.
func TestWithoutIndexedDBTheEditorStillWorks(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	const typed = "Written where nothing can be stored."
	run(t, ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(`delete window.indexedDB;`).Do(ctx)
			return err
		}),
		chromedp.Navigate(appURL),
		waitReady(),
		waitUntil(`typeof window.indexedDB === 'undefined'`),
		chromedp.WaitVisible(`#banner`, chromedp.ByQuery),
	)
	var banner, drafts string
	run(t, ctx,
		chromedp.Text(`#banner`, &banner, chromedp.ByQuery),
		chromedp.Text(`#drafts`, &drafts, chromedp.ByQuery),
	)
	if !strings.Contains(banner, "Drafts cannot be kept") || !strings.Contains(drafts, "not kept") {
		t.Fatalf("the banner and the Drafts region should say drafts are not kept; banner %q, region %q", banner, drafts)
	}
	run(t, ctx, appendText("\n\n"+typed), waitUntil(previewHas(typed)))
	if got := string(exportDownload(t, ctx)); !strings.HasSuffix(got, typed) || !strings.HasPrefix(got, "# ") {
		t.Fatalf("Export Markdown should download the edited draft, it ends %q", tail(got))
	}
}

// TestDamagedRecordIsSkippedAndTheRestOpen writes a record that does not decode straight into
// IndexedDB: after a reload the user is told, and every other draft is listed and opens.
func TestDamagedRecordIsSkippedAndTheRestOpen(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx, loadDrafts(),
		chromedp.Evaluate(`casewright.drafts.create({text: '# Healthy One\n\nfine\n'}).then(() => true)`, nil, awaitPromise),
		chromedp.Evaluate(`new Promise((resolve, reject) => {
			const open = indexedDB.open('casewright');
			open.onsuccess = () => {
				const tx = open.result.transaction('summaries', 'readwrite');
				tx.objectStore('summaries').put({id: 'broken-record', title: 42, revision: 'not a number'});
				tx.oncomplete = () => { open.result.close(); resolve(true); };
				tx.onerror = () => reject(tx.error);
			};
			open.onerror = () => reject(open.error);
		})`, nil, awaitPromise),
		chromedp.Reload(), loadDrafts(),
		waitUntil(`document.querySelector('#notice').textContent.includes('damaged')`),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 2`),
		pressButton(`//li[.//span[@class="cw-draft-title"][text()="Healthy One"]]//button[@data-action="open"]`),
		waitUntil(previewHas("fine")),
		pressButton(`//li[.//span[@class="cw-draft-title"][text()="`+templateTitle+`"]]//button[@data-action="open"]`),
		waitUntil(`document.querySelector('#preview h1').textContent.includes('[Company]')`),
	)
	var notice string
	run(t, ctx, chromedp.Text(`#notice`, &notice, chromedp.ByQuery))
	if !strings.Contains(notice, "broken-record") || !strings.Contains(notice, "every other draft is fine") {
		t.Fatalf("the notice should name the damaged record and reassure, it says %q", notice)
	}
}

// TestTwoTabsNeverOverwriteSilently opens one draft in two tabs of one browser. A tab with no
// unsaved edits follows the other's saves; a tab whose unsaved edits meet a newer save asks,
// and each answer (Keep mine, Take theirs) does what it says. Each step brings its tab to the
// front first, as the user switching tabs would.
func TestTwoTabsNeverOverwriteSilently(t *testing.T) {
	one := newBrowser(t, t.TempDir())
	run(t, one, page.BringToFront(), loadDrafts())
	two, closeTwo := chromedp.NewContext(one)
	defer closeTwo()
	run(t, two, page.BringToFront(), loadDrafts())

	// A clean tab follows.
	run(t, one, page.BringToFront(), appendText("\n\nTab one, first words."), waitSaved("Tab one, first words."))
	run(t, two, page.BringToFront(), waitUntil(previewHas("Tab one, first words.")))

	// Tab one has unsaved edits when tab two saves (frozen, as browsers freeze background tabs).
	const mine, theirs = "Mine, from tab one.", "Theirs, from tab two."
	run(t, one, page.BringToFront(), appendText("\n\n"+mine), page.SetWebLifecycleState(page.SetWebLifecycleStateStateFrozen))
	run(t, two, page.BringToFront(), appendText("\n\n"+theirs), waitSaved(theirs))
	run(t, one,
		page.SetWebLifecycleState(page.SetWebLifecycleStateStateActive),
		chromedp.WaitVisible(`dialog.cw-conflict[open]`, chromedp.ByQuery),
	)
	if stored := storedText0(t, one); !strings.Contains(stored, theirs) || strings.Contains(stored, mine) {
		t.Fatalf("before the user chooses, the stored draft must be tab two's; it ends %q", tail(stored))
	}
	run(t, one,
		pressButton(buttonNamed("Keep mine")),
		waitSaved(mine),
	)
	if stored := storedText0(t, one); strings.Contains(stored, theirs) {
		t.Fatalf("Keep mine stores tab one's text; the stored draft ends %q", tail(stored))
	}
	run(t, two, page.BringToFront(), waitUntil(previewHas(mine)), waitUntil(`!`+previewHas(theirs)))

	// The other way round, answered with Take theirs.
	const dropped, kept = "Tab two's edit, to be dropped.", "Tab one wins this one."
	run(t, two, page.BringToFront(), appendText("\n\n"+dropped), holdScripts())
	run(t, one, page.BringToFront(), appendText("\n\n"+kept), waitSaved(kept))
	run(t, two, page.BringToFront(), releaseScripts(),
		chromedp.WaitVisible(`dialog.cw-conflict[open]`, chromedp.ByQuery),
		pressButton(buttonNamed("Take theirs")),
		waitUntil(previewHas(kept)),
		waitUntil(`!`+previewHas(dropped)),
		waitUntil(`document.querySelector('#save-status').dataset.state === 'saved'`),
	)
	if stored := storedText0(t, two); !strings.Contains(stored, kept) || strings.Contains(stored, dropped) {
		t.Fatalf("Take theirs keeps tab one's text stored; the stored draft ends %q", tail(stored))
	}
}

// holdScripts stops the page's scripts at their next statement, before its autosave timer can
// write; releaseScripts lets them go on.
func holdScripts() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if _, err := debugger.Enable().Do(ctx); err != nil {
			return err
		}
		return debugger.Pause().Do(ctx)
	})
}

func releaseScripts() chromedp.Action {
	return chromedp.Tasks{debugger.Resume(), debugger.Disable()}
}
