//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const templateTitle = "[Company] [System Name] Architecture"

// TestDraftsPanelNewOpenRenameDuplicateDeleteUndo drives every command of the Drafts region and
// checks what the region and the editor show after each, then that a reload reopens the draft
// open last.
func TestDraftsPanelNewOpenRenameDuplicateDeleteUndo(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx, loadDrafts())
	if rows := draftRows(t, ctx); len(rows) != 1 || !strings.Contains(rows[0], templateTitle) ||
		!strings.Contains(rows[0], "% complete") || !strings.Contains(rows[0], "edited just now") {
		t.Fatalf("a first start lists one draft from the template with its time and completeness, the region lists %q", rows)
	}

	// Rename the open draft: its H1 changes, and with it the row and the preview.
	run(t, ctx,
		pressButton(buttonNamed("Rename “"+templateTitle+"”")),
		chromedp.WaitVisible(`input.cw-draft-rename`, chromedp.ByQuery),
		chromedp.SetValue(`input.cw-draft-rename`, "Acme Payments Architecture", chromedp.ByQuery),
		chromedp.SendKeys(`input.cw-draft-rename`, kb.Enter, chromedp.ByQuery),
		waitUntil(`document.querySelector('#preview h1')?.textContent.includes('Acme Payments Architecture')`),
		waitUntil(`document.querySelector('#drafts li[aria-current] .cw-draft-title').textContent === 'Acme Payments Architecture'`),
		waitSaved("# Acme Payments Architecture"),
	)

	// New draft: a second row, open, from the template, with an undo history of its own.
	run(t, ctx,
		pressButton(buttonNamed("New draft")),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 2`),
		waitUntil(`document.querySelector('#drafts li[aria-current] .cw-draft-title').textContent === `+jsString(templateTitle)),
		waitUntil(`document.querySelector('#preview h1').textContent.includes('[Company]')`),
		chromedp.Focus(`.cm-content`, chromedp.ByQuery),
		chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)),
	)
	if first := editorFirstLine(t, ctx); first != "# "+templateTitle {
		t.Fatalf("Undo in a new draft must not reach the previous draft's edits; the first line became %q", first)
	}

	// Open the renamed draft from the list.
	run(t, ctx,
		pressButton(`//li[.//span[@class="cw-draft-title"][text()="Acme Payments Architecture"]]//button[@data-action="open"]`),
		waitUntil(`document.querySelector('#preview h1').textContent.includes('Acme Payments Architecture')`),
		waitUntil(`document.querySelector('#drafts li[aria-current] .cw-draft-title').textContent === 'Acme Payments Architecture'`),
	)

	// Duplicate it: the copy is named in its own H1.
	run(t, ctx,
		pressButton(buttonNamed("Duplicate “Acme Payments Architecture”")),
		waitUntil(`[...document.querySelectorAll('#drafts .cw-draft-title')].some(e => e.textContent === 'Acme Payments Architecture (copy)')`),
	)

	// Delete the copy, then Undo.
	run(t, ctx,
		pressButton(buttonNamed("Delete “Acme Payments Architecture (copy)”")),
		waitUntil(`document.querySelector('#notice').textContent.includes('Deleted “Acme Payments Architecture (copy)”')`),
		waitUntil(`![...document.querySelectorAll('#drafts .cw-draft-title')].some(e => e.textContent.endsWith('(copy)'))`),
		pressButton(`//*[@id="notice"]//button[text()="Undo"]`),
		waitUntil(`[...document.querySelectorAll('#drafts .cw-draft-title')].some(e => e.textContent === 'Acme Payments Architecture (copy)')`),
	)

	// Delete the open draft: the editor moves to another draft; Undo brings it back to the list.
	run(t, ctx,
		pressButton(buttonNamed("Delete “Acme Payments Architecture”")),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 2`),
		waitUntil(`!document.querySelector('#preview h1').textContent.endsWith('Acme Payments Architecture')`),
		pressButton(`//*[@id="notice"]//button[text()="Undo"]`),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 3`),
	)
	var openTitle string
	run(t, ctx, chromedp.Text(`#drafts li[aria-current] .cw-draft-title`, &openTitle, chromedp.ByQuery))

	// A reload opens the draft that was open last.
	run(t, ctx,
		chromedp.Reload(),
		loadDrafts(),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 3`),
	)
	var reopened string
	run(t, ctx, chromedp.Text(`#drafts li[aria-current] .cw-draft-title`, &reopened, chromedp.ByQuery))
	if reopened != openTitle {
		t.Fatalf("a reload should reopen %q, the draft open last; it opened %q", openTitle, reopened)
	}
}

// TestImportMarkdownOpensItAsANewDraft imports a .md file through the Import button's file input.
func TestImportMarkdownOpensItAsANewDraft(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	text := "# Imported Ledger Architecture\n\nÜnïcode prose ✅ and a trailing space \n"
	file := writeTemp(t, "ledger.md", []byte(text))
	run(t, ctx,
		loadDrafts(),
		chromedp.SetUploadFiles(`#import-file`, []string{file}, chromedp.ByQuery),
		waitUntil(`document.querySelector('#notice').textContent.includes('Imported “ledger.md” as a new draft')`),
		waitUntil(`document.querySelector('#drafts li[aria-current] .cw-draft-title')?.textContent === 'Imported Ledger Architecture'`),
		waitUntil(`document.querySelector('#preview h1').textContent.includes('Imported Ledger Architecture')`),
	)
	if rows := draftRows(t, ctx); len(rows) != 2 {
		t.Fatalf("the import adds one draft to the one there was, the region lists %q", rows)
	}
	if got := string(exportDownload(t, ctx)); got != text {
		t.Fatalf("the imported draft should export byte for byte:\n got %q\nwant %q", got, text)
	}
}

// TestImportRefusesFilesThatAreNotUTF8TextOrTooLarge checks each refusal: the message says why
// and the drafts and the editor stay as they were.
func TestImportRefusesFilesThatAreNotUTF8TextOrTooLarge(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx, loadDrafts())
	before := draftRows(t, ctx)
	firstLine := editorFirstLine(t, ctx)
	for _, tc := range []struct {
		file string
		data []byte
		why  string
	}{
		{"diagram.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "not a text file"},
		{"latin1.md", []byte("# Caf\xe9 Architecture\n"), "not UTF-8 text"},
		{"huge.md", []byte(strings.Repeat("# big\n", (5<<20)/6+1)), "up to 5 MB"},
		{"notes.json", []byte(`{"some": "json"}`), "not a Casewright drafts archive"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := writeTemp(t, tc.file, tc.data)
			run(t, ctx,
				chromedp.Evaluate(`document.querySelector('#notice').hidden = true`, nil),
				chromedp.SetUploadFiles(`#import-file`, []string{path}, chromedp.ByQuery),
				waitUntil(`!document.querySelector('#notice').hidden`),
			)
			var notice string
			run(t, ctx, chromedp.Text(`#notice`, &notice, chromedp.ByQuery))
			if !strings.Contains(notice, "“"+tc.file+"” was not imported") || !strings.Contains(notice, tc.why) {
				t.Fatalf("the notice should say %q was refused because %q, it says %q", tc.file, tc.why, notice)
			}
			if after := draftRows(t, ctx); strings.Join(after, "\n") != strings.Join(before, "\n") {
				t.Fatalf("a refused import must leave the drafts as they were:\nbefore %q\nafter  %q", before, after)
			}
			if line := editorFirstLine(t, ctx); line != firstLine {
				t.Fatalf("a refused import must leave the editor as it was; its first line became %q", line)
			}
		})
	}
}

// TestArchiveRoundTrip exports every draft as one archive and imports it into a browser with no
// drafts: every draft comes back byte for byte.
func TestArchiveRoundTrip(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	texts := []string{
		"# Alpha Architecture\n\nfirst ✅\n",
		"# Beta Architecture\r\n\r\nCRLF lines, <html> & \"quotes\"\r\n",
		"No title at all, emoji 🚀 and \u00a0 spaces   \n\n\n",
	}
	run(t, ctx, loadDrafts())
	for _, text := range texts {
		run(t, ctx, chromedp.Evaluate(`casewright.drafts.create({text: `+jsString(text)+`}).then(() => true)`, nil, awaitPromise))
	}
	want := storedTexts(t, ctx)
	if len(want) != len(texts)+1 {
		t.Fatalf("expected %d drafts before the export, found %d", len(texts)+1, len(want))
	}
	archive := downloadFrom(t, ctx, buttonNamed("Export all drafts"))
	path := writeTemp(t, "drafts.json", archive)

	fresh := newBrowser(t, t.TempDir())
	run(t, fresh,
		loadDrafts(),
		chromedp.SetUploadFiles(`#import-file`, []string{path}, chromedp.ByQuery),
		waitUntil(`document.querySelector('#notice').textContent.includes('Imported 4 drafts')`),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 5`),
	)
	got := storedTexts(t, fresh)
	for id, text := range want {
		if got[id] != text {
			t.Errorf("draft %s came back as %q, want %q", id, got[id], text)
		}
	}
}

// TestHistoryViewAndRestore keeps a version, edits, views the version read-only and restores it;
// the text it replaced becomes a version of its own (beside the template's, kept by the first save).
func TestHistoryViewAndRestore(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	const kept, later = "Kept paragraph alpha.", "Later paragraph beta."
	run(t, ctx, loadDrafts(), appendText("\n\n"+kept), waitSaved(kept),
		pressButton(buttonNamed("History")),
		pressButton(buttonNamed("Save a version now")),
		chromedp.WaitVisible(`//ol[@class="cw-snapshots"]//button[text()="Restore"]`, chromedp.BySearch),
		pressButton(buttonNamed("Close")),
		appendText("\n\n"+later), waitSaved(later),
		pressButton(buttonNamed("History")),
		pressButton(`//ol[@class="cw-snapshots"]/li[1]//button[text()="View"]`),
		chromedp.WaitVisible(`dialog.cw-history pre.cw-snapshot-text`, chromedp.ByQuery),
	)
	var version string
	run(t, ctx, chromedp.Text(`dialog[open] pre.cw-snapshot-text`, &version, chromedp.ByQuery))
	if !strings.Contains(version, kept) || strings.Contains(version, later) {
		t.Fatalf("the kept version should hold the first paragraph only, it ends %q", tail(version))
	}
	run(t, ctx,
		pressButton(`//ol[@class="cw-snapshots"]/li[1]//button[text()="Restore"]`),
		waitUntil(`document.querySelector('#notice').textContent.includes('Restored the version')`),
		waitUntil(`!document.querySelector('#preview').textContent.includes(`+jsString(later)+`)`),
		waitUntil(`document.querySelector('#preview').textContent.includes(`+jsString(kept)+`)`),
		pressButton(buttonNamed("History")),
		waitUntil(`document.querySelectorAll('dialog[open] .cw-snapshots button[aria-label^="Restore"]').length === 3`),
		pressButton(`//ol[@class="cw-snapshots"]/li[1]//button[text()="View"]`),
		waitUntil(`document.querySelector('dialog[open] pre.cw-snapshot-text').textContent.includes(`+jsString(later)+`)`),
	)
	if stored := storedText(t, ctx); strings.Contains(stored, later) || !strings.Contains(stored, kept) {
		t.Fatalf("after the restore the stored draft should be the kept version, it ends %q", tail(stored))
	}
}

// loadDrafts loads the app and waits until the Drafts region lists the open draft.
func loadDrafts() chromedp.Action {
	return chromedp.Tasks{
		chromedp.Navigate(appURL),
		waitReady(),
		chromedp.WaitVisible(`#drafts li[aria-current]`, chromedp.ByQuery),
		storageComplete(),
	}
}

// storageComplete waits for the Storage region's controls, which arrive after ready: the
// region is aria-busy until then.
func storageComplete() chromedp.Action {
	return waitUntil(`document.querySelector('#storage:not([aria-busy])') !== null`)
}

// buttonNamed is an XPath for a button by its accessible name: its aria-label, else its text.
func buttonNamed(name string) string {
	q := `"` + name + `"`
	return `//button[@aria-label=` + q + ` or (not(@aria-label) and normalize-space(.)=` + q + `)]`
}

// pressButton moves the focus to the button at the XPath sel and presses Enter, as a keyboard
// user does; unlike a mouse click it cannot land on a neighbour while a panel scrolls.
func pressButton(sel string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.WaitVisible(sel, chromedp.BySearch),
		chromedp.Focus(sel, chromedp.BySearch),
		chromedp.KeyEvent(kb.Enter),
	}
}

// waitUntil waits until a JavaScript condition (it may be a promise) holds, checking every 50 ms.
func waitUntil(condition string) chromedp.Action {
	return chromedp.Evaluate(`(async () => {
		while (!(await (async () => `+condition+`)())) await new Promise((r) => setTimeout(r, 50));
		return true;
	})()`, nil, awaitPromise)
}

// openDraftJS is the stored open draft, as a promise.
const openDraftJS = `casewright.drafts.get(document.querySelector('#drafts li[aria-current]').dataset.id)`

// waitSaved waits until the status says Saved and the stored open draft holds text.
func waitSaved(text string) chromedp.Action {
	return waitUntil(`document.querySelector('#save-status').dataset.state === 'saved' &&
		(await ` + openDraftJS + `).text.includes(` + jsString(text) + `)`)
}

// appendText types text at the end of the draft, as a paste would insert it.
func appendText(text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Focus(`.cm-content`, chromedp.ByQuery),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		input.InsertText(text),
	}
}

// draftRows returns the text of every row of the Drafts region.
func draftRows(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var rows []string
	run(t, ctx, chromedp.Evaluate(`[...document.querySelectorAll('#drafts li[data-id]')].map(li => li.textContent)`, &rows))
	return rows
}

func editorFirstLine(t *testing.T, ctx context.Context) string {
	t.Helper()
	var line string
	run(t, ctx, chromedp.Evaluate(`document.querySelector('.cm-content .cm-line').textContent`, &line))
	return line
}

// storedTexts returns every stored draft's text by id.
func storedTexts(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	var out string
	run(t, ctx, chromedp.Evaluate(`casewright.drafts.list()
		.then(l => Promise.all(l.map(d => casewright.drafts.get(d.id))))
		.then(ds => JSON.stringify(Object.fromEntries(ds.map(d => [d.id, d.text]))))`, &out, awaitPromise))
	texts := map[string]string{}
	if err := json.Unmarshal([]byte(out), &texts); err != nil {
		t.Fatal(err)
	}
	return texts
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// downloadFrom presses the button at the XPath sel and returns the bytes of the file it downloads.
// It presses by keyboard, not by a click at coordinates, so a panel that grows while the page
// settles cannot move the button from under the pointer.
func downloadFrom(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	return downloadBy(t, ctx, pressButton(sel))
}

// downloadBy runs action and returns the bytes of the file it downloads.
func downloadBy(t *testing.T, ctx context.Context, action chromedp.Action) []byte {
	t.Helper()
	dir := t.TempDir()
	done := make(chan string, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*browser.EventDownloadProgress); ok && e.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- e.GUID:
			default: // a later download of the same page: not this call's
			}
		}
	})
	run(t, ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).
			WithDownloadPath(dir).WithEventsEnabled(true),
		action,
	)
	select {
	case guid := <-done:
		data, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil {
			t.Fatal(err)
		}
		return data
	case <-ctx.Done():
		t.Fatal("the download never finished")
	case <-time.After(time.Minute):
		t.Fatal("the download never finished: no file a minute after asking for it")
	}
	return nil
}

// BenchmarkDraftsInThePage measures, in the built page, what the drafts panel's user feels:
// saving a 100 KB draft through window.casewright.drafts.save (which also validates it for the
// completeness it stores), listing 1,000 drafts, and the IndexedDB bytes per draft with history
// (100 drafts of about 10 KB with 5 snapshots each, imported as an archive). Run with
// `go test -tags e2e -run '^$' -bench DraftsInThePage ./e2e/`.
func BenchmarkDraftsInThePage(b *testing.B) {
	ctx := newBrowserB(b)
	archive := benchArchive(100, 10<<10, 5)
	path := filepath.Join(b.TempDir(), "bench.json")
	if err := os.WriteFile(path, archive, 0o644); err != nil {
		b.Fatal(err)
	}
	var before, after float64
	var saveMS, listMS []float64
	step := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(context.Context) error { b.Logf("%s: %s", time.Now().Format("15:04:05"), name); return nil })
	}
	err := chromedp.Run(ctx,
		loadDrafts(), step("loaded"),
		chromedp.Evaluate(`navigator.storage.estimate().then(e => e.usageDetails.indexedDB || 0)`, &before, awaitPromise),
		chromedp.SetUploadFiles(`#import-file`, []string{path}, chromedp.ByQuery),
		waitUntil(`document.querySelector('#notice').textContent.includes('Imported 100 drafts')`),
		chromedp.Evaluate(`navigator.storage.estimate().then(e => e.usageDetails.indexedDB || 0)`, &after, awaitPromise),
		step("imported"),
		chromedp.Evaluate(`(async () => {
			const words = 'the service writes events to a queue and a worker reads them back écrit 🚀 '.split(' ');
			const text = (n) => { let s = '# Bench\n\n'; while (s.length < 100 * 1024) s += words[(s.length * 7 + n) % words.length] + ' '; return s; };
			const d = await casewright.drafts.create({text: text(0)});
			const times = [];
			for (let i = 1; i <= 30; i++) {
				const t0 = performance.now();
				await casewright.drafts.save(d.id, text(i));
				times.push(performance.now() - t0);
			}
			return times;
		})()`, &saveMS, awaitPromise),
		step("saved"),
		chromedp.Evaluate(`(async () => {
			for (let i = (await casewright.drafts.list()).length; i < 1000; i++) await casewright.drafts.create({text: '# Draft ' + i + '\n\nbody\n'});
			const times = [];
			for (let i = 0; i < 20; i++) {
				const t0 = performance.now();
				const l = await casewright.drafts.list();
				times.push(performance.now() - t0);
				if (l.length < 1000) throw new Error('only ' + l.length + ' drafts');
			}
			return times;
		})()`, &listMS, awaitPromise),
	)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
	b.ReportMetric(median(saveMS), "ms-save-100KB-median")
	b.ReportMetric(median(listMS), "ms-list-1000-median")
	b.ReportMetric((after-before)/100, "bytes-per-draft-10KB+5-snapshots")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// benchArchive is a drafts archive of n drafts of about size bytes, each with snapshots versions.
func benchArchive(n, size, snapshots int) []byte {
	type snap struct {
		ID    int    `json:"id"`
		Taken string `json:"taken"`
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	type draft struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		Created string `json:"created"`
		Updated string `json:"updated"`
		Text    string `json:"text"`
		History []snap `json:"history"`
	}
	body := func(i, v int) string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "# Draft %d\n\n", i)
		for w := 0; sb.Len() < size; w++ {
			fmt.Fprintf(&sb, "word%d-%d ", (w*31+i+v)%997, v)
		}
		return sb.String()
	}
	drafts := make([]draft, n)
	for i := range drafts {
		d := draft{ID: fmt.Sprintf("bench-%d", i), Title: fmt.Sprintf("Draft %d", i),
			Created: "2026-01-01T00:00:00Z", Updated: "2026-01-02T00:00:00Z", Text: body(i, 0)}
		for v := 1; v <= snapshots; v++ {
			d.History = append(d.History, snap{ID: v, Taken: "2026-01-01T00:00:00Z", Title: d.Title, Text: body(i, v)})
		}
		drafts[i] = d
	}
	data, _ := json.Marshal(map[string]any{"format": "casewright-drafts", "version": 1, "exported": "2026-01-02T00:00:00Z", "drafts": drafts})
	return data
}

// newBrowserB is newBrowser for a benchmark.
func newBrowserB(b *testing.B) context.Context {
	b.Helper()
	chrome := os.Getenv("CASEWRIGHT_CHROME")
	if chrome == "" {
		b.Skip("CASEWRIGHT_CHROME is not set")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.UserDataDir(b.TempDir()))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, _ := chromedp.NewContext(allocCtx)
	if err := chromedp.Run(browserCtx); err != nil {
		cancelAlloc()
		b.Fatalf("starting Chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, 5*time.Minute)
	b.Cleanup(func() { cancelTimeout(); chromedp.Cancel(browserCtx); cancelAlloc() })
	return ctx
}
