//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const day = 24 * 60 * 60 * 1000 // ms

// controllableClock moves the page's clock (Date.now and new Date, which the app and the Go
// core read) by the offset in localStorage's "e2e-clock-offset", in ms, from the first script on.
func controllableClock() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`(() => {
			const RealDate = Date;
			const offset = () => { try { return Number(localStorage.getItem('e2e-clock-offset')) || 0; } catch { return 0; } };
			class ShiftedDate extends RealDate {
				constructor(...args) { if (args.length === 0) super(RealDate.now() + offset()); else super(...args); }
				static now() { return RealDate.now() + offset(); }
			}
			globalThis.Date = ShiftedDate;
		})()`).Do(ctx)
		return err
	})
}

// setClock sets the page's clock offset (ms) for the next load.
func setClock(offset int64) chromedp.Action {
	return chromedp.Evaluate(`localStorage.setItem('e2e-clock-offset', String(`+jsonNumber(offset)+`)); true`, nil)
}

func jsonNumber(n int64) string { b, _ := json.Marshal(n); return string(b) }

// wipe leaves the app and clears the site's storage of the given types, as the browser's
// housekeeping or a "clear site data" does.
func wipe(types string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Navigate("about:blank"),
		storage.ClearDataForOrigin(strings.TrimSuffix(appURL, "/"), types),
	}
}

// openStorage opens the Storage region by its summary, with the keyboard, unless it is open.
func openStorage() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var open bool
		if err := chromedp.Evaluate(`document.querySelector('#storage details').open`, &open).Do(ctx); err != nil || open {
			return err
		}
		return chromedp.Tasks{
			chromedp.Focus(`#storage summary`, chromedp.ByQuery),
			chromedp.KeyEvent(kb.Enter),
			waitUntil(`document.querySelector('#storage details').open`),
		}.Do(ctx)
	})
}

// setPersistentStorage answers the app's origin's requests for persistent storage, as the
// browser's permission setting does.
func setPersistentStorage(setting browser.PermissionSetting) chromedp.Action {
	return browser.SetPermission(&browser.PermissionDescriptor{Name: "persistent-storage"}, setting).WithOrigin(strings.TrimSuffix(appURL, "/"))
}

const (
	protectionState = `document.querySelector('#storage .cw-storage-protection').dataset.state`
	storageSummary  = `document.querySelector('#storage summary').textContent`
	persistNotice   = `document.querySelector('#storage .cw-persist-notice')`
)

// TestPersistentStorageIsRequestedAndShown: the first save asks the browser for persistent
// storage. Refused, the Storage region says so and a notice explains the risk and offers the
// remedies (a backup that downloads; dismissed, it stays away); granted, the region says the
// drafts are protected, and the browser agrees.
func TestPersistentStorageIsRequestedAndShown(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx,
		setPersistentStorage(browser.PermissionSettingDenied),
		loadDrafts(),
		waitUntil(`document.querySelector('#storage .cw-storage-space').textContent.includes('left.')`),
		waitUntil(protectionState+` === 'unknown' && `+storageSummary+`.includes('not protected yet')`),
	)
	var shownEarly bool
	run(t, ctx, chromedp.Evaluate(`!`+persistNotice+`.hidden`, &shownEarly))
	if shownEarly {
		t.Fatal("the storage warning showed before anything was saved")
	}
	run(t, ctx,
		appendText("\n\nFirst words."), waitSaved("First words."),
		waitUntil(protectionState+` === 'refused'`),
		waitUntil(`/^Storage not protected · [\d.]+ (bytes|KB|MB|GB) used$/.test(`+storageSummary+`)`),
		waitUntil(`!`+persistNotice+`.hidden`),
	)
	var notice struct {
		Text            string
		Buttons         []string
		Visible, Closed bool
		FolderAPI       bool
	}
	run(t, ctx, chromedp.Evaluate(`(() => {
		const n = `+persistNotice+`;
		return {
			text: n.querySelector('.cw-notice-text').textContent,
			buttons: [...n.querySelectorAll('button')].map(b => b.getAttribute('aria-label') || b.textContent),
			visible: n.checkVisibility(),
			closed: !document.querySelector('#storage details').open,
			folderAPI: typeof window.showDirectoryPicker === 'function',
		};
	})()`, &notice))
	if !strings.Contains(notice.Text, "may delete your drafts") || strings.Count(notice.Text, ".") != 1 {
		t.Errorf("the notice should explain the risk in one sentence, it reads %q", notice.Text)
	}
	wantButtons := []string{"Back up all drafts", "Dismiss the storage warning"}
	if notice.FolderAPI {
		wantButtons = []string{"Back up all drafts", "Link a folder…", "Dismiss the storage warning"}
	}
	if strings.Join(notice.Buttons, "|") != strings.Join(wantButtons, "|") {
		t.Errorf("the notice should offer %q (File System Access API: %v), it offers %q", wantButtons, notice.FolderAPI, notice.Buttons)
	}
	if !notice.Visible || !notice.Closed {
		t.Errorf("the notice should show with the Storage region closed (visible %v, region closed %v)", notice.Visible, notice.Closed)
	}
	// Its backup is the real one: an archive holding the draft.
	backup := archiveDrafts(t, downloadFrom(t, ctx, `//*[contains(@class,"cw-persist-notice")]//button[text()="Back up all drafts"]`))
	if len(backup) != 1 || !strings.Contains(backup[0].Text, "First words.") {
		t.Errorf("the notice's backup should hold the draft, it holds %+v", backup)
	}
	run(t, ctx,
		pressButton(buttonNamed("Dismiss the storage warning")),
		waitUntil(persistNotice+`.hidden`),
		loadDrafts(), appendText("\n\nMore words."), waitSaved("More words."),
		waitUntil(protectionState+` === 'refused'`),
	)
	var shown, persisted bool
	run(t, ctx,
		chromedp.Evaluate(`!`+persistNotice+`.hidden`, &shown),
		chromedp.Evaluate(`navigator.storage.persisted()`, &persisted, awaitPromise),
	)
	if shown {
		t.Error("a dismissed storage warning came back on the next visit")
	}
	if persisted {
		t.Error("the browser refused persistence, yet it says the drafts are persisted")
	}

	// Granted (after the page loaded, so the first save is what finds it out): the region says
	// the drafts are protected, there is no warning, and the browser keeps the site's data.
	granted := newBrowser(t, t.TempDir())
	run(t, granted,
		loadDrafts(),
		waitUntil(protectionState+` === 'unknown'`),
		setPersistentStorage(browser.PermissionSettingGranted),
		appendText("\n\nFirst words."), waitSaved("First words."),
		waitUntil(protectionState+` === 'protected'`),
		waitUntil(`/^Storage protected · [\d.]+ (bytes|KB|MB|GB) used$/.test(`+storageSummary+`)`),
		waitUntil(`navigator.storage.persisted()`),
	)
	run(t, granted, chromedp.Evaluate(`!`+persistNotice+`.hidden`, &shown))
	if shown {
		t.Error("the storage warning showed although the browser keeps the drafts")
	}
}

// TestStorageRegionIsOneLineUntilOpened: closed, the Storage region is its summary line; the
// keyboard opens it to the full panel and closes it again; open or closed, the editor and the
// preview keep the workspace's whole height.
func TestStorageRegionIsOneLineUntilOpened(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	type layout struct {
		Open                            bool
		Region, Line, Workspace, Editor float64
		Preview, Drafts                 float64
		BackupShown, SummaryCut         bool
		Summary                         string
	}
	measure := func() layout {
		var l layout
		run(t, ctx, chromedp.Evaluate(`(() => {
			const h = (sel) => document.querySelector(sel).getBoundingClientRect().height;
			const summary = document.querySelector('#storage summary');
			const backup = [...document.querySelectorAll('#storage button')].find(b => b.textContent === 'Back up all drafts');
			return {
				open: document.querySelector('#storage details').open,
				region: h('#storage'), line: summary.getBoundingClientRect().height,
				workspace: h('.cw-workspace'), editor: h('.cw-source'), preview: h('#preview'), drafts: h('#drafts'),
				backupShown: backup.checkVisibility(),
				summary: summary.textContent,
				summaryCut: [...summary.children].some(e => e.scrollWidth > e.clientWidth),
			};
		})()`, &l))
		return l
	}
	run(t, ctx, loadDrafts(), waitUntil(storageSummary+`.includes('used')`))
	closed := measure()
	if closed.Open || closed.BackupShown || closed.Line > 40 || closed.Region > closed.Line+20 {
		t.Errorf("closed, the Storage region should be one line (%.0f px) and padding, it is %.0f px (open %v, backup button shown %v)", closed.Line, closed.Region, closed.Open, closed.BackupShown)
	}
	if !strings.HasPrefix(closed.Summary, "Storage not protected yet · ") || !strings.HasSuffix(closed.Summary, " used") || closed.SummaryCut {
		t.Errorf("the summary should say the protection and the space used, uncut; it says %q (cut: %v)", closed.Summary, closed.SummaryCut)
	}
	run(t, ctx,
		chromedp.Focus(`#storage summary`, chromedp.ByQuery),
		chromedp.KeyEvent(kb.Enter),
		waitUntil(`document.querySelector('#storage details').open`),
	)
	opened := measure()
	if !opened.BackupShown || opened.Region < closed.Region+100 {
		t.Errorf("open, the Storage region should show its panel; it is %.0f px, backup button shown %v", opened.Region, opened.BackupShown)
	}
	for _, l := range []layout{closed, opened} {
		if l.Editor != l.Workspace || l.Preview != l.Workspace {
			t.Errorf("the editor (%.0f px) and the preview (%.0f px) should fill the workspace (%.0f px); Storage open: %v", l.Editor, l.Preview, l.Workspace, l.Open)
		}
	}
	run(t, ctx, chromedp.KeyEvent(kb.Enter), waitUntil(`!document.querySelector('#storage details').open`))
	if again := measure(); again.Region != closed.Region {
		t.Errorf("closed again, the Storage region is %.0f px, it was %.0f px", again.Region, closed.Region)
	}
}

// TestBackupRoundTripRestoresEveryDraftWithHistory backs up, wipes IndexedDB, and restores the
// backup from the recovery dialog: every draft comes back byte for byte, with its history.
func TestBackupRoundTripRestoresEveryDraftWithHistory(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx, loadDrafts())
	for _, text := range []string{"# Beta Architecture\r\n\r\nCRLF \"quotes\"\r\n", "No title, emoji 🚀\u00a0  \n\n"} {
		run(t, ctx, chromedp.Evaluate(`casewright.drafts.create({text: `+jsString(text)+`}).then(() => true)`, nil, awaitPromise))
	}
	run(t, ctx, appendText("\n\nKept in a version ✅"), waitSaved("Kept in a version ✅"),
		pressButton(buttonNamed("History")),
		pressButton(buttonNamed("Save a version now")),
		chromedp.WaitVisible(`//ol[@class="cw-snapshots"]//button[text()="Restore"]`, chromedp.BySearch),
		pressButton(buttonNamed("Close")),
		appendText("\n\nLater line <b>&</b>"), waitSaved("Later line"),
	)
	want := storedTexts(t, ctx)
	run(t, ctx, openStorage())
	backup := downloadFrom(t, ctx, buttonNamed("Back up all drafts"))
	wantArchive := archiveDrafts(t, backup)
	if len(wantArchive) != 3 || len(wantArchive[0].History) == 0 {
		t.Fatalf("the backup should hold 3 drafts, the first with history; it holds %+v", wantArchive)
	}
	path := writeTemp(t, "backup.json", backup)

	run(t, ctx, wipe("indexeddb"), loadDrafts(),
		chromedp.WaitVisible(`dialog.cw-recovery[open]`, chromedp.ByQuery),
		waitUntil(`document.querySelector('dialog.cw-recovery').textContent.includes('kept 3 drafts')`),
		pressButton(buttonNamed("Restore from an archive…")),
		chromedp.SetUploadFiles(`#import-file`, []string{path}, chromedp.ByQuery),
		waitUntil(`document.querySelector('#notice').textContent.includes('Imported 3 drafts')`),
	)
	got := storedTexts(t, ctx)
	for id, text := range want {
		if got[id] != text {
			t.Errorf("draft %s came back as %q, want %q", id, got[id], text)
		}
	}
	run(t, ctx, openStorage())
	again := archiveDrafts(t, downloadFrom(t, ctx, buttonNamed("Back up all drafts")))
	byID := map[string]archivedDraft{}
	for _, d := range again {
		byID[d.ID] = d
	}
	for _, d := range wantArchive {
		if g := byID[d.ID]; len(g.History) != len(d.History) || (len(d.History) > 0 && g.History[0].Text != d.History[0].Text) {
			t.Errorf("the history of %s came back as %+v, want %+v", d.ID, g.History, d.History)
		}
	}
}

type archivedDraft struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	History []struct {
		Text string `json:"text"`
	} `json:"history"`
}

func archiveDrafts(t *testing.T, data []byte) []archivedDraft {
	t.Helper()
	var a struct {
		Format string          `json:"format"`
		Drafts []archivedDraft `json:"drafts"`
	}
	if err := json.Unmarshal(data, &a); err != nil || a.Format != "casewright-drafts" {
		t.Fatalf("the backup is not a drafts archive (%v): %.200s", err, data)
	}
	return a.Drafts
}

// TestBackupReminderAfterAWeekOncePerDay moves the clock: a week after unbacked changes the
// reminder appears, not again the same day, again the next day, and not after a backup.
func TestBackupReminderAfterAWeekOncePerDay(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	reminded := func() bool {
		var yes bool
		run(t, ctx, chromedp.Evaluate(`casewright.storage.checkBackupReminder()`, &yes, awaitPromise))
		return yes
	}
	run(t, ctx, controllableClock(), loadDrafts(), appendText("\n\nChanged."), waitSaved("Changed."))
	if reminded() {
		t.Fatal("a reminder right after the first change")
	}
	run(t, ctx, setClock(6*day), loadDrafts())
	if reminded() {
		t.Fatal("a weekly reminder after six days")
	}
	run(t, ctx, setClock(7*day+60_000), loadDrafts(),
		waitUntil(`document.querySelector('.cw-backup-notice').textContent.includes('never been backed up')`))
	run(t, ctx, setClock(7*day+120_000), loadDrafts())
	if reminded() {
		t.Fatal("the reminder came twice in one day")
	}
	run(t, ctx, setClock(8*day+120_000), loadDrafts(),
		waitUntil(`document.querySelector('.cw-backup-notice').textContent.includes('never been backed up')`))
	downloadFrom(t, ctx, `//*[contains(@class,"cw-backup-notice")]//button[text()="Back up now"]`)
	run(t, ctx, waitUntil(`document.querySelector('.cw-backup-notice').hidden`),
		waitUntil(`document.querySelector('.cw-storage-backup').textContent.startsWith('Last backup')`),
		setClock(20*day), loadDrafts())
	if reminded() {
		t.Fatal("a reminder although nothing changed since the backup")
	}
	run(t, ctx, appendText("\n\nChanged again."), waitSaved("Changed again."),
		openStorage(),
		chromedp.SetValue(`//label[contains(., "Remind me to back up")]/select`, "off", chromedp.BySearch),
		chromedp.Evaluate(`document.querySelector('.cw-storage-setting select').dispatchEvent(new Event('change')); true`, nil),
		setClock(40*day), loadDrafts())
	if reminded() {
		t.Fatal("a reminder with reminders off")
	}
}

// TestTrashKeepsDeletedDraftsThirtyDays: a deleted draft is listed in the Trash and restored
// from it; deleted again, it is still there after 29 days and purged at the start after 31.
func TestTrashKeepsDeletedDraftsThirtyDays(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	trashed := func() []string {
		var titles []string
		run(t, ctx, chromedp.Evaluate(`Promise.resolve([...document.querySelectorAll('dialog.cw-trash[open] .cw-trash-label')].map(e => e.textContent))`, &titles, awaitPromise))
		return titles
	}
	run(t, ctx, controllableClock(), loadDrafts(),
		chromedp.Evaluate(`casewright.drafts.create({text: '# Doomed Architecture\n\nbody\n'}).then(() => true)`, nil, awaitPromise),
		loadDrafts(),
		pressButton(buttonNamed("Delete “Doomed Architecture”")),
		waitUntil(`document.querySelector('#notice').textContent.includes('Deleted “Doomed Architecture”')`),
		openStorage(), pressButton(buttonNamed("Trash")),
		chromedp.WaitVisible(buttonNamed("Restore “Doomed Architecture”"), chromedp.BySearch),
	)
	if titles := trashed(); len(titles) != 1 || !strings.Contains(titles[0], "kept 30 more days") {
		t.Fatalf("the Trash should list the deleted draft with 30 days left, it lists %q", titles)
	}
	run(t, ctx,
		pressButton(buttonNamed("Restore “Doomed Architecture”")),
		waitUntil(`[...document.querySelectorAll('#drafts .cw-draft-title')].some(e => e.textContent === 'Doomed Architecture')`),
		waitUntil(`document.querySelector('dialog.cw-trash').textContent.includes('The trash is empty.')`),
		pressButton(buttonNamed("Close the trash")),
		pressButton(buttonNamed("Delete “Doomed Architecture”")),
		waitUntil(`![...document.querySelectorAll('#drafts .cw-draft-title')].some(e => e.textContent === 'Doomed Architecture')`),
		setClock(29*day), loadDrafts(),
		openStorage(), pressButton(buttonNamed("Trash")),
		chromedp.WaitVisible(buttonNamed("Restore “Doomed Architecture”"), chromedp.BySearch),
		setClock(31*day), loadDrafts(),
		openStorage(), pressButton(buttonNamed("Trash")),
		waitUntil(`document.querySelector('dialog.cw-trash[open]')?.textContent.includes('The trash is empty.')`),
	)
}

// TestWipedBrowserGetsEveryDraftBackFromTheLinkedFolder links a folder (the origin-private file
// system stands in for one on disk), checks that every draft is written there under its title,
// wipes IndexedDB, and opens the drafts from the folder from the recovery path.
func TestWipedBrowserGetsEveryDraftBackFromTheLinkedFolder(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	const folder = `navigator.storage.getDirectory().then(root => root.getDirectoryHandle('drafts', {create: true}))`
	// The app may replace a file while this reads the folder: one that is gone is not there.
	const folderFiles = `(async () => {
		const files = {};
		for await (const entry of (await ` + folder + `).values()) {
			try {
				files[entry.name] = await (await entry.getFile()).text();
			} catch (e) {
				if (e.name !== 'NotFoundError') throw e;
			}
		}
		return JSON.stringify(files);
	})()`
	texts := []string{
		"# Same Title\n\nthe first\n",
		"# Same Title\n\nthe second, CRLF\r\n",
		"# Slashes / and: colons?\n\nemoji 🚀\n",
	}
	run(t, ctx, loadDrafts())
	for _, text := range texts {
		run(t, ctx, chromedp.Evaluate(`casewright.drafts.create({text: `+jsString(text)+`}).then(() => true)`, nil, awaitPromise))
	}
	run(t, ctx,
		chromedp.Evaluate(folder+`.then(dir => casewright.storage.linkFolder(dir)).then(() => true, e => { throw new Error(e.name + ': ' + e.message + ' ' + e.stack); })`, nil, awaitPromise),
		waitUntil(`document.querySelector('.cw-storage-folder').textContent.includes('saved to the folder “drafts”')`),
		appendText("\n\nTyped after linking."), waitSaved("Typed after linking."),
		waitUntil(`Object.values(JSON.parse(await `+folderFiles+`)).some(t => t.includes('Typed after linking.'))`),
	)
	want := storedTexts(t, ctx)
	var filesJSON string
	run(t, ctx, chromedp.Evaluate(folderFiles, &filesJSON, awaitPromise))
	files := map[string]string{}
	if err := json.Unmarshal([]byte(filesJSON), &files); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	if !equalSets(values(files), values(want)) {
		t.Fatalf("the folder should hold every draft byte for byte; it holds %q", names)
	}
	for _, name := range []string{"Same Title.md", "Same Title (2).md", "Slashes - and- colons-.md"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no file %q in the folder, it holds %q", name, names)
		}
	}

	run(t, ctx, wipe("indexeddb,cache_storage,service_workers"), loadDrafts(),
		chromedp.WaitVisible(`dialog.cw-recovery[open]`, chromedp.ByQuery),
		waitUntil(`document.querySelector('dialog.cw-recovery').textContent.includes('kept 4 drafts')`),
		// What "Open drafts from a folder…" does once the author picked the folder.
		chromedp.Evaluate(folder+`.then(dir => casewright.storage.openFolder(dir))`, nil, awaitPromise),
		waitUntil(`!document.querySelector('dialog.cw-recovery').open`),
	)
	got := storedTexts(t, ctx)
	for _, text := range want {
		if !contains(values(got), text) {
			t.Errorf("after the wipe the draft %q did not come back from the folder", tail(text))
		}
	}

	// A wipe of everything but the folder leaves no evidence: no dialog, and a fresh start.
	run(t, ctx, wipe("indexeddb,local_storage"), loadDrafts())
	var open bool
	run(t, ctx, chromedp.Evaluate(`casewright.drafts.list().then(() => document.querySelector('dialog.cw-recovery').open)`, &open, awaitPromise))
	if open {
		t.Fatal("recovery was offered with no evidence that drafts existed")
	}
}

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func equalSets(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
