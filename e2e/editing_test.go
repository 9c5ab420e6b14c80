//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"casewright/editor"

	"github.com/chromedp/cdproto/input"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// openApp opens the app in a fresh browser and waits for the template's draft in the preview.
// It fails the test on any uncaught exception in the page (a CSP refusal, a broken module).
func openApp(t *testing.T) context.Context {
	t.Helper()
	ctx := newBrowser(t, t.TempDir())
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			t.Errorf("uncaught in the page: %s", e.ExceptionDetails.Error())
		}
	})
	run(t, ctx,
		chromedp.Navigate(appURL),
		waitReady(),
		chromedp.WaitVisible(`#preview h1`, chromedp.ByQuery),
		chromedp.WaitVisible(`#outline .cw-outline`, chromedp.ByQuery),
	)
	return ctx
}

// TestDraftCheckedAfterReady: the draft is shown when the page is ready and checked right
// after, with no edit: the template's own draft gets its problems in the Problems list, in the
// text (once the editor's aids are in) and in the Outline.
func TestDraftCheckedAfterReady(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	run(t, ctx,
		chromedp.Navigate(appURL),
		waitReady(),
		chromedp.WaitVisible(`#preview h1`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelectorAll('#problems .cw-problem').length > 0`, nil),
		chromedp.Poll(`document.querySelectorAll('#outline .cw-outline-item').length > 0`, nil),
		chromedp.Poll(`document.querySelectorAll('.cm-lint-marker').length > 0`, nil),
	)
}

// insertText types text into the focused editor in one input event, as a paste would, so that
// long text needs no key event per character (and bracket closing does not interfere).
func insertText(text string) chromedp.Action {
	return input.InsertText(text)
}

// focusEditor focuses CodeMirror (a click would time out: it is taller than the viewport).
func focusEditor() chromedp.Action {
	return chromedp.Focus(`.cm-content`, chromedp.ByQuery)
}

// activeLine is a JS expression for the text of the editor's cursor line.
const activeLine = `document.querySelector('.cm-activeLine')?.textContent ?? ''`

// previewHeadings is a JS expression for the preview's h2 headings in order.
const previewHeadings = `[...document.querySelectorAll('#preview h2')].map(h => h.textContent.replace('¶', '').trim())`

// clickOutline clicks the Outline's entry for a section.
func clickOutline(title string) chromedp.Action {
	return chromedp.Evaluate(`[...document.querySelectorAll('#outline button.cw-goto')]
		.find(b => b.querySelector('.cw-outline-title').textContent === `+jsString(title)+`).click()`, nil)
}

// outlineState is a JS expression for the state class of a section's Outline entry.
func outlineState(title string) string {
	return `[...document.querySelectorAll('#outline .cw-outline-item')]
		.find(li => li.querySelector('.cw-outline-title').textContent === ` + jsString(title) + `)
		?.className.match(/cw-state-(\w+)/)?.[1] ?? 'absent'`
}

// deleteLines deletes n lines from the cursor's down (Ctrl+Shift+K, CodeMirror's deleteLine:
// arrow keys would move by visual line, and wrapped lines have several).
func deleteLines(n int) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for range n {
			if err := chromedp.KeyEvent("k", chromedp.KeyModifiers(input.ModifierCtrl|input.ModifierShift)).Do(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

const patternsProblem = `[...document.querySelectorAll('#problems .cw-problem')].some(li => li.textContent.includes("'## Patterns Applied'"))`

// TestQuickFixInsertsMissingSection deletes a section, then applies the problem's quick fix
// from the Problems list: the section comes back in its place, the problem goes, and one
// Ctrl+Z takes the whole fix back.
func TestQuickFixInsertsMissingSection(t *testing.T) {
	ctx := openApp(t)
	var before []string
	run(t, ctx, chromedp.Evaluate(previewHeadings, &before))

	run(t, ctx,
		clickOutline("Patterns Applied"),
		chromedp.Poll(activeLine+` === '## Patterns Applied'`, nil),
		deleteLines(9), // the heading, a blank line, its table and the blank line after
		chromedp.Poll(patternsProblem, nil),
		chromedp.Poll(outlineState("Patterns Applied")+` === 'missing'`, nil),
		chromedp.Poll(`document.querySelectorAll('.cm-lint-marker-error').length > 0`, nil),
	)
	var fixTitle string
	run(t, ctx,
		chromedp.Evaluate(`(() => {
			const b = [...document.querySelectorAll('#problems .cw-fix')].find(b => b.textContent.includes('Patterns Applied'));
			b.click();
			return b.textContent;
		})()`, &fixTitle),
		chromedp.Poll(`!(`+patternsProblem+`)`, nil),
	)
	var after []string
	run(t, ctx, chromedp.Evaluate(previewHeadings, &after))
	if strings.Join(after, "|") != strings.Join(before, "|") {
		t.Fatalf("after %q the sections should be as in the template:\nwant %q\ngot  %q", fixTitle, before, after)
	}
	var table bool
	run(t, ctx, chromedp.Evaluate(`!!document.querySelector('#patterns-applied').closest('.cw-block').nextElementSibling.querySelector('table')`, &table))
	if !table {
		t.Fatal("the inserted section should carry the template's table")
	}

	// One undo takes back the whole fix.
	run(t, ctx,
		focusEditor(),
		chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.Poll(patternsProblem, nil),
		chromedp.Poll(`!document.querySelector('#patterns-applied')`, nil),
	)
}

// TestFixesFollowTypingAbove deletes a section, then types above it key by key: the problem's
// quick fix moves with the text (the core sends no new diagnostics for keys that only move
// them; the page moves the ones it has, which the editor's own quick fixes share), so the fix
// from the Problems list puts the section back where it was.
func TestFixesFollowTypingAbove(t *testing.T) {
	ctx := openApp(t)
	var before []string
	run(t, ctx, chromedp.Evaluate(previewHeadings, &before))
	const typed = "Fix me later."
	typedOnce := `[...document.querySelectorAll('#preview p')].some(p => p.textContent.includes(` + jsString(typed) + `))`
	run(t, ctx,
		clickOutline("Patterns Applied"),
		chromedp.Poll(activeLine+` === '## Patterns Applied'`, nil),
		deleteLines(9), // the heading, a blank line, its table and the blank line after
		chromedp.Poll(patternsProblem, nil),
		chromedp.Poll(`document.querySelectorAll('.cm-lint-marker-error').length > 0`, nil),
		// The Challenge's first paragraph, above the missing section, typed in key by key.
		clickOutline("The Challenge"),
		chromedp.Poll(activeLine+` === '## The Challenge'`, nil),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.End),
		chromedp.KeyEvent(" "+typed),
		chromedp.Poll(typedOnce, nil),
		chromedp.Evaluate(`[...document.querySelectorAll('#problems .cw-fix')].find(b => b.textContent.includes('Patterns Applied')).click()`, nil),
		chromedp.Poll(`!(`+patternsProblem+`)`, nil),
	)
	var after []string
	run(t, ctx, chromedp.Evaluate(previewHeadings, &after))
	if strings.Join(after, "|") != strings.Join(before, "|") {
		t.Fatalf("after the fix the sections should be as in the template:\nwant %q\ngot  %q", before, after)
	}
}

// TestLintHoverOffersFix checks the editor's own surface: the problem's underline, F8 to it,
// and the hover's action applying the fix.
func TestLintHoverOffersFix(t *testing.T) {
	ctx := openApp(t)
	run(t, ctx,
		clickOutline("Patterns Applied"),
		chromedp.Poll(activeLine+` === '## Patterns Applied'`, nil),
		chromedp.KeyEvent("X"), // "X## Patterns Applied" is no heading: the section is missing
		chromedp.Poll(patternsProblem, nil),
		// The problems reach the text with the editor's aids, after ready.
		chromedp.Poll(`document.querySelectorAll('.cm-lint-marker-error').length > 0`, nil),
		chromedp.KeyEvent(kb.Home),
		chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent(kb.F8),
		chromedp.Poll(`document.querySelector('.cm-tooltip-lint') !== null || document.querySelector('.cm-panel.cm-panel-lint') !== null || document.querySelectorAll('.cm-lintRange-error').length > 0`, nil),
	)
}

// TestOutlineFollowsWriting writes The Challenge's prose: its Outline entry goes from
// placeholders to done, and the completeness bar moves up.
func TestOutlineFollowsWriting(t *testing.T) {
	ctx := openApp(t)
	var state string
	var before float64
	run(t, ctx,
		chromedp.Evaluate(outlineState("The Challenge"), &state),
		chromedp.Evaluate(`Number(document.querySelector('#outline progress').value)`, &before),
	)
	if state != "placeholders" {
		t.Fatalf("the template's Challenge should have placeholders left, the Outline says %q", state)
	}
	run(t, ctx,
		clickOutline("The Challenge"),
		chromedp.Poll(activeLine+` === '## The Challenge'`, nil),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowDown),
		deleteLines(3), // the template's prompt, a blank line and its example
		insertText("Acme's checkout had to take 40,000 orders a minute during flash sales without losing a single payment, while the team could not stop the monolith for a rewrite.\n"),
		chromedp.Poll(outlineState("The Challenge")+` === 'done'`, nil),
		chromedp.Poll(`Number(document.querySelector('#outline progress').value) > `+fmt.Sprint(before), nil),
	)
}

// TestFencedCodeIsHighlighted adds fenced code and raw HTML: the code is coloured as its fence's
// language says once that language has loaded (JavaScript here, Markdown nested in Markdown),
// and raw HTML is shown as Markdown's HTML, without errors.
func TestFencedCodeIsHighlighted(t *testing.T) {
	ctx := openApp(t)
	// lineHas holds once the editor line containing text has an element of class cls.
	lineHas := func(text, cls string) string {
		return `[...document.querySelectorAll('.cm-line')].some(l => l.textContent.includes(` + jsString(text) + `) && l.querySelector(` + jsString("."+cls) + `))`
	}
	run(t, ctx,
		focusEditor(),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText("\n\n```js\nconst answer = 42;\n```\n\n````markdown\n## Nested heading\n````\n\n<aside class=\"note\">Raw HTML</aside>\n"),
		chromedp.Poll(lineHas("const answer", "tok-keyword"), nil),
		chromedp.Poll(lineHas("## Nested heading", "tok-heading"), nil),
		chromedp.Poll(`[...document.querySelectorAll('.cm-line')].some(l => l.textContent === '<aside class="note">Raw HTML</aside>')`, nil),
	)
}

// TestStatusBarCountsWords: the status bar counts the draft's words (runs of non-space
// characters), and counts them again after edits at the end and at the start (the count
// keeps the counts of the parts of the text an edit left alone).
func TestStatusBarCountsWords(t *testing.T) {
	ctx := openApp(t)
	words := len(strings.Fields(string(editor.DefaultTemplate().New())))
	const shown = `Number(document.querySelector('#status-words').textContent.replace(/[^0-9]/g, ''))`
	run(t, ctx, chromedp.Poll(fmt.Sprintf(`%s === %d`, shown, words), nil))
	run(t, ctx,
		focusEditor(),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText("\n\nThree more words"),
		chromedp.Poll(fmt.Sprintf(`%s === %d`, shown, words+3), nil),
		chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText("Two more "),
		chromedp.Poll(fmt.Sprintf(`%s === %d`, shown, words+5), nil),
	)
}

// TestEditsReachThePreviewAndTheDraft: the editor hands the core each edit rather than the
// whole text. Typing characters of more than one UTF-16 unit, one edit changing three places
// at once (Replace All), and deleting an emoji leave the preview and the saved draft with
// exactly the text typed.
func TestEditsReachThePreviewAndTheDraft(t *testing.T) {
	ctx := openApp(t)
	const paragraph = `[...document.querySelectorAll('#preview p')].some(p => p.textContent === %s)`
	// The search panel's fields commit on change.
	const fill = `(() => {
		const set = (name, value) => {
			const field = document.querySelector('.cm-search input[name="' + name + '"]');
			field.value = value;
			field.dispatchEvent(new Event('change'));
		};
		set('search', 'foo');
		set('replace', 'qu\u00e9\u{1F600}');
		document.querySelector('.cm-search button[name="replaceAll"]').click();
		return true;
	})()`
	run(t, ctx,
		chromedp.Poll(`!!document.querySelector('.cm-content .tok-heading')`, nil), // the aids: search
		focusEditor(),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText("\n\nfoo bar foo baz foo\n"),
		chromedp.KeyEvent("f", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.WaitVisible(`.cm-search input[name="replace"]`, chromedp.ByQuery),
		chromedp.Evaluate(fill, nil),
		chromedp.Poll(fmt.Sprintf(paragraph, jsString("qu\u00e9😀 bar qu\u00e9😀 baz qu\u00e9😀")), nil),
		focusEditor(),
		chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText("😀 "),
		chromedp.KeyEvent(kb.Backspace),
		chromedp.KeyEvent(kb.Backspace),
		waitSaved("qu\u00e9😀 bar qu\u00e9😀 baz qu\u00e9😀\n"),
	)
	var text string
	run(t, ctx, chromedp.Evaluate(openDraftJS+`.then((d) => d.text)`, &text, awaitPromise))
	want := string(editor.DefaultTemplate().New()) + "\n\nqu\u00e9😀 bar qu\u00e9😀 baz qu\u00e9😀\n"
	if text != want {
		t.Errorf("the saved draft ends %q, want %q", text[max(0, len(text)-60):], want[len(want)-60:])
	}
}

// TestEditorAidsArriveAfterReady: the Markdown mode, search, bracket closing and the problems
// shown in the text load after the app is ready (to keep them out of what it fetches first);
// once they are in, headings are highlighted, the template's placeholders are marked in the
// gutter, Ctrl-F opens CodeMirror's search panel, which finds text in the draft, a typed "("
// gets its ")", and Enter on a list item starts the next one.
func TestEditorAidsArriveAfterReady(t *testing.T) {
	ctx := openApp(t)
	// Until the aids are in, Ctrl-F is not the editor's: press it again until the panel opens.
	const openSearch = `(() => {
		if (document.querySelector('.cm-search')) return true;
		document.querySelector('.cm-content').dispatchEvent(new KeyboardEvent('keydown',
			{ key: 'f', code: 'KeyF', keyCode: 70, ctrlKey: true, bubbles: true, cancelable: true }));
		return !!document.querySelector('.cm-search');
	})()`
	run(t, ctx,
		chromedp.Poll(`!!document.querySelector('.cm-content .tok-heading')`, nil),
		chromedp.Poll(`document.querySelectorAll('.cm-gutter-lint .cm-lint-marker').length > 0`, nil),
		focusEditor(),
		chromedp.Poll(openSearch, nil),
		chromedp.SendKeys(`.cm-search input[name="search"]`, "Architecture Overview", chromedp.ByQuery),
		chromedp.Poll(`[...document.querySelectorAll('.cm-searchMatch')].some(m => m.textContent === 'Architecture Overview')`, nil),
		focusEditor(),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent("\n("),
		chromedp.Poll(activeLine+` === '()'`, nil),
		chromedp.KeyEvent(kb.End),
		insertText("\n\n- first item"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.Poll(`[...document.querySelectorAll('.cm-line')].some((l, i, all) => l.textContent === '- first item' && all[i + 1]?.textContent === '- ')`, nil),
	)
}

// TestMermaidErrorOnItsLine adds a diagram with a syntax error on its third line: the problem
// names mermaid and points at that line of the draft; the template's diagrams are drawn.
func TestMermaidErrorOnItsLine(t *testing.T) {
	ctx := openApp(t)
	run(t, ctx, chromedp.Poll(`document.querySelector('#preview pre.mermaid svg') !== null`, nil))
	run(t, ctx,
		focusEditor(),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText("\n\n```mermaid\ngraph TD\n    A --> B\n    B -->> ((broken\n    C --> D\n```\n"),
		chromedp.Poll(`[...document.querySelectorAll('#problems .cw-problem')].some(li => li.textContent.includes('mermaid: diagram-syntax'))`, nil),
		chromedp.Poll(`document.querySelectorAll('.cm-lintRange-error').length > 0`, nil),
	)
	// The problem's line is the broken one.
	run(t, ctx,
		chromedp.Evaluate(`[...document.querySelectorAll('#problems .cw-problem')].find(li => li.textContent.includes('diagram-syntax')).querySelector('.cw-goto').click()`, nil),
		chromedp.Poll(activeLine+`.includes('B -->> ((broken')`, nil),
	)
	// Mending the line clears the problem and draws the diagram.
	run(t, ctx,
		chromedp.KeyEvent(kb.End),
		chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(input.ModifierShift)),
		insertText("    B --> C"),
		chromedp.Poll(`![...document.querySelectorAll('#problems .cw-problem')].some(li => li.textContent.includes('diagram-syntax'))`, nil),
		chromedp.Poll(`[...document.querySelectorAll('#preview pre.mermaid')].at(-1).querySelector('svg') !== null`, nil),
	)
}

// TestScrollSync scrolls the editor and then the preview: the other side shows the same part
// of the draft; a click on a preview block puts the cursor on its source line.
func TestScrollSync(t *testing.T) {
	ctx := openApp(t)
	// Whether the preview's top block holds the editor's top line (within a line either way).
	const inStep = `(() => {
		const scroller = document.querySelector('.cm-scroller');
		const top = scroller.getBoundingClientRect().top;
		const number = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')]
			.find(g => g.getBoundingClientRect().bottom > top + 2 && /^\d+$/.test(g.textContent));
		const editorLine = Number(number.textContent);
		const preview = document.querySelector('#preview');
		const ptop = preview.getBoundingClientRect().top;
		const block = [...preview.children].find(b => b.getBoundingClientRect().bottom > ptop + 2);
		const next = block.nextElementSibling;
		return Number(block.dataset.line) <= editorLine + 1 && (!next || Number(next.dataset.line) >= editorLine - 1);
	})()`
	run(t, ctx,
		// Diagrams are drawn lazily and change the preview's height: let them settle first.
		chromedp.Poll(`[...document.querySelectorAll('#preview pre.mermaid')].every(p => p.querySelector('svg'))`, nil),
		chromedp.Evaluate(`document.querySelector('.cm-scroller').scrollTop = 1500`, nil),
		chromedp.Poll(`document.querySelector('#preview').scrollTop > 0`, nil),
		chromedp.Poll(inStep, nil),
	)
	var editorTop float64
	run(t, ctx,
		chromedp.Evaluate(`document.querySelector('.cm-scroller').scrollTop`, &editorTop),
		chromedp.Evaluate(`document.querySelector('#preview').scrollTop += 1200`, nil),
		chromedp.Poll(`document.querySelector('.cm-scroller').scrollTop > `+fmt.Sprint(editorTop+100), nil),
		chromedp.Poll(inStep, nil),
	)
	// A click on the preview's Patterns Applied heading puts the cursor on it; the editor scrolls
	// to it and the preview stays where it was clicked.
	var clickedAt, stayedAt float64
	run(t, ctx,
		chromedp.Evaluate(`document.querySelector('#patterns-applied').scrollIntoView()`, nil),
		chromedp.Poll(inStep, nil),
		chromedp.Evaluate(`document.querySelector('#preview').scrollTop`, &clickedAt),
		chromedp.Click(`#patterns-applied`, chromedp.ByQuery),
		chromedp.Poll(activeLine+` === '## Patterns Applied'`, nil),
		chromedp.Evaluate(`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r(document.querySelector('#preview').scrollTop)))))`, &stayedAt, awaitPromise),
	)
	if stayedAt != clickedAt {
		t.Errorf("the preview moved from %v to %v after a click on one of its blocks", clickedAt, stayedAt)
	}
	// Another draft opens at its top, in an editor of its own: the preview goes to the top too,
	// and follows the new editor.
	run(t, ctx,
		pressButton(`//button[@id="new-draft"]`),
		waitUntil(`document.querySelectorAll('#drafts li[data-id]').length === 2`),
		chromedp.Poll(`[...document.querySelectorAll('#preview pre.mermaid')].every(p => p.querySelector('svg'))`, nil),
		chromedp.Poll(`document.querySelector('#preview').scrollTop === 0`, nil),
		chromedp.Evaluate(`document.querySelector('.cm-scroller').scrollTop = 1500`, nil),
		chromedp.Poll(`document.querySelector('#preview').scrollTop > 0`, nil),
		chromedp.Poll(inStep, nil),
	)
}

// TestScreenshots saves the page in its light and dark themes (testdata/screenshots), after
// checking that the theme button switches the look and says what it will switch to.
func TestScreenshots(t *testing.T) {
	ctx := openApp(t)
	dir := filepath.Join("..", "testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	background := `getComputedStyle(document.body).backgroundColor`
	run(t, ctx, chromedp.EmulateViewport(1280, 900))
	// shoot saves the page at the top of the draft and at its first diagram.
	shoot := func(theme string) string {
		var bg string
		run(t, ctx,
			chromedp.Poll(`document.querySelector('#preview pre.mermaid svg') !== null`, nil),
			chromedp.Evaluate(background, &bg),
		)
		for _, at := range []struct{ name, scroll string }{
			{theme + ".png", `document.querySelector('#preview').scrollTop = 0`},
			{theme + "-diagram.png", `document.querySelector('#preview').scrollTop = document.querySelector('#architecture-overview').offsetTop - 20`},
		} {
			var png []byte
			run(t, ctx,
				chromedp.Evaluate(at.scroll, nil),
				chromedp.Evaluate(`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, nil, awaitPromise),
				chromedp.CaptureScreenshot(&png),
			)
			if err := os.WriteFile(filepath.Join(dir, at.name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return bg
	}
	// Start from light whatever the system prefers.
	run(t, ctx, chromedp.Evaluate(`(() => { const b = document.querySelector('#theme-toggle'); if (b.textContent === 'Light theme') b.click(); })()`, nil))
	light := shoot("light")
	var label string
	run(t, ctx,
		pressButton(`//button[text()="Dark theme"]`),
		chromedp.Poll(`document.documentElement.dataset.theme === 'dark'`, nil),
		chromedp.Text(`#theme-toggle`, &label, chromedp.ByQuery),
	)
	if label != "Light theme" {
		t.Errorf("in the dark theme the button should offer the light one, it says %q", label)
	}
	dark := shoot("dark")
	if light == dark {
		t.Errorf("the dark theme should change the page's background, both are %s", light)
	}
	// The pick survives a reload.
	run(t, ctx,
		chromedp.Reload(),
		waitReady(),
		chromedp.Poll(`document.documentElement.dataset.theme === 'dark'`, nil),
	)
}

// TestKeystrokeLatency prints the time from a key press to the frame that shows the updated
// preview and problems, on the template and on a 100 KB case study. It reports, never fails
// on a figure: timing belongs to a benchmark, not to an assertion.
func TestKeystrokeLatency(t *testing.T) {
	large, err := os.ReadFile(filepath.Join("..", "testdata", "bench", "large-case-study.md"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := openApp(t)
	// Each keydown starts a clock; the next animation frame, which paints the preview and the
	// panels the keystroke updated, stops it.
	run(t, ctx, chromedp.Evaluate(`window.__latency = [];
		window.addEventListener('keydown', () => {
			const start = performance.now();
			requestAnimationFrame(() => window.__latency.push(performance.now() - start));
		}, true); true`, nil))
	measure := func(name string) {
		const keys = 60
		run(t, ctx,
			focusEditor(),
			chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(input.ModifierCtrl)),
			chromedp.KeyEvent(kb.Enter),
			chromedp.Evaluate(`window.__latency.length = 0`, nil),
		)
		for i := range keys {
			run(t, ctx, chromedp.KeyEvent(string(rune('a'+i%26))),
				chromedp.Poll(fmt.Sprintf(`window.__latency.length >= %d`, i+1), nil))
		}
		var samples []float64
		run(t, ctx, chromedp.Evaluate(`window.__latency`, &samples))
		sort.Float64s(samples)
		t.Logf("%s: keystroke to updated frame over %d keys: median %.1f ms, p95 %.1f ms, max %.1f ms",
			name, len(samples), samples[len(samples)/2], samples[len(samples)*95/100], samples[len(samples)-1])
		fmt.Printf("LATENCY %s median=%.1fms p95=%.1fms n=%d\n", name, samples[len(samples)/2], samples[len(samples)*95/100], len(samples))
	}
	measure("template")

	run(t, ctx,
		focusEditor(),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)),
		insertText(string(large)),
		chromedp.Poll(`document.querySelectorAll('#preview .cw-block').length > 300`, nil, chromedp.WithPollingTimeout(time.Minute)),
	)
	measure("large-case-study (100 KB)")
}
