// Runs before the app's own scripts on every page the harness opens: notes, in milliseconds
// since the navigation started, when the WASM finished downloading, when the Go core started
// (it sets globalThis.casewrightCore), when the preview first shows a block, when each stage
// of start-up ended (the app's casewright: marks) and when window.casewright.ready resolves. window.__cwStartup resolves with them once the app is ready.
(() => {
  const marks = {};
  let settle;
  window.__cwStartup = new Promise((resolve) => { settle = resolve; });
  let api;
  // main.js assigns window.casewright once, with its ready promise: catch the assignment.
  Object.defineProperty(window, 'casewright', {
    configurable: true,
    get() { return api; },
    set(value) {
      api = value;
      Promise.resolve(value && value.ready).then(
        () => {
          marks.ready = performance.now();
          const resources = performance.getEntriesByType('resource');
          const wasm = resources.find((e) => e.name.endsWith('.wasm'));
          if (wasm) marks.wasm = wasm.responseEnd;
          // When each stage of start-up ended: the WASM's request, then the app's own marks.
          marks.stages = { 'WASM requested': wasm ? wasm.fetchStart : -1, 'WASM downloaded': wasm ? wasm.responseEnd : -1 };
          for (const m of performance.getEntriesByType('mark')) {
            if (m.name.startsWith('casewright:')) marks.stages[m.name.slice('casewright:'.length)] = m.startTime;
          }
          // What the page had loaded by now: the document and the resources finished.
          marks.loaded = [location.href, ...resources.filter((e) => e.responseEnd > 0 && e.responseEnd <= marks.ready).map((e) => e.name)];
          settle(marks);
        },
        (err) => { marks.error = String(err); settle(marks); },
      );
    },
  });
  let core;
  Object.defineProperty(globalThis, 'casewrightCore', {
    configurable: true,
    get() { return core; },
    set(value) { core = value; marks.core = performance.now(); },
  });
  document.addEventListener('DOMContentLoaded', () => {
    const preview = document.getElementById('preview');
    if (!preview) return;
    const shown = () => {
      if (preview.children.length === 0) return false;
      marks.preview = performance.now();
      return true;
    };
    if (shown()) return;
    const observer = new MutationObserver(() => { if (shown()) observer.disconnect(); });
    observer.observe(preview, { childList: true });
  });
})();
