// The Casewright app page: window.casewright, the app mounted on this document, and the
// service worker that makes the page work offline (the page's alone, never the embed's).
import { mountApp } from './app.js';
import { installOffline } from './offline.js';

// window.casewright exists at once with its ready promise; the rest arrives with the core.
let settle;
const api = { ready: new Promise((resolve, reject) => { settle = { resolve, reject }; }) };
window.casewright = api;

installOffline();
mountApp(document, { wasmURL: new URL('casewright.wasm', import.meta.url), storage: 'casewright' })
  .then((methods) => {
    Object.assign(api, methods);
    settle.resolve(api);
  })
  .catch((err) => {
    const banner = document.getElementById('banner');
    banner.textContent = `Casewright could not start: ${err.message}`;
    banner.hidden = false;
    settle.reject(err);
  });
