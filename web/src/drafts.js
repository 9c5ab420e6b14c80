// The Drafts region: every stored draft with its title, last edit and completeness, and the
// commands on them: New draft, open, rename, duplicate, delete with Undo, export all drafts.
import { download } from './download.js';

const undoFor = 15_000; // how long a deleted draft offers Undo in the notice

export function installDrafts(app) {
  const ws = app.session.workspace;
  const region = app.byId('drafts');
  app.draftId = app.session.id;

  const exportAll = button('Export all drafts', 'export-all');
  const list = document.createElement('ul');
  list.className = 'cw-drafts';
  region.replaceChildren(exportAll, list);
  let drafts = [];

  if (!ws.persistent) {
    exportAll.disabled = true;
    list.replaceChildren(note('Drafts are not kept in this browser: only the open draft exists, until you close the page.'));
  }

  // refresh re-reads the list: on start, after a command, when another tab changed drafts.
  async function refresh() {
    if (!ws.persistent) return;
    try {
      const result = JSON.parse(await ws.list());
      drafts = result.drafts;
      render();
      if (result.damaged) app.notice.show(result.damaged);
    } catch (err) {
      app.notice.show(`The drafts could not be listed: ${err.message}`);
    }
  }
  let refreshQueued = false;
  const refreshSoon = () => {
    if (refreshQueued) return;
    refreshQueued = true;
    setTimeout(() => { refreshQueued = false; refresh(); }, 50);
  };

  // render redraws the rows only when the list changed, so that focus and clicks are not lost
  // to a refresh that found nothing new.
  let shown = '';
  function render() {
    const now = JSON.stringify([app.draftId, drafts]);
    if (now === shown) return;
    shown = now;
    list.replaceChildren(...drafts.map(row));
    if (drafts.length === 0) list.replaceChildren(note('No drafts.'));
  }

  function row(draft) {
    const item = document.createElement('li');
    item.className = 'cw-draft';
    item.dataset.id = draft.id;
    if (draft.id === app.draftId) item.setAttribute('aria-current', 'true');
    const open = button('', 'open');
    open.className = 'cw-draft-open';
    const title = span('cw-draft-title', draft.title);
    const time = document.createElement('time');
    const meta = span('cw-draft-meta', '');
    const percent = span('cw-draft-complete', '');
    meta.append(time, ' · ', percent);
    open.append(title, meta);
    const tools = span('cw-draft-tools', '');
    tools.append(button('Rename', 'rename'), button('Duplicate', 'duplicate'), button('Delete', 'delete'));
    item.append(open, tools);
    fill(item, draft);
    return item;
  }

  // fill writes a draft's fields into its row, touching only what changed.
  function fill(item, draft) {
    setText(item.querySelector('.cw-draft-title'), draft.title);
    const time = item.querySelector('time');
    time.dateTime = draft.updated;
    time.title = new Date(draft.updated).toLocaleString();
    setText(time, `edited ${ago(draft.updated)}`);
    setText(item.querySelector('.cw-draft-complete'), `${Math.round(draft.completeness * 100)}% complete`);
    for (const [action, label] of [['rename', 'Rename'], ['duplicate', 'Duplicate'], ['delete', 'Delete']]) {
      item.querySelector(`[data-action="${action}"]`).setAttribute('aria-label', `${label} “${draft.title}”`);
    }
  }

  const rowOf = (id) => list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  const draftOf = (id) => drafts.find((d) => d.id === id);

  // showOpen marks the open draft's row.
  function showOpen() {
    for (const item of list.querySelectorAll('li[aria-current]')) item.removeAttribute('aria-current');
    rowOf(app.draftId)?.setAttribute('aria-current', 'true');
  }

  // show puts a draft from the core into the editor, with an undo history of its own.
  function show(draft) {
    app.draftId = draft.id;
    app.openDocument(draft.text);
    showOpen();
  }

  async function openDraft(id) {
    if (id === app.draftId) return app.view.focus();
    try {
      show(JSON.parse(await app.session.open(id)));
      app.view.focus();
    } catch (err) {
      app.notice.show(`The draft could not be opened: ${err.message}`);
    }
  }

  // openNew opens a new draft, from the template when text is undefined, and says whether it did.
  async function openNew(text) {
    if (!ws.persistent) {
      // Only one draft lives in the page: replacing it must be the user's choice.
      if (!window.confirm('Drafts are not kept in this browser. Replace the text in the editor? Export it first to keep it.')) return false;
      app.openDocument(text ?? app.session.text); // without storage, the session starts on the template
      return true;
    }
    try {
      show(JSON.parse(await (text === undefined ? app.session.open('') : ws.openNew(text))));
      await refresh();
      app.view.focus();
      return true;
    } catch (err) {
      app.notice.show(`No new draft was made: ${err.message}`);
      return false;
    }
  }

  function rename(item) {
    const id = item.dataset.id;
    const draft = draftOf(id);
    const title = item.querySelector('.cw-draft-title');
    const input = document.createElement('input');
    input.className = 'cw-draft-rename';
    input.value = draft.title;
    input.setAttribute('aria-label', `New title for “${draft.title}”`);
    item.querySelector('.cw-draft-open').hidden = true;
    item.prepend(input);
    input.focus();
    input.select();
    let done = false;
    const finish = async (commit) => {
      if (done) return;
      done = true;
      input.remove();
      item.querySelector('.cw-draft-open').hidden = false;
      const name = input.value.trim();
      if (!commit || !name || name === draft.title) return;
      if (id === app.draftId) {
        // The open draft's title is its H1: change it in the editor, where Undo reaches it.
        replaceChanged(app.view, ws.retitle(app.view.state.doc.toString(), name));
        return;
      }
      try {
        Object.assign(draft, JSON.parse(await ws.rename(id, name)));
        fill(item, draft);
      } catch (err) {
        app.notice.show(`The draft was not renamed: ${err.message}`);
      }
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') finish(true);
      if (event.key === 'Escape') finish(false);
    });
    input.addEventListener('blur', () => finish(true));
  }

  async function duplicate(id) {
    try {
      await ws.duplicate(id);
      await refresh();
    } catch (err) {
      app.notice.show(`The draft was not duplicated: ${err.message}`);
    }
  }

  async function remove(id) {
    const draft = draftOf(id);
    try {
      if (id === app.draftId) {
        // Leave the draft before it goes, so that its autosave never writes to the trash.
        const next = drafts.find((d) => d.id !== id);
        show(JSON.parse(await app.session.open(next ? next.id : '')));
      }
      await ws.remove(id);
      await refresh();
      app.notice.show(`Deleted “${draft.title}”.`, {
        action: 'Undo',
        timeout: undoFor,
        onAction: async () => {
          try {
            await ws.restore(id);
            await refresh();
          } catch (err) {
            app.notice.show(`The draft could not be brought back: ${err.message}`);
          }
        },
      });
    } catch (err) {
      app.notice.show(`The draft was not deleted: ${err.message}`);
    }
  }

  async function exportArchive() {
    try {
      const result = JSON.parse(await ws.exportArchive());
      const day = new Date().toISOString().slice(0, 10);
      download(`casewright-drafts-${day}.json`, result.archive, 'application/json');
      if (result.damaged) app.notice.show(`The archive leaves out what could not be read. ${result.damaged}`);
    } catch (err) {
      app.notice.show(`The drafts could not be exported: ${err.message}`);
    }
  }

  region.addEventListener('click', (event) => {
    const target = event.target.closest('button[data-action]');
    if (!target) return;
    const item = target.closest('li[data-id]');
    switch (target.dataset.action) {
      case 'open': openDraft(item.dataset.id); break;
      case 'rename': rename(item); break;
      case 'duplicate': duplicate(item.dataset.id); break;
      case 'delete': remove(item.dataset.id); break;
      case 'export-all': exportArchive(); break;
    }
  });
  app.byId('new-draft').addEventListener('click', () => openNew());

  // Typing changes the open draft's title and completeness: update its row, not the list.
  app.onUpdate((state) => {
    const draft = draftOf(app.draftId);
    const item = rowOf(app.draftId);
    if (!draft || !item) return;
    const completeness = state.completeness?.ratio ?? draft.completeness;
    if (draft.title === state.title && draft.completeness === completeness) return; // most keystrokes
    draft.title = state.title;
    draft.completeness = completeness;
    fill(item, draft);
  });
  app.listen((event, json) => {
    const data = JSON.parse(json);
    if (event === 'saved') {
      const draft = draftOf(data.id);
      if (!draft) return refreshSoon();
      Object.assign(draft, data);
      fill(rowOf(data.id), draft);
      if (drafts[0] !== draft) { // the newest edit goes first, as in the stored order
        drafts = [draft, ...drafts.filter((d) => d !== draft)];
        list.prepend(rowOf(data.id));
      }
    } else if (event === 'drafts-changed') {
      refreshSoon();
    } else if (event === 'replaced' && data.id === app.draftId) {
      refreshSoon();
    }
  });
  // "edited 2 minutes ago" ages: rewrite the times now and then.
  setInterval(() => {
    for (const item of list.querySelectorAll('li[data-id]')) {
      const draft = draftOf(item.dataset.id);
      if (draft) fill(item, draft);
    }
  }, 30_000);

  app.drafts = { openNew, refresh };
  refresh();
}

// replaceChanged turns the editor's text into text with one change covering only what differs.
export function replaceChanged(view, text) {
  const old = view.state.doc.toString();
  let from = 0;
  while (from < old.length && from < text.length && old[from] === text[from]) from++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > from && newEnd > from && old[oldEnd - 1] === text[newEnd - 1]) { oldEnd--; newEnd--; }
  if (from === oldEnd && from === newEnd) return;
  view.dispatch({ changes: { from, to: oldEnd, insert: text.slice(from, newEnd) } });
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

// ago says how long ago an ISO time was, the way people say it.
function ago(iso) {
  const seconds = (Date.now() - Date.parse(iso)) / 1000;
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return relative.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.round(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return relative.format(-Math.round(seconds / 86_400), 'day');
  return `on ${new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}

function button(label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = label;
  return b;
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

function note(text) {
  const p = document.createElement('li');
  p.className = 'cw-empty';
  p.textContent = text;
  return p;
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
