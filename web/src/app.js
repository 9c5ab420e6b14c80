// mountApp: the one code path of the standalone page and the embedded element. It starts the
// core, mounts a session on the markup under root (a document or a ShadowRoot), and installs
// each feature. Everything that differs between the two hosts arrives in options.
import { loadCore } from './core.js';
import { sanitizeToString, sanitizeToFragment } from './sanitize.js';
import { createEditor, createWaitingEditor, editorState, showDiagnostics, useAids, withDiagnostics } from './editor.js';
import { markStartup } from './startup-marks.js';
import { draftsAPI } from './drafts-api.js';
import { createStatus } from './status.js';
import { createNotice } from './notice.js';
import { Compartment } from '@codemirror/state';
import { features, laterFeatures } from './features.js';
import { workspaceEvents } from './workspace-events.js';

// mountApp resolves to the API object (validate, render, drafts) once the editor is up.
// options: wasmURL; storage (IndexedDB name); template, site (texts) and path for the core;
// themeElement and themeKey for the theme; dialogHost for dialogs; emit(name, detail).
export async function mountApp(root, options) {
  const byId = (id) => root.getElementById(id);
  const emit = options.emit ?? (() => {});
  const status = createStatus(byId('save-status'), byId('banner'));
  // With a portal's pages, link completion is wanted from the start: it loads with the core.
  const earlyAids = options.site ? import('./editor-aids.js') : null;
  const loading = loadCore(options.wasmURL);
  // Built while the core downloads and compiles, not after: the draft's text comes with it.
  const waitingView = createWaitingEditor(byId('editor'));
  markStartup('editor built');
  const core = await loading;
  markStartup('core loaded');

  const mountOptions = {
    preview: byId('preview'),
    problems: byId('problems'),
    outline: byId('outline'),
    sanitize: sanitizeToFragment,
    storage: options.storage ?? 'casewright',
    onStatus: status.save,
    onWarning: status.warn,
  };
  for (const key of ['template', 'site', 'path']) {
    if (options[key] != null) mountOptions[key] = options[key];
  }
  const session = await core.mount(mountOptions);

  // app is what every feature module works with: the core's session, the editor view, and
  // the result of the latest update, with listeners told of each new one; listen(fn) hears
  // the workspace's events; installed settles once the features installed after ready are.
  const events = workspaceEvents(session.workspace);
  const app = {
    root,
    byId,
    session,
    storageName: mountOptions.storage, // the drafts database's name, which durability settings follow
    status,
    emit,
    themeElement: options.themeElement ?? document.documentElement,
    themeKey: options.themeKey ?? 'casewright-theme',
    dialogHost: options.dialogHost ?? document.body,
    // The draft shown unchecked, to be checked once the page is ready (below).
    state: JSON.parse(session.show()),
    listeners: [],
    onUpdate(fn) { this.listeners.push(fn); },
    listen: events.listen,
  };
  // took makes result the latest update, tells the listeners, and returns the diagnostics the
  // editor is to show: null when it has them already, moved with the edit.
  const took = (result, edits) => {
    if (result.moved) result.diagnostics = moveDiagnostics(app.state.diagnostics, edits);
    app.state = result;
    for (const fn of app.listeners) fn(app.state);
    // The page's own problems (diagrams) are found again at each update: shown again.
    return result.moved && !app.state.diagnostics.some((d) => d.source) ? null : app.state.diagnostics;
  };
  // onChange hands the core an edit of the text (the whole text when it cannot take the
  // edit, or there is none). doc is CodeMirror's Text.
  const onChange = (doc, edits) => {
    const shown = took(JSON.parse((edits && session.edit(edits, doc.length)) ?? session.update(doc.toString())), edits);
    if (options.emit) emit('change', doc.toString()); // built only for a page that listens
    emit('validate', app.state.diagnostics);
    return shown;
  };
  // The editor's aids (the Markdown mode, bracket closing, search, problems in the text,
  // fences' languages; link targets completing when the page gave the portal's pages) load
  // after ready; with link targets, before the editor, as a link may come at once.
  const targets = options.site ? JSON.parse(session.linkTargets()) ?? [] : [];
  const aids = new Compartment();
  let aidExtensions = null;
  if (targets.length) {
    const module = await earlyAids;
    aidExtensions = module.editorAids(targets);
    useAids(module);
  }
  const extensions = () => [aids.of(aidExtensions ?? [])];
  markStartup('first update');
  app.view = waitingView;
  app.view.setState(withDiagnostics(editorState(session.text, onChange, extensions()), app.state.diagnostics));
  markStartup('draft shown');
  // openDocument shows another draft in a new editor state, so that Undo never crosses drafts.
  app.openDocument = (text) => {
    app.view.destroy();
    app.view = createEditor(byId('editor'), text, onChange, extensions());
    showDiagnostics(app.view, onChange(app.view.state.doc));
  };
  if (!aidExtensions) {
    afterReady().then(() => import('./editor-aids.js')).then((module) => {
      aidExtensions = module.editorAids(targets);
      useAids(module, app.view, aids, aidExtensions, app.state.diagnostics);
    }).catch(() => {}); // without them, the text is plain, brackets do not close, search is
    // the browser's own, and the problems are in the Problems panel only
  }
  app.notice = createNotice(byId('notice'));

  // The draft's first check (its problems, outline and completeness) follows ready: it reads
  // the template, which keeps the page from being ready for a fifth of a second on a first
  // visit. An edit before it is checked as usual.
  afterReady().then(() => {
    showDiagnostics(app.view, took(JSON.parse(session.check() ?? session.update(app.view.state.doc.toString()))));
    emit('validate', app.state.diagnostics);
  });

  // The later features load after ready, and after the features installed now, which may
  // wait for app.installed.
  app.installed = afterReady().then(() => installLater(app, events));
  app.installed.catch(() => {}); // a failure is in the notice; the storage API's calls reject with it
  for (const install of features) install(app);
  markStartup('features installed');

  // Whatever is typed reaches IndexedDB even when the tab goes away right after.
  // A flush that cannot save (storage full, a conflict) has already told the user in the status.
  const flush = () => session.flush().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);

  return {
    validate: (text) => JSON.parse(session.validate(String(text))),
    render: (text) => sanitizeToString(core.render(String(text))),
    drafts: draftsAPI(session.drafts),
    storage: app.storage.api,
  };
}

// installLater loads and installs the later features; they hear the workspace's events from
// the start. Without them the editor still works: the notice says what is missing.
async function installLater(app, events) {
  try {
    const later = await laterFeatures();
    events.catchUp(() => { for (const install of later) install(app); });
  } catch (err) {
    events.catchUp();
    app.notice.show(`Backups, the trash and the linked folder could not be loaded: ${err.message}`);
    throw err;
  }
}

// afterReady resolves a task later: once mountApp's caller has the API and has resolved ready.
const afterReady = () => new Promise((resolve) => setTimeout(resolve));

// moveDiagnostics moves diagnostics, in place, with the one edit [from, deleted, inserted]
// whose positions the core found none of them at: the way the editor moves its copy, whose
// quick fixes hold these same fix objects.
function moveDiagnostics(diagnostics, [from, deleted, inserted]) {
  const delta = inserted.length - deleted;
  const move = (p) => (p < from ? p : p + delta);
  for (const d of diagnostics) {
    d.from = move(d.from);
    d.to = move(d.to);
    for (const fix of d.fixes ?? []) {
      for (const change of fix.changes) {
        change.from = move(change.from);
        change.to = move(change.to);
      }
    }
  }
  return diagnostics;
}
