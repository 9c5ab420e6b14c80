// Runs before the app's own scripts on every page the harness opens: notes when the preview
// first shows a block and when window.casewright.ready resolves, in milliseconds since the
// navigation started. window.__cwStartup resolves with both once the app is ready.
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
        () => { marks.ready = performance.now(); settle(marks); },
        (err) => { marks.error = String(err); settle(marks); },
      );
    },
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
