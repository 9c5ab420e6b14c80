// Light and dark: the page follows the system until the author picks one with the theme
// button; the pick is kept in localStorage. Others learn of changes via the
// 'casewright:theme' event on document.
const storageKey = 'casewright-theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function stored() {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage refused (private mode, policy): follow the system
  }
}

// currentTheme is 'dark' or 'light', whichever the page shows now.
export function currentTheme() {
  return document.documentElement.dataset.theme || (systemDark.matches ? 'dark' : 'light');
}

export function installTheme(app) {
  const button = app.byId('theme-toggle');
  const show = () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    button.textContent = next === 'dark' ? 'Dark theme' : 'Light theme';
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', currentTheme() === 'dark' ? '#1e2129' : '#3f51b5');
    document.dispatchEvent(new CustomEvent('casewright:theme', { detail: currentTheme() }));
  };
  const pick = stored();
  if (pick === 'dark' || pick === 'light') document.documentElement.dataset.theme = pick;
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem(storageKey, next); } catch { /* kept for this visit only */ }
    show();
  });
  systemDark.addEventListener('change', () => { if (!document.documentElement.dataset.theme) show(); });
  show();
}
