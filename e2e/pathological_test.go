//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"casewright/editor"
	"casewright/render"
)

// pathological are inputs built to be slow, deep or huge, as a paste might bring them.
var pathological = []struct{ name, text string }{
	{"10,000 nested lists", strings.Repeat("- ", 10000) + "x\n"},
	{"10,000 nested quotes", strings.Repeat(">", 10000) + " x\n"},
	{"100,000 backticks", strings.Repeat("`", 100000) + "\n"},
	{"5 MB single line", strings.Repeat("a*b_c$d~e^f=g+h{i ", 5<<20/18) + "\n"},
	{"50,000 headings", func() string {
		var b strings.Builder
		for i := range 50000 {
			fmt.Fprintf(&b, "## Heading %d\n\n", i)
		}
		return b.String()
	}()},
	{"table of 10,000 rows", "| a | b | c |\n|---|---|---|\n" + strings.Repeat("| x | **y** | [z](#z) |\n", 10000)},
}

// TestPathologicalNative times what one keystroke costs natively for each input: the
// incremental render of the whole draft and the validation.
func TestPathologicalNative(t *testing.T) {
	tpl := editor.DefaultTemplate()
	for _, tc := range pathological {
		start := time.Now()
		render.NewDocument(render.New()).Update([]byte(tc.text))
		rendered := time.Since(start)
		start = time.Now()
		tpl.Check([]byte(tc.text))
		t.Logf("%-22s %8d bytes: render %v, check %v", tc.name, len(tc.text), rendered.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	}
}

// longTasks records every task of 50 ms or more, as the browser reports them. The browser
// hands them over a little later, so window.__longTasks() takes those still on their way too,
// returns the ones since its last call, and starts a new count: a task that ended before the
// call is never counted after it.
const longTasks = `(() => {
  const tasks = [];
  let since = 0;
  const take = (entries) => {
    for (const e of entries) if (e.startTime >= since) tasks.push(Math.round(e.duration));
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  Object.defineProperty(window, '__longTasks', { value: () => {
    take(observer.takeRecords());
    since = performance.now();
    return tasks.splice(0);
  } });
})();`

// pathologicalLimits says, per input, what the user must be told: the editor's notice above
// the text (a huge line, lists or quotes nested deep, a table of thousands of rows) and the
// Preview's pause (a draft past 160 KB or 1,000 levels), each as words the notice must hold,
// "" where nothing is limited; and whether the paste itself must stay under 200 ms a task.
// 50,000 headings may not: CodeMirror lays out and starts parsing 100,000 lines at once, in
// tasks of 100 ms or more that grow on a busy machine (up to 600 ms measured).
var pathologicalLimits = map[string]struct {
	editor, preview string
	quickPaste      bool
}{
	"10,000 nested lists":  {"Line 3 nests lists or quotes 10,000 deep", "nests lists or quotes 10000 deep", true},
	"10,000 nested quotes": {"Line 3 nests lists or quotes 10,000 deep", "nests lists or quotes 10000 deep", true},
	"100,000 backticks":    {"Line 3 is 100,000 characters long", "", true},
	"5 MB single line":     {"Line 3 is 5,242,878 characters long", "This draft is 5.0 MB", true},
	"50,000 headings":      {"", "This draft is 868 KB", false},
	"table of 10,000 rows": {"Line 3 starts a paragraph or table of more than 2,000 lines", "This draft is 234 KB", true},
}

// TestPathologicalInPage pastes each input into the editor, lets the page settle, then types
// at the end of it. The paste, up to its save, and the typing after it must stay responsive,
// with no task over 200 ms (the paste where the input allows it, see pathologicalLimits).
// Where the page limits its work it says so, and the text, typing included, is saved and
// exported byte for byte.
func TestPathologicalInPage(t *testing.T) {
	for i, tc := range pathological {
		limits, ok := pathologicalLimits[tc.name]
		if !ok {
			t.Fatalf("%s: no limits given", tc.name)
		}
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t, t.TempDir())
			run(t, ctx,
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(longTasks).Do(ctx)
					return err
				}),
				loadDrafts(),
				// What the page did to start is not the paste's: the starting draft's diagrams
				// load mermaid and are drawn after the page is ready.
				waitUntil(diagramsDrawnJS),
				chromedp.Evaluate(nextTask, nil, awaitPromise),
				chromedp.Evaluate(`window.__longTasks()`, nil),
			)
			pastePathological(t, ctx, fmt.Sprintf("Case %d", i+1), tc.text, limits.editor, limits.preview, limits.quickPaste)
		})
	}
}

// pastePathological pastes text under a heading, types after it, and checks what the user
// sees: the notices due, a responsive page (the paste too when quickPaste), the text kept.
func pastePathological(t *testing.T, ctx context.Context, heading, text, editorNotice, previewNotice string, quickPaste bool) {
	const typed = "xyz"
	text = "# " + heading + "\n\n" + text
	var pasteTasks, keyTasks []int
	var update float64
	run(t, ctx,
		holdText("__paste", text), holdText("__stored", text), holdText("__typed", text+typed),
		chromedp.Evaluate(nextTask, nil, awaitPromise),
		chromedp.Evaluate(`window.__longTasks()`, nil),
	)
	start := time.Now()
	run(t, ctx,
		pasteEvent(`window.__paste`),
		waitUntil(shownJS(heading, len(text), editorNotice)),
		waitStored(),
		chromedp.Evaluate(nextTask, nil, awaitPromise),
	)
	pasted := time.Since(start)
	run(t, ctx, chromedp.Evaluate(`window.__longTasks()`, &pasteTasks), chromedp.Evaluate(`window.__stored = window.__typed`, nil))

	start = time.Now()
	run(t, ctx, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)))
	for _, key := range typed {
		run(t, ctx, chromedp.KeyEvent(string(key)), chromedp.Evaluate(nextTask, nil, awaitPromise))
	}
	typing := time.Since(start)
	run(t, ctx,
		waitStored(),
		chromedp.Evaluate(nextTask, nil, awaitPromise),
		chromedp.Evaluate(`window.__longTasks()`, &keyTasks),
		chromedp.Evaluate(`performance.getEntriesByName('casewright:update').at(-1)?.duration ?? -1`, &update),
	)
	t.Logf("%8d bytes | paste to saved %6v, longest task %5d ms | %d keys %6v, core %4.0f ms a key, tasks over 50 ms while typing and saving: %v",
		len(text), pasted.Round(time.Millisecond), longest(pasteTasks), len(typed), typing.Round(time.Millisecond), update, keyTasks)
	if quickPaste && longest(pasteTasks) > 200 {
		t.Errorf("the paste made a task of %d ms", longest(pasteTasks))
	}
	if longest(keyTasks) > 200 {
		t.Errorf("typing after the paste made a task of %d ms", longest(keyTasks))
	}
	checkLimitNotices(t, ctx, editorNotice, previewNotice)

	// The text is kept whole, in the drafts store and in the exported file.
	want := text + typed
	var stored string
	run(t, ctx, chromedp.Evaluate(`(async () => (await `+openDraftJS+`).text)()`, &stored, awaitPromise))
	if stored != want {
		t.Errorf("the stored draft differs: %d bytes stored, %d typed", len(stored), len(want))
	}
	if got := exportDownload(t, ctx); string(got) != want {
		t.Errorf("the exported file differs: %d bytes exported, %d typed", len(got), len(want))
	}

	// Opened again, the draft comes back whole, with the same notices.
	run(t, ctx,
		chromedp.Reload(),
		waitReady(),
		waitUntil(shownJS(heading, len(want), editorNotice)),
		chromedp.Evaluate(`(async () => (await `+openDraftJS+`).text)()`, &stored, awaitPromise),
	)
	if stored != want {
		t.Errorf("after a reload the draft differs: %d bytes stored, %d typed", len(stored), len(want))
	}
	checkLimitNotices(t, ctx, editorNotice, previewNotice)

	// Within bounds again, the draft gets wrapping, highlighting and the live preview back,
	// and replacing the huge text is as quick as typing.
	const normal = "# Back to normal\n\nA short paragraph.\n"
	var backTasks []int
	run(t, ctx,
		chromedp.Evaluate(nextTask, nil, awaitPromise),
		chromedp.Evaluate(`window.__longTasks()`, nil),
		pasteEvent(jsString(normal)),
		waitUntil(shownJS("Back to normal", len(normal), "")),
		chromedp.Evaluate(nextTask, nil, awaitPromise),
		chromedp.Evaluate(`window.__longTasks()`, &backTasks),
	)
	t.Logf("back to a short draft: tasks over 50 ms %v", backTasks)
	if longest(backTasks) > 200 {
		t.Errorf("replacing the draft with a short one made a task of %d ms", longest(backTasks))
	}
	checkLimitNotices(t, ctx, "", "")
	var wrapped, highlighted bool
	run(t, ctx,
		chromedp.Evaluate(`document.querySelector('.cm-content').classList.contains('cm-lineWrapping')`, &wrapped),
		chromedp.Evaluate(`!!document.querySelector('.cm-content .tok-heading')`, &highlighted),
	)
	if !wrapped || !highlighted {
		t.Errorf("back within bounds: line wrapping %v, Markdown highlighting %v; want both back", wrapped, highlighted)
	}
}

// shownJS holds once the page shows the pasted draft: its heading or the Preview's pause
// notice for exactly that many bytes, and the editor's notice when one is due.
func shownJS(heading string, bytes int, editorNotice string) string {
	preview := fmt.Sprintf(`(document.querySelector('#preview h1')?.id === %s || !!document.querySelector('#preview .cw-paused[data-bytes="%d"]'))`,
		jsString(render.Slug(heading)), bytes)
	if editorNotice == "" {
		return preview
	}
	return preview + ` && !!document.querySelector('.cw-editor-limit')?.textContent.includes(` + jsString(editorNotice) + `)`
}

// checkLimitNotices checks the notices the user sees: the editor's above the text and the
// Preview's, each holding its words, or absent where want is "".
func checkLimitNotices(t *testing.T, ctx context.Context, editorWant, previewWant string) {
	t.Helper()
	var editorNotice, previewNotice string
	run(t, ctx,
		chromedp.Evaluate(`document.querySelector('.cw-editor-limit')?.textContent ?? ''`, &editorNotice),
		chromedp.Evaluate(`document.querySelector('#preview .cw-paused')?.textContent ?? ''`, &previewNotice),
	)
	for _, n := range []struct{ where, got, want string }{
		{"editor", editorNotice, editorWant},
		{"Preview", previewNotice, previewWant},
	} {
		switch {
		case n.want == "" && n.got != "":
			t.Errorf("the %s says %q; want no notice", n.where, n.got)
		case n.want != "" && !strings.Contains(n.got, n.want):
			t.Errorf("the %s says %q; want a notice with %q", n.where, n.got, n.want)
		}
	}
	if editorNotice != "" {
		t.Logf("the editor says: %s", editorNotice)
	}
}

// diagramsDrawnJS holds once every diagram in the Preview is drawn or shown as an error.
const diagramsDrawnJS = `![...document.querySelectorAll('#preview pre.mermaid')].some((pre) => !['drawn', 'error'].includes(pre.dataset.cwDiagram))`

// nextTask waits for the next frame and the task after it, when a keystroke's work is done.
const nextTask = `new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))`

// pasteEvent replaces the draft with the text the JavaScript expression text gives, through a
// paste event, the path a real paste takes in CodeMirror (input.InsertText goes through the
// DOM, too slow for megabytes).
func pasteEvent(text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Focus(`.cm-content`, chromedp.ByQuery),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.Evaluate(`{
			const data = new DataTransfer();
			data.setData('text/plain', `+text+`);
			document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		}`, nil),
	}
}

// holdText puts text in the page as window[name], before the measured work: the page reading
// a script of megabytes is the test's work, not the app's.
func holdText(name, text string) chromedp.Action {
	return chromedp.Evaluate(`window.`+name+` = `+jsString(text)+`; true`, nil)
}

// waitStored waits until the status says Saved and IndexedDB holds window.__stored as the open
// draft's text. It reads the record straight from IndexedDB: asking through the drafts API
// copies the text into the core and back as JSON, for megabytes a long task of the test's own.
func waitStored() chromedp.Action {
	return waitUntil(`document.querySelector('#save-status').dataset.state === 'saved' && (await new Promise((resolve, reject) => {
		const open = indexedDB.open('casewright');
		open.onsuccess = () => {
			const get = open.result.transaction('texts').objectStore('texts').get(document.querySelector('#drafts li[aria-current]').dataset.id);
			get.onsuccess = () => { open.result.close(); resolve(get.result?.text === window.__stored); };
			get.onerror = () => { open.result.close(); reject(get.error); };
		};
		open.onerror = () => reject(open.error);
	}))`)
}

func longest(tasks []int) int {
	m := 0
	for _, d := range tasks {
		m = max(m, d)
	}
	return m
}
