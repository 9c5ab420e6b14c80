// The Storage region in the side panel: whether the browser protects the drafts from eviction,
// how much space the site uses and how much is left, and a place for the backup, folder and
// trash controls. It also creates app.storage, the durability features' shared object, which is
// window.casewright.storage too (linkFolder, openFolder, backup: see folder.js and backup.js).
import { localSettings } from './local-settings.js';

const refreshEvery = 5_000; // the space estimate is refreshed after saves, at most this often

export function installStoragePanel(app) {
  const section = document.createElement('section');
  section.className = 'cw-panel cw-storage';
  section.id = 'storage';
  section.setAttribute('aria-label', 'Storage');
  const protection = paragraph('cw-storage-protection');
  const space = paragraph('cw-storage-space');
  const controls = document.createElement('div');
  controls.className = 'cw-storage-controls';
  section.append(protection, space, controls);
  app.byId('drafts').after(section);

  const supported = Boolean(navigator.storage?.estimate);
  let persisted = null; // null until known: true, false
  let asked = false;
  const restoredListeners = [];

  function showProtection() {
    if (!app.session.workspace.persistent) {
      protection.textContent = 'Drafts are not kept in this browser.';
      protection.dataset.state = 'none';
    } else if (persisted) {
      protection.textContent = 'Drafts are protected: the browser will not clear them to free space.';
      protection.dataset.state = 'protected';
    } else if (asked) {
      protection.textContent = 'Drafts are not protected: the browser may clear them when space runs low.';
      protection.dataset.state = 'refused';
    } else {
      protection.textContent = 'Drafts are not protected yet: Casewright asks the browser when it first saves.';
      protection.dataset.state = 'unknown';
    }
  }

  async function showSpace() {
    if (!supported) {
      space.textContent = 'This browser does not say how much space is left.';
      return;
    }
    try {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      space.textContent = `This site uses ${size(usage)}; ${size(Math.max(quota - usage, 0))} left.`;
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

  app.session.workspace.listen((event) => {
    if (event === 'saved') refreshSoon();
  });

  app.storage = {
    name: app.storageName ?? 'casewright',
    settings: localSettings(app.storageName ?? 'casewright'),
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
  // The standalone page's API gets it; an embedded editor's element would take it from app.
  if (app.root === document && window.casewright) window.casewright.storage = app.storage;

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
