// Durability settings and marks (backup times, the reminder's choice, how many drafts existed)
// in localStorage, namespaced by the drafts database's name. localStorage outlives a wipe of
// IndexedDB, which is what lets the app notice that drafts are gone and not nag wrongly.
export function localSettings(storageName) {
  const key = `${storageName}:durability`;
  const read = () => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? {};
    } catch {
      return {}; // no localStorage (some private modes) or a damaged value: start from defaults
    }
  };
  return {
    get(name, fallback) {
      return read()[name] ?? fallback;
    },
    set(name, value) {
      const all = read();
      if (value === undefined) delete all[name];
      else all[name] = value;
      try {
        localStorage.setItem(key, JSON.stringify(all));
      } catch {
        // Without localStorage the settings last as long as the page: nothing else to do.
      }
    },
  };
}
