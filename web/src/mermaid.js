// Mermaid diagrams in the preview: mermaid loads (as a chunk of its own) only once a
// pre.mermaid appears; only diagrams new to the page are drawn, since the core replaces only
// the blocks that changed; a diagram's syntax error becomes a problem on its line of the draft.
import { showDiagnostics } from './editor.js';
import { currentTheme } from './theme.js';

const source = 'mermaid';
const fenceOpener = /^\s*(?:>\s*)*(`{3,}|~{3,})\s*mermaid\b/;

export function installMermaid(app) {
  const preview = app.byId('preview');
  const sources = new WeakMap(); // pre → its diagram's text, kept after the SVG replaces it
  const drawn = new Map(); // diagram text → {id, svg}, for blocks re-rendered with the same diagram
  let loading = null;
  let queue = Promise.resolve(); // mermaid draws one diagram at a time
  let sentProblems = '[]';
  let ids = 0;
  const failed = new Set(); // the pres whose diagram has an error

  const load = () => loading ??= import('mermaid').then(({ default: mermaid }) => {
    configure(mermaid);
    return mermaid;
  });
  const configure = (mermaid) => mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict', // no scripts, no click handlers, labels sanitised
    // A diagram's %%{init}%% may not bring its own CSS (remote url(), restyling the page).
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'themeCSS', 'themeVariables', 'fontFamily', 'altFontFamily'],
    theme: currentTheme(app.themeElement) === 'dark' ? 'dark' : 'default',
  });

  const draw = async (mermaid, pre) => {
    const text = sources.get(pre);
    try {
      let diagram = drawn.get(text);
      if (diagram === undefined) {
        await mermaid.parse(text);
        const id = `cw-mermaid-${++ids}`;
        diagram = { id, svg: (await mermaid.render(id, text)).svg };
        if (drawn.size > 100) drawn.clear();
        drawn.set(text, diagram);
      }
      delete pre.dataset.cwError;
      failed.delete(pre);
      pre.innerHTML = diagram.svg; // mermaid's own output, sanitised by it in strict mode
      // The diagram's styles are scoped to its id, which the page's shared DOMPurify hooks may
      // strip from mermaid's output.
      pre.querySelector('svg')?.setAttribute('id', diagram.id);
      pre.dataset.cwDiagram = 'drawn';
    } catch (err) {
      pre.dataset.cwDiagram = 'error';
      failed.add(pre);
      pre.dataset.cwError = firstLine(err);
      pre.dataset.cwErrorLine = String(errorLine(err));
    }
  };

  // New diagrams come only in blocks the core inserts: an observer of the preview's children
  // hands those over, so that a keystroke does not search the whole preview (the drawn
  // diagrams of a long draft hold thousands of SVG nodes).
  const undrawn = 'pre.mermaid:not([data-cw-diagram])';
  const inserted = new MutationObserver((records) => drawNew(records));
  inserted.observe(preview, { childList: true });
  const undrawnIn = (records) => {
    const out = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches(undrawn)) out.push(node);
        else out.push(...node.querySelectorAll(undrawn));
      }
    }
    return out.filter((pre) => pre.isConnected && !pre.dataset.cwDiagram);
  };

  // drawNew draws the undrawn diagrams of the blocks records added, or of the whole preview.
  const drawNew = (records) => {
    const fresh = records ? undrawnIn(records) : preview.querySelectorAll(undrawn);
    if (fresh.length === 0) return;
    for (const pre of fresh) {
      sources.set(pre, pre.textContent);
      pre.dataset.cwDiagram = 'pending';
    }
    queue = queue.then(load).then(async (mermaid) => {
      for (const pre of fresh) if (pre.isConnected) await draw(mermaid, pre);
      publish();
    }).catch((err) => app.status.warn(`Diagrams cannot be drawn: ${err.message}`));
  };

  // problems finds the diagrams with errors now in the preview and places each on its line.
  const problems = () => {
    const doc = app.view.state.doc;
    const out = [];
    for (const pre of preview.querySelectorAll('pre.mermaid[data-cw-error]')) {
      const block = pre.closest('.cw-block[data-line]');
      if (!block) continue;
      const fence = fenceLine(doc, block, pre);
      const line = doc.line(Math.min(doc.lines, fence + Number(pre.dataset.cwErrorLine || 1)));
      const indent = line.text.length - line.text.trimStart().length;
      out.push({
        from: line.from + indent, to: Math.max(line.to, line.from + indent), line: line.number,
        col: indent + 1, endLine: line.number, endCol: line.length + 1,
        severity: 'error', code: 'diagram-syntax', source, message: `Diagram syntax: ${pre.dataset.cwError}`,
      });
    }
    return out;
  };

  // merge puts the page's diagram problems after the core's (whose indexes the panels' fix
  // buttons use) and hands them to the Problems panel when they changed.
  const merge = (state) => {
    const mine = problems();
    state.diagnostics = state.diagnostics.filter((d) => d.source !== source).concat(mine);
    const json = JSON.stringify(mine);
    if (json !== sentProblems) {
      sentProblems = json;
      app.session.setPageProblems(json);
    }
  };

  // publish shows problems found after the keystroke that revealed them.
  const publish = () => {
    merge(app.state);
    showDiagnostics(app.view, app.state.diagnostics);
  };

  app.onUpdate((state) => {
    drawNew(inserted.takeRecords());
    for (const pre of failed) if (!pre.isConnected) failed.delete(pre);
    if (sentProblems !== '[]' || failed.size > 0) merge(state);
  });
  app.themeElement.addEventListener('casewright:theme', () => {
    if (!loading) return;
    drawn.clear();
    queue = queue.then(load).then(async (mermaid) => {
      configure(mermaid);
      for (const pre of preview.querySelectorAll('pre.mermaid[data-cw-diagram="drawn"]')) await draw(mermaid, pre);
    });
  });
  drawNew();
}

// fenceLine returns the draft line of the ```mermaid opener of pre: the block starts at its
// data-line, and the n-th mermaid diagram of a block is its n-th mermaid fence.
function fenceLine(doc, block, pre) {
  const nth = [...block.querySelectorAll('pre.mermaid')].indexOf(pre);
  const start = Number(block.dataset.line);
  const end = Number(block.nextElementSibling?.dataset.line || doc.lines + 1);
  let seen = -1;
  for (let n = start; n < end && n <= doc.lines; n++) {
    if (fenceOpener.test(doc.line(n).text) && ++seen === nth) return n;
  }
  return start;
}

// errorLine finds the 1-based line within the diagram that mermaid's error points at.
function errorLine(err) {
  const loc = err?.hash?.loc;
  if (loc && Number.isInteger(loc.first_line)) return loc.first_line;
  if (Number.isInteger(err?.hash?.line)) return err.hash.line + 1;
  const m = /line (\d+)/i.exec(String(err?.message ?? err));
  return m ? Number(m[1]) : 1;
}

function firstLine(err) {
  const text = String(err?.message ?? err).trim();
  return text.split('\n')[0] || 'the diagram cannot be read';
}
