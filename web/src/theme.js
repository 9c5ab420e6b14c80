// Light and dark: an editor follows the system until the author picks one with the theme
// button; the pick is kept in localStorage under the editor's own key. data-theme goes on the
// editor's theme element (<html> for the page, the custom element when embedded), which also
// fires 'casewright:theme' when the theme changes.
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode, policy): follow the system
  }
}

// currentTheme is 'dark' or 'light', whichever element shows now.
export function currentTheme(element) {
  return element.dataset.theme || (systemDark.matches ? 'dark' : 'light');
}

export function installTheme(app) {
  const element = app.themeElement;
  const button = app.byId('theme-toggle');
  const show = () => {
    const now = currentTheme(element);
    button.textContent = now === 'dark' ? 'Light theme' : 'Dark theme';
    // The browser's theme colour belongs to the page: only the standalone app sets it.
    if (element === document.documentElement) {
      document.querySelector('meta[name="theme-color"]')?.setAttribute('content', now === 'dark' ? '#1e2129' : '#3f51b5');
    }
    element.dispatchEvent(new CustomEvent('casewright:theme', { detail: now }));
  };
  const pick = stored(app.themeKey);
  if (pick === 'dark' || pick === 'light') element.dataset.theme = pick;
  button.addEventListener('click', () => {
    const next = currentTheme(element) === 'dark' ? 'light' : 'dark';
    element.dataset.theme = next;
    try { localStorage.setItem(app.themeKey, next); } catch { /* kept for this visit only */ }
    show();
  });
  systemDark.addEventListener('change', () => { if (!element.dataset.theme) show(); });
  show();
}
