// Offline and installable: registers the service worker that keeps the app in the browser's
// cache (see ../sw.js), so that after one visit the app starts without a network.
export function installOffline() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: './' }).catch((err) => {
    // The app still works online; only offline use is lost.
    console.warn('Casewright cannot work offline here:', err);
  });
}
