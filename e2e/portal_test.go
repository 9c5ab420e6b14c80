//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// servePortal builds the example MkDocs Material portal (testdata/portal) with the embeddable
// editor copied in, adds two plain pages, and serves it all on loopback the way a static host
// does (the .br copy when the browser takes brotli). It skips the test without mkdocs.
func servePortal(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("mkdocs"); err != nil {
		t.Skip("mkdocs is not installed (apt-get install mkdocs mkdocs-material): the portal is not built")
	}
	site := t.TempDir()
	cmd := exec.Command("mkdocs", "build", "-q", "-f", filepath.Join("..", "testdata", "portal", "mkdocs.yml"), "-d", site)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mkdocs build: %v\n%s", err, out)
	}
	copyTree(t, filepath.Join("..", "web", "dist", "embed"), filepath.Join(site, "casewright"))
	copyFile(t, filepath.Join("..", "testdata", "portal", "template.md"), filepath.Join(site, "templates", "case-study.md"))
	// bare.html: the editor in a page with no styles of its own, to compare the portal's with.
	writeFile(t, filepath.Join(site, "bare.html"), `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="casewright/casewright.js"></script></head><body>
<case-study-editor template="templates/case-study.md" storage="bare" site-index="search/search_index.json"></case-study-editor>
</body></html>`)
	// bad.html: a template with no heading to check a draft by.
	writeFile(t, filepath.Join(site, "bad-template.md"), "Just a paragraph, no headings.\n")
	writeFile(t, filepath.Join(site, "bad.html"), `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="casewright/casewright.js"></script></head><body>
<case-study-editor template="bad-template.md" storage="bad"></case-study-editor>
</body></html>`)
	srv := httptest.NewServer(precompressed(http.FileServer(http.Dir(site)), site))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// precompressed serves file.br or file.gz for file when the browser takes that encoding and
// the copy exists (Chromium asks for brotli only over HTTPS).
func precompressed(next http.Handler, root string) http.Handler {
	types := map[string]string{".wasm": "application/wasm", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(root, filepath.FromSlash(r.URL.Path))
		accepts := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !strings.Contains(accepts, enc.name) {
				continue
			}
			if data, err := os.ReadFile(name + enc.ext); err == nil {
				if ct, ok := types[filepath.Ext(name)]; ok {
					w.Header().Set("Content-Type", ct)
				}
				w.Header().Set("Content-Encoding", enc.name)
				w.Write(data)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// editorJS is the JavaScript expression of the embedded editor selected by sel.
func editorJS(sel string) string { return `document.querySelector(` + jsString(sel) + `)` }

// waitEditorReady waits for the element's ready promise.
func waitEditorReady(sel string) chromedp.Action {
	return chromedp.Evaluate(`customElements.whenDefined('case-study-editor').then(() => `+editorJS(sel)+`.ready).then(() => true)`, nil, awaitPromise)
}

// pollPortal waits until a JavaScript condition (it may be a promise) holds, for up to 20 s.
// A loop inside the page: chromedp.Poll loses its execution context on the two-editor page.
func pollPortal(condition string) chromedp.Action {
	return chromedp.Evaluate(`(async () => {
		const until = Date.now() + 20000;
		while (!(await (async () => `+condition+`)())) {
			if (Date.now() > until) throw new Error('timed out waiting for: ' + `+jsString(condition)+`);
			await new Promise((r) => setTimeout(r, 50));
		}
		return true;
	})()`, nil, awaitPromise)
}

// pasteInto replaces the embedded editor's draft with text, as a paste does.
func pasteInto(sel, text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(editorJS(sel)+`.shadowRoot.querySelector('.cm-content').focus()`, nil),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)),
		input.InsertText(text),
	}
}

// shadowText is the text of the element matching inner in the shadow root of sel.
func shadowText(sel, inner string) string {
	return editorJS(sel) + `.shadowRoot.querySelector(` + jsString(inner) + `).textContent`
}

// stylesOf returns computed style properties of each element a JS expression lists, keyed by name.
const stylesJS = `(() => {
	const props = ['font-family', 'font-size', 'font-style', 'color', 'background-color', 'text-transform', 'letter-spacing', 'line-height', 'margin-top', 'padding-left'];
	const out = {};
	for (const [name, el] of Object.entries(%s)) {
		if (!el) { out[name] = 'missing'; continue; }
		const cs = getComputedStyle(el);
		out[name] = props.map((p) => p + ': ' + cs.getPropertyValue(p)).join('; ');
	}
	return JSON.stringify(out);
})()`

// portalElements are the portal's own elements around the editor.
const portalElements = `{
	header: document.querySelector('.md-header'),
	body: document.body,
	title: document.querySelector('.md-content h1'),
	lead: document.querySelector('.portal-lead'),
	frame: document.querySelector('.portal-editor'),
	sidebar: document.querySelector('.md-sidebar'),
}`

// editorElements are elements inside the editor's shadow root.
const editorElements = `(() => { const r = document.querySelector('case-study-editor').shadowRoot; return {
	app: r.querySelector('.cw-app'),
	toolbar: r.querySelector('.cw-toolbar'),
	brand: r.querySelector('.cw-brand'),
	button: r.querySelector('#export'),
	panel: r.querySelector('#problems'),
	previewTitle: r.querySelector('#preview h1'),
	previewText: r.querySelector('#preview p'),
	source: r.querySelector('.cm-content'),
}; })()`

func computedStyles(t *testing.T, ctx context.Context, elements string) map[string]string {
	t.Helper()
	var raw string
	run(t, ctx, chromedp.Evaluate(fmt.Sprintf(stylesJS, elements), &raw))
	var out map[string]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func compareStyles(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	for name, w := range want {
		if w == "missing" {
			t.Errorf("%s: %s was not found", what, name)
		} else if got[name] != w {
			t.Errorf("%s: %s changed:\n before: %s\n after:  %s", what, name, w, got[name])
		}
	}
}

// TestPortalEmbed: the editor appears in a portal page with the portal's template, checks
// links against the portal's pages, leaves the portal's styles alone and takes none of them,
// and fires its export event.
func TestPortalEmbed(t *testing.T) {
	base := servePortal(t)
	ctx := newBrowser(t, t.TempDir())

	// The portal page's own styles, without the editor's script, then with it.
	run(t, ctx, network.Enable(), network.SetBlockedURLs([]string{"*casewright.js"}),
		chromedp.Navigate(base+"write/"), chromedp.WaitVisible(`.md-header`, chromedp.ByQuery))
	before := computedStyles(t, ctx, portalElements)
	run(t, ctx, network.SetBlockedURLs([]string{}), chromedp.Navigate(base+"write/"), waitEditorReady("case-study-editor"),
		pollPortal(editorJS("case-study-editor")+`.shadowRoot.querySelector('#preview h1') !== null`))
	after := computedStyles(t, ctx, portalElements)
	compareStyles(t, "the portal's styles", before, after)
	inPortal := computedStyles(t, ctx, editorElements)

	// The portal's template: the new draft is made from it, and its sections are the outline.
	var source, outline string
	run(t, ctx,
		chromedp.Evaluate(shadowText("case-study-editor", ".cm-content"), &source),
		chromedp.Evaluate(shadowText("case-study-editor", "#outline"), &outline),
	)
	if !strings.Contains(source, "# [Company] [System] Case Study") || !strings.Contains(outline, "Decision") {
		t.Fatalf("the draft should come from the portal's template; source:\n%s\noutline: %s", source, outline)
	}

	// Links to the portal's pages: a missing page and a missing anchor are problems, existing ones are not.
	draft := strings.Join([]string{
		"# Acme Payments Case Study", "", "## Context", "", "Payments must not wait on a failing bank.", "",
		"## Decision", "",
		"We use a [circuit breaker](../patterns/circuit-breaker.md#usage), see [its page](/patterns/circuit-breaker/)",
		"and [the index](../index.md), not [retries](../patterns/retry-storm.md) or [this](../patterns/circuit-breaker.md#nope).", "",
		"## Consequences", "", "Fewer timeouts.", "",
	}, "\n")
	var problems string
	run(t, ctx,
		pasteInto("case-study-editor", draft),
		pollPortal(shadowText("case-study-editor", "#problems")+`.includes('retry-storm')`),
		chromedp.Evaluate(shadowText("case-study-editor", "#problems"), &problems),
	)
	if !strings.Contains(problems, "broken-link") || !strings.Contains(problems, "#nope") {
		t.Errorf("the Problems region should report the missing page and the missing anchor:\n%s", problems)
	}
	var broken []string
	run(t, ctx, chromedp.Evaluate(editorJS("case-study-editor")+`.validate(`+jsString(draft)+`).filter((d) => d.code === 'broken-link').map((d) => d.message)`, &broken))
	if len(broken) != 2 {
		t.Errorf("validate should find exactly the two broken portal links, it found %d: %q", len(broken), broken)
	}

	// Export fires the export event with the file name and the text.
	var exported struct{ FileName, Text string }
	run(t, ctx,
		chromedp.Evaluate(`window.exported = null; `+editorJS("case-study-editor")+`.addEventListener('export', (e) => { window.exported = e.detail; }); true`, nil),
		chromedp.Evaluate(editorJS("case-study-editor")+`.shadowRoot.querySelector('#export').click()`, nil),
		pollPortal(`window.exported !== null`),
		chromedp.Evaluate(`window.exported`, &exported),
	)
	if exported.FileName != "acme-payments-case-study.md" || exported.Text != draft {
		t.Errorf("the export event should carry the file name and the draft; got %q and %d bytes (want %d)", exported.FileName, len(exported.Text), len(draft))
	}

	// Link targets complete from the portal's pages, as paths relative to the draft.
	var offered string
	run(t, ctx,
		chromedp.Evaluate(editorJS("case-study-editor")+`.shadowRoot.querySelector('.cm-content').focus()`, nil),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent("\nSee [usage](../pat"),
		pollPortal(editorJS("case-study-editor")+`.shadowRoot.querySelector('.cm-tooltip-autocomplete') !== null`),
		chromedp.Evaluate(shadowText("case-study-editor", ".cm-tooltip-autocomplete"), &offered),
	)
	if !strings.Contains(offered, "../patterns/circuit-breaker.md#usage") || strings.Contains(offered, "../index.md") {
		t.Errorf("typing ](../pat should offer the pattern page's anchors and not the index; it offers %q", offered)
	}

	// The editor's own styles are the same in a page without any portal CSS.
	run(t, ctx, chromedp.Navigate(base+"bare.html"), waitEditorReady("case-study-editor"),
		pasteInto("case-study-editor", draft),
		pollPortal(editorJS("case-study-editor")+`.shadowRoot.querySelector('#preview p') !== null`))
	compareStyles(t, "the editor's styles, bare page against portal page", computedStyles(t, ctx, editorElements), inPortal)
}

// TestPortalTemplateError: a template that cannot be used is said in the element.
func TestPortalTemplateError(t *testing.T) {
	base := servePortal(t)
	ctx := newBrowser(t, t.TempDir())
	var failure string
	run(t, ctx,
		chromedp.Navigate(base+"bad.html"),
		chromedp.Evaluate(`customElements.whenDefined('case-study-editor').then(() => document.querySelector('case-study-editor').ready).then(() => 'started', (e) => e.message)`, &failure, awaitPromise),
		pollPortal(shadowText("case-study-editor", "#banner")+`.includes('could not start')`),
	)
	if !strings.Contains(failure, "template") {
		t.Errorf("the error should be about the template, it is %q", failure)
	}
}

// TestPortalTwoEditors: two editors with their own stores on one page never touch each other.
func TestPortalTwoEditors(t *testing.T) {
	base := servePortal(t)
	ctx := newBrowser(t, t.TempDir())
	const marker = "Typed only into the first editor."
	run(t, ctx, chromedp.Navigate(base+"write-two/"), waitEditorReady("#first"), waitEditorReady("#second"))
	run(t, ctx,
		chromedp.Evaluate(`window.changes = {first: 0, second: 0};
			for (const id of ['first', 'second']) document.getElementById(id).addEventListener('change', () => window.changes[id]++); true`, nil),
		chromedp.Evaluate(editorJS("#first")+`.shadowRoot.querySelector('.cm-content').focus()`, nil),
		chromedp.KeyEvent("\n"+marker),
		pollPortal(shadowText("#first", "#preview")+`.includes(`+jsString(marker)+`)`),
		// The first one's store gets the text; nothing reaches the second's.
		pollPortal(`(async () => { const [d] = await `+editorJS("#first")+`.drafts.list(); return (await `+editorJS("#first")+`.drafts.get(d.id)).text.includes(`+jsString(marker)+`); })()`),
	)
	var second struct {
		Source, Preview string
		Stored          []string
		Changes         map[string]int
	}
	run(t, ctx, chromedp.Evaluate(`(async () => {
		const el = `+editorJS("#second")+`;
		const stored = await Promise.all((await el.drafts.list()).map(async (d) => (await el.drafts.get(d.id)).text));
		return { source: el.shadowRoot.querySelector('.cm-content').textContent, preview: el.shadowRoot.querySelector('#preview').textContent, stored, changes: window.changes };
	})()`, &second, awaitPromise))
	if strings.Contains(second.Source, marker) || strings.Contains(second.Preview, marker) {
		t.Error("typing in the first editor changed the second one's text")
	}
	for _, text := range second.Stored {
		if strings.Contains(text, marker) {
			t.Error("the first editor's text was stored in the second one's drafts")
		}
	}
	if second.Changes["first"] == 0 || second.Changes["second"] != 0 {
		t.Errorf("change events should fire on the first editor only: %v", second.Changes)
	}
}

// TestPortalEditorStorage: each element's storage works on the drafts database its storage
// attribute names: a backup holds that editor's drafts only, a folder linked through one editor
// gets its drafts and, after a reload, is still that editor's and not its neighbour's.
func TestPortalEditorStorage(t *testing.T) {
	base := servePortal(t)
	ctx := newBrowser(t, t.TempDir())
	const marker = "Typed only into the first editor."
	const folder = `navigator.storage.getDirectory().then(root => root.getDirectoryHandle('first-folder', {create: true}))`
	folderStatus := func(sel string) string { return shadowText(sel, ".cw-storage-folder") }
	// The Storage regions' controls arrive after ready: each region is aria-busy until then.
	storageComplete := pollPortal(`['#first', '#second'].every(sel => document.querySelector(sel).shadowRoot.querySelector('#storage:not([aria-busy])'))`)
	run(t, ctx, chromedp.Navigate(base+"write-two/"), waitEditorReady("#first"), waitEditorReady("#second"))
	var methods []string
	run(t, ctx, chromedp.Evaluate(`['#first', '#second'].flatMap(sel => ['backup', 'linkFolder', 'openFolder', 'checkBackupReminder']
		.filter(m => typeof document.querySelector(sel).storage?.[m] === 'function').map(m => sel + '.' + m))`, &methods))
	if len(methods) != 8 {
		t.Fatalf("both editors should offer storage.backup, linkFolder, openFolder and checkBackupReminder; they offer %q", methods)
	}
	run(t, ctx,
		chromedp.Evaluate(editorJS("#first")+`.shadowRoot.querySelector('.cm-content').focus()`, nil),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent("\n"+marker),
		pollPortal(`(async () => { const [d] = await `+editorJS("#first")+`.drafts.list(); return (await `+editorJS("#first")+`.drafts.get(d.id)).text.includes(`+jsString(marker)+`); })()`),
	)
	for _, c := range []struct {
		sel  string
		want bool
	}{{"#first", true}, {"#second", false}} {
		drafts := archiveDrafts(t, downloadBy(t, ctx, chromedp.Evaluate(editorJS(c.sel)+`.storage.backup().then(() => true)`, nil, awaitPromise)))
		if len(drafts) != 1 || strings.Contains(drafts[0].Text, marker) != c.want {
			t.Errorf("the backup of %s should hold its own draft only (with the marker: %v); it holds %+v", c.sel, c.want, drafts)
		}
	}
	run(t, ctx,
		chromedp.Evaluate(folder+`.then(dir => `+editorJS("#first")+`.storage.linkFolder(dir)).then(() => true)`, nil, awaitPromise),
		pollPortal(folderStatus("#first")+`.includes('saved to the folder “first-folder”')`),
		pollPortal(`(async () => { for await (const f of (await `+folder+`).values()) if ((await (await f.getFile()).text()).includes(`+jsString(marker)+`)) return true; return false; })()`),
		chromedp.Reload(), waitEditorReady("#first"), waitEditorReady("#second"), storageComplete,
		pollPortal(folderStatus("#first")+`.includes('saved to the folder “first-folder”')`),
	)
	var second string
	run(t, ctx, chromedp.Evaluate(folderStatus("#second"), &second))
	if !strings.HasPrefix(second, "No folder linked") {
		t.Errorf("the folder linked through the first editor should not be the second's; the second's Storage says %q", second)
	}
}

// TestPortalFigures prints what an embedding page downloads before the editor is ready
// (compressed bytes on the wire) and the time from navigation to the element's ready event.
// It reports; it asserts nothing about speed.
func TestPortalFigures(t *testing.T) {
	base := servePortal(t)
	ctx := newBrowser(t, t.TempDir())
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	var total, editor float64
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[e.RequestID] = e.Request.URL
		case *network.EventLoadingFinished:
			total += e.EncodedDataLength
			if u := urls[e.RequestID]; strings.Contains(u, "/casewright/") || strings.Contains(u, "/templates/") || strings.Contains(u, "search_index") {
				editor += e.EncodedDataLength
			}
		}
	})
	var readyAt float64
	run(t, ctx, network.Enable(), chromedp.Navigate(base+"write/"),
		chromedp.Evaluate(`customElements.whenDefined('case-study-editor').then(() => document.querySelector('case-study-editor').ready).then(() => performance.now())`, &readyAt, awaitPromise))
	mu.Lock()
	defer mu.Unlock()
	t.Logf("portal page write/ until ready: %.0f KB on the wire in all, %.0f KB of it the editor's (script, chunks, CSS, WASM, template, site index); ready %.0f ms after navigation",
		total/1024, editor/1024, readyAt)
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatalf("copying %s (run `make build` first): %v", from, err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
