// Times full renders of one document in the page: markdown-it and marked (the bench-only
// bundle window.casewrightPeers) and Casewright's own window.casewright.render (the core's
// render plus the page's sanitiser). Each renderer gets warm-up runs first; results are the
// durations of the timed runs, in milliseconds.
window.__cwTimeRenders = (text, runs) => {
  const peers = window.casewrightPeers;
  const renderers = {
    'markdown-it': (s) => peers.markdownIt.render(s),
    marked: (s) => peers.marked.parse(s),
    casewright: (s) => window.casewright.render(s),
  };
  const out = {};
  for (const [name, render] of Object.entries(renderers)) {
    for (let i = 0; i < 3; i++) render(text);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      render(text);
      times.push(performance.now() - start);
    }
    out[name] = times;
  }
  return out;
};
