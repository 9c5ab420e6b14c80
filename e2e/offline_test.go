//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestOfflineReload loads the app once, waits for the service worker to control the page, then
// stops the server: a reload still brings the app up, and editing, saving and exporting work.
func TestOfflineReload(t *testing.T) {
	url, stop, err := startServer() // a server of this test's own, so that it can be cut
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx,
		chromedp.Navigate(url),
		waitReady(),
		chromedp.WaitVisible(`#preview h1`, chromedp.ByQuery),
		// Controlled means installed (every file cached) and activated.
		chromedp.Poll(`navigator.serviceWorker.controller !== null`, nil),
	)
	checkManifest(t, ctx)

	stop()
	var online bool
	run(t, ctx, chromedp.Evaluate(`fetch('sw.js', {cache: 'no-store'}).then(() => true, () => false)`, &online, awaitPromise))
	if online {
		t.Fatal("the server should be gone by now")
	}

	const typed = "Written on a train with no network."
	run(t, ctx,
		chromedp.Reload(),
		waitReady(),
		chromedp.WaitVisible(`#preview h1`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('#preview pre.mermaid svg') !== null`, nil), // lazily loaded chunks too
		focusEditor(),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent(kb.Enter),
		chromedp.KeyEvent(kb.Enter),
		insertText(typed),
		chromedp.Poll(`document.querySelector('#preview').textContent.includes(`+jsString(typed)+`)`, nil),
	)
	// The autosave reaches IndexedDB without a network.
	var stored string
	run(t, ctx,
		chromedp.Evaluate(`window.__offlineSaved = setInterval(async () => {
			for (const d of await casewright.drafts.list()) {
				const text = (await casewright.drafts.get(d.id)).text;
				if (text.endsWith(`+jsString(typed)+`)) window.__offlineStored = text;
			}
		}, 100); true`, nil),
		chromedp.Poll(`typeof window.__offlineStored === 'string'`, nil),
		chromedp.Evaluate(`clearInterval(window.__offlineSaved); window.__offlineStored`, &stored),
	)
	if got := exportDownload(t, ctx); string(got) != stored {
		t.Fatalf("offline, the export differs from the draft: %d bytes exported, %d in the draft", len(got), len(stored))
	}
	// An address with a query (a bookmark, a shared link) opens offline too: the service
	// worker's fetch handler, not the cache routes the browser follows alone, serves the page.
	run(t, ctx,
		chromedp.Navigate(url+"?from=bookmark"),
		waitReady(),
		chromedp.Poll(`document.querySelector('#preview').textContent.includes(`+jsString(typed)+`)`, nil),
	)
}

// checkManifest asks Chromium what it makes of the page's web app manifest: no errors, and
// what installing needs (a name, a start URL, standalone display, an icon).
func checkManifest(t *testing.T, ctx context.Context) {
	t.Helper()
	var errs []*page.AppManifestError
	var data string
	run(t, ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		_, errs, data, _, err = page.GetAppManifest().Do(ctx)
		return err
	}))
	for _, e := range errs {
		t.Errorf("manifest: %s", e.Message)
	}
	var m struct {
		Name     string `json:"name"`
		StartURL string `json:"start_url"`
		Display  string `json:"display"`
		Icons    []struct {
			Src  string `json:"src"`
			Type string `json:"type"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		t.Fatalf("the manifest is not JSON: %v\n%s", err, data)
	}
	if m.Name == "" || m.Display != "standalone" || len(m.Icons) == 0 || m.Icons[0].Type != "image/svg+xml" {
		t.Errorf("the manifest lacks what installing needs: %+v", m)
	}
}
