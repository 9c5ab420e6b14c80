// The Casewright app page: starts the core, mounts the editor on the open draft, and installs
// the page's features, each from a module of its own.
import { loadCore } from './core.js';
import { sanitizeToString, sanitizeToFragment } from './sanitize.js';
import { createEditor, showDiagnostics } from './editor.js';
import { installProblems } from './problems.js';
import { installExport } from './export.js';
import { draftsAPI } from './drafts-api.js';
import { createStatus } from './status.js';
import { installOutline } from './outline.js';
import { installTheme } from './theme.js';
import { installMermaid } from './mermaid.js';
import { installScrollSync } from './scroll-sync.js';
import { installStatusBar } from './statusbar.js';
import { installOffline } from './offline.js';
import { createNotice } from './notice.js';
import { installDrafts } from './drafts.js';
import { installImport } from './import.js';
import { installHistory } from './history.js';
import { installConflict } from './conflict.js';

const byId = (id) => document.getElementById(id);

// window.casewright exists at once with its ready promise; the rest arrives with the core.
let settle;
const api = { ready: new Promise((resolve, reject) => { settle = { resolve, reject }; }) };
window.casewright = api;

async function start() {
  const status = createStatus(byId('save-status'), byId('banner'));
  const core = await loadCore(new URL('casewright.wasm', import.meta.url));
  api.validate = (text) => JSON.parse(core.validate(String(text)));
  api.render = (text) => sanitizeToString(core.render(String(text)));

  const session = await core.mount({
    preview: byId('preview'),
    problems: byId('problems'),
    outline: byId('outline'),
    sanitize: sanitizeToFragment,
    storage: 'casewright',
    onStatus: status.save,
    onWarning: status.warn,
  });
  api.drafts = draftsAPI(session.drafts);

  // app is what every feature module works with: the core's session, the editor view, and
  // the result of the latest update, with listeners told of each new one.
  const app = {
    byId,
    session,
    status,
    state: JSON.parse(session.update(session.text)),
    listeners: [],
    onUpdate(fn) { this.listeners.push(fn); },
  };
  const onChange = (text) => {
    app.state = JSON.parse(session.update(text));
    for (const fn of app.listeners) fn(app.state);
    return app.state.diagnostics;
  };
  app.view = createEditor(byId('editor'), session.text, onChange);
  showDiagnostics(app.view, app.state.diagnostics);
  // openDocument shows another draft in a new editor state, so that Undo never crosses drafts.
  app.openDocument = (text) => {
    app.view.destroy();
    app.view = createEditor(byId('editor'), text, onChange);
    showDiagnostics(app.view, onChange(text));
  };
  app.notice = createNotice(byId('notice'));

  installProblems(app);
  installOutline(app);
  installTheme(app);
  installMermaid(app);
  installScrollSync(app);
  installStatusBar(app);
  installExport(app);
  installDrafts(app);
  installImport(app);
  installHistory(app);
  installConflict(app);

  // Whatever is typed reaches IndexedDB even when the tab goes away right after.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') session.flush();
  });
  window.addEventListener('pagehide', () => session.flush());

  settle.resolve(api);
}

installOffline();
start().catch((err) => {
  byId('banner').textContent = `Casewright could not start: ${err.message}`;
  byId('banner').hidden = false;
  settle.reject(err);
});
