// Casewright's service worker: keeps the built app in a cache named for its build, so that
// after one visit the app starts and works without a network. build.mjs replaces the BUILD
// line below with the build's hash and its list of files.
const BUILD = { version: 'dev', files: [] };

const cacheName = `casewright-${BUILD.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(BUILD.files.map((f) => new Request(f, { cache: 'reload' })))));
  // The browser serves the app's files from the cache without starting this worker (static
  // routing, in Chromium): a warm start need not wait for it. Other navigations (a query, a
  // path of its own) still come to the fetch handler below, which maps them to the page.
  if (event.addRoutes && self.URLPattern) {
    const scope = new URL(self.registration.scope);
    const files = (pathname) => new URLPattern({ origin: scope.origin, pathname, search: '' });
    event.waitUntil(event.addRoutes([
      { condition: { urlPattern: files(scope.pathname), requestMode: 'navigate' }, source: { cacheName } },
      { condition: { requestMode: 'navigate' }, source: 'fetch-event' },
      { condition: { urlPattern: files(`${scope.pathname}*`), requestMethod: 'get' }, source: { cacheName } },
    ]).catch((err) => console.warn('Casewright: no static routes to the offline cache:', err)));
  }
});

// A new build's worker drops the caches of older builds once it takes over.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('casewright-') && name !== cacheName) await caches.delete(name);
    }
    await self.clients.claim(); // the first visit works offline too, without a reload
  })());
});

// The app's own files come from the cache (they change only with the build, and so with this
// worker); anything else goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Pages are the app's one page, cached as './' (servers redirect /index.html to ./).
  const key = request.mode === 'navigate' ? './' : request;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    const hit = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
    return hit || fetch(request);
  })());
});
