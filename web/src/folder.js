// A folder on disk: where the browser offers the File System Access API, the author links a
// folder and every draft is also written there as "Title.md" on each save; "Open drafts from a
// folder" reads them back in (after a wiped browser, say). The folder is a directory handle
// from any source: the picker, or, for tests, the origin-private file system, passed to
// window.casewright.storage.linkFolder(handle) / openFolder(handle). The handle is kept in an
// IndexedDB database of its own, so it is lost with a wipe too: then the author picks it again.
import { readText, markdownLimit } from './import.js';
import { now } from './clock.js';
import { button } from './elements.js';

export function installFolder(app) {
  const ws = app.session.workspace;
  const supported = typeof window.showDirectoryPicker === 'function';
  const kept = handleStore(`${app.storage.name}-folder`);
  let dir = null;
  let files = {}; // draft id -> the file name Casewright wrote it to in dir
  let problem = '';
  let lastWrite = 0;

  const status = document.createElement('p');
  status.className = 'cw-storage-folder';
  const linkButton = button('Link a folder…', () => pickFolder());
  const unlinkButton = button('Unlink the folder', () => unlink());
  const allowButton = button('Allow writing to the folder', () => allow());
  const openButton = button('Open drafts from a folder…', () => pickAndOpenFolder());
  const group = document.createElement('div');
  group.className = 'cw-storage-folder-controls';
  group.append(linkButton, allowButton, unlinkButton, openButton);
  app.storage.addControls(status, group);

  function render() {
    const usable = ws.persistent;
    status.hidden = !dir && !supported;
    group.hidden = !usable || (!dir && !supported);
    linkButton.hidden = !supported || Boolean(dir);
    openButton.hidden = !supported;
    unlinkButton.hidden = !dir;
    allowButton.hidden = !dir || problem !== 'permission';
    if (!dir) {
      status.textContent = 'No folder linked: drafts live in this browser only.';
    } else if (problem === 'permission') {
      status.textContent = `Linked to “${dir.name}”, but the browser needs your permission again to write there.`;
      allowButton.textContent = `Allow writing to “${dir.name}”`;
    } else if (problem) {
      status.textContent = `Linked to “${dir.name}”. The last copy failed: ${problem}`;
    } else {
      status.textContent = `Every draft is also saved to the folder “${dir.name}”` +
        (lastWrite ? `, last at ${new Date(lastWrite).toLocaleTimeString()}.` : '.');
    }
  }

  // Writes run one at a time; a draft saved again while queued is written once, with its latest text.
  let chain = Promise.resolve();
  const queued = new Set();
  function schedule(id) {
    if (!dir || queued.has(id)) return chain;
    queued.add(id);
    chain = chain.then(() => { queued.delete(id); return writeDraft(id); });
    return chain;
  }

  async function writeDraft(id) {
    const target = dir;
    try {
      if (!(await permitted(target, false))) {
        problem = 'permission';
        return render();
      }
      const draft = JSON.parse(await app.session.drafts.get(id));
      const base = safeFileName(draft.title);
      const old = files[id];
      const name = old && isNameFor(old, base) ? old : await freeName(target, base, id);
      const handle = await target.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(draft.text);
      await writable.close();
      if (dir !== target) return; // unlinked or relinked meanwhile
      files[id] = name;
      await kept.put('files', files);
      // A renamed draft leaves no stale copy under its old title.
      if (old && old !== name) await target.removeEntry(old).catch(() => {});
      problem = '';
      lastWrite = now();
    } catch (err) {
      if (/not found/i.test(err?.message ?? '')) return; // the draft was deleted meanwhile
      problem = err?.message ?? String(err);
    }
    render();
  }

  // freeName picks base.md, or base (2).md and so on: never a name another draft has, nor a
  // file in the folder that Casewright did not write.
  async function freeName(target, base, id) {
    const others = new Set(Object.entries(files).filter(([other]) => other !== id).map(([, n]) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${base}.md` : `${base} (${n}).md`;
      if (others.has(name.toLowerCase())) continue;
      if (files[id] === name || !(await exists(target, name))) return name;
    }
  }

  async function link(handle, mapping = {}) {
    dir = handle;
    files = mapping;
    problem = '';
    await kept.put('folder', handle);
    await kept.put('files', files);
    render();
    const { drafts } = JSON.parse(await ws.list());
    for (const draft of drafts) schedule(draft.id);
    await chain;
  }

  async function unlink() {
    dir = null;
    files = {};
    await kept.clear();
    render();
  }

  async function allow() {
    if (dir && (await permitted(dir, true))) {
      problem = '';
      const { drafts } = JSON.parse(await ws.list());
      for (const draft of drafts) schedule(draft.id);
    }
    render();
  }

  // openFolder adds every Markdown file of a folder as a draft (a file whose text is already a
  // draft's is not added twice), then links the folder. It returns how many drafts it added.
  async function openFolder(handle) {
    if (!(await permitted(handle, true))) throw new Error(`the browser did not allow reading “${handle.name}”.`);
    const { drafts } = JSON.parse(await ws.list());
    const entries = [];
    for await (const entry of handle.values()) {
      if (entry.kind === 'file' && /\.(md|markdown)$/i.test(entry.name)) entries.push(entry);
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const mapping = {};
    const skipped = [];
    let added = 0;
    for (const entry of entries) {
      const file = await entry.getFile();
      let text;
      try {
        if (file.size > markdownLimit) throw new Error('too large');
        text = readText(new Uint8Array(await file.arrayBuffer()));
      } catch {
        skipped.push(entry.name);
        continue;
      }
      const same = await sameDraft(drafts, text);
      if (same) {
        mapping[same] = entry.name;
        continue;
      }
      const draft = JSON.parse(await app.session.drafts.create('', text));
      mapping[draft.id] = entry.name;
      added++;
    }
    await app.drafts.refresh();
    await link(handle, mapping);
    app.storage.restored(added);
    app.notice.show(`Opened ${added} ${added === 1 ? 'draft' : 'drafts'} from “${handle.name}”.` +
      (skipped.length ? ` Skipped files that are not UTF-8 Markdown: ${skipped.join(', ')}.` : ''), { timeout: 10_000 });
    return added;
  }

  async function sameDraft(drafts, text) {
    for (const d of drafts) {
      const full = JSON.parse(await app.session.drafts.get(d.id));
      if (full.text === text) return d.id;
    }
    return null;
  }

  async function pickFolder() {
    const handle = await pick();
    if (handle) await link(handle);
  }

  async function pickAndOpenFolder() {
    const handle = await pick();
    if (!handle) return 0;
    try {
      return await openFolder(handle);
    } catch (err) {
      app.notice.show(`The drafts could not be opened from the folder: ${err.message}`);
      return 0;
    }
  }

  async function pick() {
    try {
      return await window.showDirectoryPicker({ id: 'casewright-drafts', mode: 'readwrite' });
    } catch (err) {
      if (err?.name !== 'AbortError') app.notice.show(`No folder was linked: ${err.message}`);
      return null;
    }
  }

  app.listen((event, json) => {
    if (event === 'saved') schedule(JSON.parse(json).id);
  });

  Object.assign(app.storage, {
    folderSupported: supported,
    linkFolder: link,
    unlinkFolder: unlink,
    openFolder,
    pickFolder,
    pickAndOpenFolder,
    // linkedFolder is the folder drafts are written to, or null; folderFlushed waits for writes.
    get linkedFolder() { return dir; },
    folderFlushed: () => chain,
    // folderReady settles once the folder kept from an earlier visit (if any) is known.
    folderReady: (async () => {
      if (!ws.persistent) return;
      try {
        const handle = await kept.get('folder');
        if (!handle) return;
        dir = handle;
        files = (await kept.get('files')) ?? {};
        if (!(await permitted(dir, false))) problem = 'permission';
      } catch {
        // No IndexedDB for the handle: the folder has to be linked again.
      }
    })().finally(render),
  });
  render();
}

// safeFileName turns a title into a file name every common file system accepts.
export function safeFileName(title) {
  let name = String(title)
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (name.length > 100) name = name.slice(0, 100).trim();
  if (!name) name = 'Untitled';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = `${name}-draft`; // reserved on Windows
  return name;
}

// isNameFor says whether a file name is base.md or one of its numbered variants.
function isNameFor(name, base) {
  if (name === `${base}.md`) return true;
  return name.startsWith(`${base} (`) && /^ \(\d+\)\.md$/.test(name.slice(base.length));
}

async function exists(dir, name) {
  try {
    await dir.getFileHandle(name);
    return true;
  } catch (err) {
    if (err?.name === 'NotFoundError') return false;
    if (err?.name === 'TypeMismatchError') return true; // a folder of that name
    throw err;
  }
}

// permitted says whether the page may write to a handle, asking the author when ask is set
// (which needs a click). Handles without the permission API (the private file system) may.
async function permitted(handle, ask) {
  if (typeof handle.queryPermission !== 'function') return true;
  const mode = { mode: 'readwrite' };
  if ((await handle.queryPermission(mode)) === 'granted') return true;
  return ask && (await handle.requestPermission(mode)) === 'granted';
}

// handleStore keeps the folder's handle and file names in an IndexedDB database of their own.
function handleStore(name) {
  let db;
  const open = () => db ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('folder');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const run = async (mode, fn) => {
    const tx = (await open()).transaction('folder', mode);
    const req = fn(tx.objectStore('folder'));
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    put: (key, value) => run('readwrite', (s) => s.put(value, key)),
    clear: () => run('readwrite', (s) => s.clear()),
  };
}
