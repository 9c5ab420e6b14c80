//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"casewright/render"
)

// payload is one entry of testdata/xss/payloads.txt, its XSS token replaced by a marker call.
type payload struct {
	n          int
	name, text string
}

// loadPayloads reads the corpus: "==> name" starts an entry, which runs to the next one.
func loadPayloads(t *testing.T) []payload {
	t.Helper()
	data, err := os.ReadFile("../testdata/xss/payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []payload
	for _, entry := range strings.Split(string(data), "\n==> ")[1:] {
		name, body, _ := strings.Cut(entry, "\n")
		n := len(out) + 1
		body = strings.ReplaceAll(strings.TrimRight(body, "\n"), "XSS", "__xss("+strconv.Itoa(n)+")")
		out = append(out, payload{n: n, name: name, text: body})
	}
	if len(out) < 150 {
		t.Fatalf("the corpus has %d payloads, want at least 150", len(out))
	}
	return out
}

// xssWatch runs in the page before any of its own scripts: it records every way a payload
// could show it ran (its marker, alert and friends) and every script the CSP alone stopped,
// which means the sanitiser let it through.
const xssWatch = `(() => {
  const ran = [];
  const blocked = [];
  Object.defineProperty(window, '__xssRan', { value: ran });
  Object.defineProperty(window, '__cspBlocked', { value: blocked });
  Object.defineProperty(window, '__xss', { value: (n) => ran.push('payload ' + n) });
  for (const fn of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, fn, { value: (...args) => ran.push(fn + '(' + args.join(',') + ')') });
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    // Chrome also reports handlers met while DOMPurify parses in its inert document, before it
    // strips them: only an element that still carries script counts.
    const el = e.target;
    if (!(el instanceof Element) || !(el.localName === 'script' || [...el.attributes].some((a) => /^on/i.test(a.name)))) return;
    const where = e.target?.closest?.('[data-payload]')?.dataset.payload;
    blocked.push({ directive: e.effectiveDirective, uri: e.blockedURI, where: where ?? '', element: e.target.outerHTML.slice(0, 160) });
  });
})();`

// findingsJS defines scriptCapable(root), which lists what in root could run script, load
// from elsewhere or stand in for a global: the property the sanitiser must guarantee.
const findingsJS = `window.scriptCapable = (root) => {
  const bad = [];
  const tags = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base',
    'meta', 'link', 'style', 'form', 'portal', 'noscript', 'template']);
  const urls = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'background',
    'poster', 'ping', 'srcset', 'codebase', 'lowsrc', 'dynsrc']);
  const gadgets = new Set(['casewright', 'casewrightCore', 'Go', 'global', 'exports', 'module',
    'process', 'define', 'require', 'addEventListener', 'toString']);
  const align = /^\s*text-align:\s*(left|right|center);?\s*$/i;
  const raster = /^data:image\/(png|gif|jpeg|webp|avif|bmp|svg\+xml)[;,]/i;
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    // A drawn diagram is mermaid's own SVG, with its own style: only URLs in it count.
    const diagram = el.closest('pre.mermaid') && el.closest('svg');
    if (tags.has(tag) && !(diagram && tag === 'style')) bad.push('<' + tag + '>');
    if (tag === 'style' && /url\(|@import/i.test(el.textContent)) bad.push('<style> with a URL');
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\u0000-\u0020]/g, '');
      if (name.startsWith('on')) bad.push(tag + '[' + name + ']');
      if (name === 'srcdoc' || name === 'formaction') bad.push(tag + '[' + name + ']');
      if (name === 'style' && (diagram ? /url\(|expression/i.test(value) : !align.test(a.value))) bad.push(tag + '[style=' + a.value + ']');
      if (urls.has(name) || name.endsWith(':href')) {
        if (/^(javascript|vbscript):/i.test(value)) bad.push(tag + '[' + name + '=' + a.value + ']');
        if (/^data:/i.test(value) && !(tag === 'img' && name === 'src' && raster.test(value))) bad.push(tag + '[' + name + '=data:…]');
      }
      if ((tag === 'animate' || tag === 'set') && /script:/i.test(value)) bad.push(tag + '[' + name + '=' + a.value + ']');
      if ((name === 'id' || name === 'name') && gadgets.has(a.value)) bad.push(tag + '[' + name + '=' + a.value + '] clobbers a global');
    }
  }
  return bad;
};`

// settleJS waits until what a payload could set off has had its turn: images loaded or
// failed (onerror), diagrams drawn, then two frames (animations, focus) and one more task.
const settleJS = `(async () => {
  const imgs = [...document.images].filter((i) => !i.complete);
  await Promise.all(imgs.map((i) => new Promise((r) => {
    i.addEventListener('load', r, { once: true });
    i.addEventListener('error', r, { once: true });
  })));
  while (document.querySelector('#preview pre.mermaid[data-cw-diagram="pending"], #preview pre.mermaid:not([data-cw-diagram])')) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 0));
  return true;
})()`

// netWatch records every request the page starts to another origin and whether the CSP
// stopped it before it left.
type netWatch struct {
	origin string
	mu     sync.Mutex
	urls   map[network.RequestID]string
	csp    map[network.RequestID]bool
}

func watchNetwork(ctx context.Context, origin string) *netWatch {
	w := &netWatch{origin: origin, urls: map[network.RequestID]string{}, csp: map[network.RequestID]bool{}}
	chromedp.ListenTarget(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if u, err := url.Parse(e.Request.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "ws" || u.Scheme == "wss") &&
				u.Scheme+"://"+u.Host != w.origin {
				w.urls[e.RequestID] = e.Request.URL
			}
		case *network.EventLoadingFailed:
			if e.BlockedReason == network.BlockedReasonCsp {
				w.csp[e.RequestID] = true
			}
		}
	})
	return w
}

// result returns the foreign requests that left the page and how many the CSP stopped.
func (w *netWatch) result() (left []string, blocked int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for id, u := range w.urls {
		if w.csp[id] {
			blocked++
		} else {
			left = append(left, u)
		}
	}
	return left, blocked
}

// TestXSSCorpus puts every payload of the corpus through the public render API, into the
// live page on its own, and into the editor in batches, and fails if anything runs, if any
// output could run script, or if any request leaves for another origin.
func TestXSSCorpus(t *testing.T) {
	payloads := loadPayloads(t)
	ctx := newBrowser(t, t.TempDir())
	origin := strings.TrimSuffix(appURL, "/")
	net := watchNetwork(ctx, origin)
	run(t, ctx,
		network.Enable(),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(xssWatch).Do(ctx)
			return err
		}),
		chromedp.Navigate(appURL),
		waitReady(),
		chromedp.Evaluate(findingsJS, nil),
	)
	texts := make([]string, len(payloads))
	for i, p := range payloads {
		texts[i] = p.text
	}
	list := jsValue(texts)

	// 1. The public API, one payload at a time, judged in an inert template.
	var apiFindings [][]string
	run(t, ctx, chromedp.Evaluate(list+`.map((text) => {
		const tpl = document.createElement('template');
		tpl.innerHTML = casewright.render(text);
		return scriptCapable(tpl.content);
	})`, &apiFindings))
	for i, f := range apiFindings {
		if len(f) > 0 {
			t.Errorf("casewright.render(payload %d %s) returned script-capable HTML: %s", payloads[i].n, payloads[i].name, strings.Join(f, ", "))
		}
	}

	// 2. Each payload alone in the live page: its sanitised string parsed again, as innerHTML
	// would (the round trip mutation XSS relies on).
	run(t, ctx,
		chromedp.Evaluate(`{
			const box = document.createElement('div');
			box.hidden = false;
			`+list+`.forEach((text, i) => {
				const one = document.createElement('div');
				one.dataset.payload = String(i + 1);
				one.innerHTML = casewright.render(text);
				box.append(one);
			});
			document.body.append(box);
			box.id = 'cw-isolated';
		}`, nil),
		chromedp.Evaluate(settleJS, nil, awaitPromise),
	)
	checkNothingRan(t, ctx, "each payload alone")
	var liveFindings []string
	run(t, ctx,
		chromedp.Evaluate(`scriptCapable(document.getElementById('cw-isolated'))`, &liveFindings),
		chromedp.Evaluate(`document.getElementById('cw-isolated').remove()`, nil),
	)
	if len(liveFindings) > 0 {
		t.Errorf("payloads alone in the page became script-capable: %s", strings.Join(liveFindings, ", "))
	}

	// 3. Pasted into the editor, many per draft: the preview's own path, through the sanitiser
	// the core is given. Each batch starts with a heading that shows the preview caught up.
	const batchSize = 20
	diagrams := 0
	for start := 0; start < len(payloads); start += batchSize {
		batch := payloads[start:min(start+batchSize, len(payloads))]
		title := fmt.Sprintf("XSS batch %d", start/batchSize+1)
		var doc strings.Builder
		doc.WriteString("# " + title + "\n\n")
		for _, p := range batch {
			doc.WriteString(p.text + "\n\n")
		}
		var findings []string
		run(t, ctx,
			pasteText(doc.String()),
			chromedp.Poll(`document.querySelector('#preview h1')?.id === `+jsString(render.Slug(title)), nil),
			chromedp.Evaluate(settleJS, nil, awaitPromise),
			chromedp.Evaluate(`scriptCapable(document.getElementById('preview'))`, &findings),
		)
		diagrams += countDiagrams(t, ctx)
		if len(findings) > 0 {
			t.Errorf("%s (payloads %d–%d): the preview holds %s", title, batch[0].n, batch[len(batch)-1].n, strings.Join(findings, ", "))
		}
		checkNothingRan(t, ctx, title)
	}

	if diagrams == 0 {
		t.Error("no mermaid payload was drawn: the diagrams' labels were never put to the test")
	}

	// Hostile drafts leave the core working: the next draft shows and is saved.
	const after = "# After the corpus\n\nStill saving.\n"
	run(t, ctx,
		pasteText(after),
		chromedp.Poll(`document.querySelector('#preview h1')?.id === 'after-the-corpus'`, nil),
	)
	run(t, ctx, chromedp.Evaluate(`(async () => {
		for (;;) {
			const list = await casewright.drafts.list();
			if ((await casewright.drafts.get(list[0].id)).text === `+jsString(after)+`) return true;
			await new Promise((r) => setTimeout(r, 50));
		}
	})()`, nil, awaitPromise))

	left, blocked := net.result()
	if len(left) > 0 {
		t.Errorf("requests left the page for other origins: %s", strings.Join(left, ", "))
	}
	t.Logf("%d payloads: each through casewright.render, alone in the page and pasted in %d drafts (%d diagrams drawn); %d requests to other origins were stopped by the CSP, %d left",
		len(payloads), (len(payloads)+batchSize-1)/batchSize, diagrams, blocked, len(left))
}

// countDiagrams returns how many mermaid diagrams the preview drew or rejected.
func countDiagrams(t *testing.T, ctx context.Context) int {
	t.Helper()
	var n int
	run(t, ctx, chromedp.Evaluate(`document.querySelectorAll('#preview pre.mermaid[data-cw-diagram="drawn"] svg').length`, &n))
	return n
}

// checkNothingRan fails the test if any payload ran or was stopped only by the CSP.
func checkNothingRan(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	var ran []string
	var csp []struct{ Directive, URI, Where, Element string }
	run(t, ctx,
		chromedp.Evaluate(`window.__xssRan.splice(0)`, &ran),
		chromedp.Evaluate(`window.__cspBlocked.splice(0).filter((v) => !/^(img|media|font|style|connect|frame)-src/.test(v.directive))`, &csp),
	)
	if len(ran) > 0 {
		t.Errorf("%s: script ran: %s", when, strings.Join(ran, ", "))
	}
	for _, v := range csp {
		t.Errorf("%s: only the CSP stopped %s (%s) in %s (payload %s)", when, v.Directive, v.URI, v.Element, v.Where)
	}
}

// TestPreviewIDsKeepAnchorsNotThePage checks the sanitiser's rule for ids: headings keep
// theirs, so #anchor links work even where the id names a document property ("Links"), but
// an id the page itself uses (#problems) or a global scripts look up stays out of the preview.
func TestPreviewIDsKeepAnchorsNotThePage(t *testing.T) {
	ctx := newBrowser(t, t.TempDir())
	var anchors, panel, global bool
	run(t, ctx,
		chromedp.Navigate(appURL),
		waitReady(),
		pasteText("# IDs\n\n## Links\n\n## Title\n\n## Problems\n\n<a id=\"global\">g</a>\n\n[to links](#links)\n"),
		chromedp.Poll(`document.querySelector('#preview h1')?.id === 'ids'`, nil),
		chromedp.Evaluate(`!!document.querySelector('#preview h2#links') && !!document.querySelector('#preview h2#title')`, &anchors),
		chromedp.Evaluate(`document.getElementById('problems').localName === 'section' && !document.querySelector('#preview #problems')`, &panel),
		chromedp.Evaluate(`typeof window.global === 'undefined'`, &global),
	)
	if !anchors {
		t.Error("the headings Links and Title lost their ids: #links and #title anchors do not resolve")
	}
	if !panel {
		t.Error("a heading took the id of the Problems panel: the page's own lookups would find it")
	}
	if !global {
		t.Error(`<a id="global"> became window.global, which libraries take for the global object`)
	}
}
