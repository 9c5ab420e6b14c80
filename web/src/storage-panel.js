// The Storage region in the side panel: whether the browser protects the drafts from eviction,
// how much space the site uses and how much is left, and a place for the backup, folder and
// trash controls. It is one line until opened (a <details>: its summary says whether the drafts
// are protected and the space they use), so that it never crowds the Drafts list above it.
// It also creates app.storage, the durability features' shared object, and app.storage.api,
// the page's window.casewright.storage and the element's storage (see backup.js and folder.js,
// which fill both in once the editor is ready).
import { localSettings } from './local-settings.js';

const refreshEvery = 5_000; // the space estimate is refreshed after saves, at most this often

export function installStoragePanel(app) {
  const section = document.createElement('section');
  section.className = 'cw-panel cw-storage';
  section.id = 'storage';
  section.setAttribute('aria-label', 'Storage');
  // Busy until the durability features, installed after ready, have added their controls.
  section.setAttribute('aria-busy', 'true');
  const complete = () => section.removeAttribute('aria-busy');
  app.installed.then(complete, complete);
  const details = document.createElement('details');
  details.className = 'cw-storage-details';
  const summary = document.createElement('summary');
  const heading = document.createElement('span');
  heading.className = 'cw-storage-heading';
  heading.textContent = 'Storage';
  const glance = document.createElement('span');
  glance.className = 'cw-storage-summary';
  summary.append(heading, ' ', glance);
  const protection = paragraph('cw-storage-protection');
  const space = paragraph('cw-storage-space');
  const controls = document.createElement('div');
  controls.className = 'cw-storage-controls';
  details.append(summary, protection, space, controls);
  section.append(details);
  app.byId('drafts').after(section);

  const supported = Boolean(navigator.storage?.estimate);
  let persisted = null; // null until known: true, false
  let asked = false;
  let used = ''; // the space used, as the summary says it
  const restoredListeners = [];

  const states = {
    none: ['not kept', 'Drafts are not kept in this browser.'],
    protected: ['protected', 'Drafts are protected: the browser will not clear them to free space.'],
    refused: ['not protected', 'Drafts are not protected: the browser may clear them when space runs low.'],
    unknown: ['not protected yet', 'Drafts are not protected yet: Casewright asks the browser when it first saves.'],
  };
  function showProtection() {
    const state = !app.session.workspace.persistent ? 'none' : persisted ? 'protected' : asked ? 'refused' : 'unknown';
    const [short, long] = states[state];
    protection.textContent = long;
    protection.dataset.state = state;
    glance.textContent = used ? `${short} · ${used} used` : short;
    glance.dataset.state = state;
  }

  async function showSpace() {
    if (!supported) {
      space.textContent = 'This browser does not say how much space is left.';
      return;
    }
    try {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      space.textContent = `This site uses ${size(usage)}; ${size(Math.max(quota - usage, 0))} left.`;
      used = size(usage);
      showProtection();
    } catch {
      space.textContent = 'The space used could not be measured.';
    }
  }

  let timer = null;
  let lastRefresh = 0;
  // refreshSoon re-measures the space after a save: once now, then at most every few seconds.
  function refreshSoon() {
    if (timer) return;
    const wait = Math.max(0, lastRefresh + refreshEvery - Date.now());
    timer = setTimeout(() => { timer = null; lastRefresh = Date.now(); showSpace(); }, wait);
  }

  app.listen((event) => {
    if (event === 'saved') refreshSoon();
  });

  const name = app.storageName ?? 'casewright';
  app.storage = {
    name,
    settings: localSettings(name),
    section,
    // addControls puts a feature's controls in the Storage region, in install order.
    addControls(...elements) { controls.append(...elements); },
    // setPersisted records what the browser answered (asked: whether Casewright has asked).
    setPersisted(value, wasAsked) {
      persisted = value;
      asked = asked || wasAsked;
      showProtection();
    },
    get persisted() { return persisted; },
    // onRestored(fn) hears of drafts brought back from a copy (restored(count) tells).
    onRestored(fn) { restoredListeners.push(fn); },
    restored(count) { for (const fn of restoredListeners) fn(count); },
    refreshSpace: showSpace,
  };
  // What pages and tests may call, bound to this editor's drafts database; the methods arrive
  // with the features that install them after ready (backup.js, folder.js), so each waits for
  // them and looks its own up.
  const later = (name) => (...args) => app.installed.then(() => app.storage[name](...args));
  app.storage.api = Object.freeze({
    backup: later('backup'),
    linkFolder: later('linkFolder'),
    openFolder: later('openFolder'),
    checkBackupReminder: later('checkBackupReminder'),
  });

  showProtection();
  showSpace();
}

function paragraph(className) {
  const p = document.createElement('p');
  p.className = className;
  return p;
}

// size says a number of bytes the way people read it.
export function size(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  const shown = unit === 0 ? String(value) : value < 10 ? value.toFixed(1) : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}
