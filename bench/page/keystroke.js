// Installed in the app's page once it is ready: times every keystroke from its keydown event
// to the end of the editor's diagnostics dispatch that follows the update (the preview is
// patched and the problems computed inside the update, the diagnostics shown right after,
// when they changed other than by moving with the edit), and watches for long tasks. The harness drives the keys; window.__cwKeys reports.
(() => {
  if (window.__cwKeys) return;
  const content = document.querySelector('.cm-content');
  // What EditorView.findFromDOM does, without importing CodeMirror into the page again.
  const view = content && content.cmTile && content.cmTile.root && content.cmTile.root.view;
  if (!view) throw new Error('no CodeMirror view found under .cm-content');

  const samples = [];
  const longTasks = [];
  const waiters = [];
  let pending = null;

  document.addEventListener('keydown', (event) => {
    pending = { start: event.timeStamp, updated: false };
  }, true);

  // The keystroke's own dispatch changes the document (and runs the core's update through the
  // editor's update listener); the next dispatch is the diagnostics, queued as a microtask,
  // unless the diagnostics shown only moved with the edit: then the keystroke ends once the
  // microtasks queued during its dispatch have run.
  const finish = (keystroke, diagnostics) => {
    const end = performance.now();
    const core = performance.getEntriesByName('casewright:update', 'measure').pop();
    samples.push({
      at: keystroke.start,
      total: end - keystroke.start,
      core: core ? core.duration : -1,
      input: keystroke.input,
      diagnostics: diagnostics(end),
    });
    pending = null;
    for (const wake of waiters.splice(0)) wake();
  };
  const dispatch = view.dispatch;
  view.dispatch = function (...args) {
    const before = view.state.doc;
    const begun = performance.now();
    const result = dispatch.apply(this, args);
    const keystroke = pending;
    if (keystroke) {
      if (view.state.doc !== before) {
        keystroke.updated = true;
        keystroke.input = begun - keystroke.start;
        queueMicrotask(() => { if (pending === keystroke) finish(keystroke, () => 0); });
      } else if (keystroke.updated) {
        finish(keystroke, (end) => end - begun);
      }
    }
    return result;
  };

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });

  window.__cwKeys = {
    view,
    // cursorInMiddle puts the cursor after the first word of the first paragraph line past
    // the middle of the document, and returns its offset.
    cursorInMiddle() {
      const doc = view.state.doc;
      let line = doc.lineAt(Math.floor(doc.length / 2));
      while (line.number < doc.lines && !/^[A-Za-z][^|]{40,}$/.test(line.text)) line = doc.line(line.number + 1);
      const space = line.text.indexOf(' ');
      const at = line.from + (space > 0 ? space : 0);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
      return at;
    },
    reset() { samples.length = 0; longTasks.length = 0; },
    // settled resolves once n keystrokes are timed and the frame showing the last one is drawn:
    // a task queued from the frame's animation callback runs after its layout and paint.
    settled(n) {
      return new Promise((resolve) => {
        const check = () => {
          if (samples.length >= n) requestAnimationFrame(() => setTimeout(() => resolve(samples.length)));
          else waiters.push(check);
        };
        check();
      });
    },
    // state is what the timer and the page were at, for a keystroke that never settles.
    state() {
      return JSON.stringify({
        timed: samples.length,
        pending,
        focused: document.activeElement?.className || document.activeElement?.tagName,
        editorFocused: view.hasFocus,
        length: view.state.doc.length,
        dialog: !!document.querySelector('dialog[open]'),
        notice: document.querySelector('#notice')?.textContent,
        status: document.querySelector('#save-status')?.textContent,
      });
    },
    results() { return { samples: samples.slice(), longTasks: longTasks.slice() }; },
  };
})();
