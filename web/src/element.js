// <case-study-editor>: Casewright in any page, in a shadow root of its own so that the page's
// styles and the editor's never meet. It mounts the same app as the standalone page, with the
// template, drafts store, portal index and draft path its attributes name.
import { mountApp } from './app.js';

// The app's markup, the standalone page's <body>, put in by the build (see build.mjs).
/* global CASEWRIGHT_MARKUP */
const markup = CASEWRIGHT_MARKUP;

// Inherited properties (font, colour, line height…) would otherwise flow in from the page.
const reset = new CSSStyleSheet();
reset.replaceSync(':host { all: initial; }');

// defineEditor registers the element; base is the embed script's URL, which the WASM and the
// CSS sit next to unless the wasm attribute says otherwise.
export function defineEditor(base, name = 'case-study-editor') {
  let styles = null; // one stylesheet shared by every editor on the page
  const loadStyles = () => styles ??= fetchText(new URL('casewright.css', base), 'the styles')
    .then((text) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(text); return sheet; });

  class CaseStudyEditor extends HTMLElement {
    #settle;
    #started = false;

    constructor() {
      super();
      // ready exists at once, as on window.casewright; validate, render and drafts follow it.
      this.ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
      this.ready.catch(() => {}); // a failure is shown in the element; no unhandled rejection
    }

    connectedCallback() {
      if (this.#started) return; // moving the element in the page keeps its editor
      this.#started = true;
      this.#start().then(() => {
        this.#settle.resolve(this);
        this.#emit('ready', null);
      }, (err) => {
        const banner = this.shadowRoot?.getElementById('banner');
        if (banner) {
          banner.textContent = `Casewright could not start: ${err.message}`;
          banner.hidden = false;
        }
        this.#settle.reject(err);
        this.#emit('error', { message: err.message });
      });
    }

    async #start() {
      const root = this.attachShadow({ mode: 'open' });
      const frame = document.createElement('div');
      frame.className = 'cw-app';
      frame.innerHTML = markup;
      root.append(frame);
      // Keys typed in the editor are the editor's: a portal's shortcuts (MkDocs Material's "n"
      // goes to the next page) see them coming from the host, not from an editable field.
      for (const type of ['keydown', 'keypress', 'keyup']) frame.addEventListener(type, (event) => event.stopPropagation());
      root.adoptedStyleSheets = [reset];
      const attr = (name) => this.getAttribute(name) || undefined;
      const storage = attr('storage') ?? 'casewright';
      const [sheet, template, site] = await Promise.all([
        loadStyles(),
        attr('template') && fetchText(new URL(attr('template'), document.baseURI), `the template ${attr('template')}`),
        attr('site-index') && fetchText(new URL(attr('site-index'), document.baseURI), `the site index ${attr('site-index')}`),
      ]);
      root.adoptedStyleSheets = [reset, sheet];
      const methods = await mountApp(root, {
        wasmURL: new URL(attr('wasm') ?? 'casewright.wasm', attr('wasm') ? document.baseURI : base),
        storage,
        template,
        site,
        path: attr('path'),
        themeElement: this,
        themeKey: `${storage}-theme`,
        dialogHost: frame,
        emit: (type, detail) => this.#emit(type, detail),
      });
      Object.assign(this, methods);
    }

    #emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
    }
  }

  if (!customElements.get(name)) customElements.define(name, CaseStudyEditor);
}

// fetchText reads url as text, or fails saying what could not be loaded.
async function fetchText(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error(`${what} could not be loaded: ${err.message}`);
  }
  if (!response.ok) throw new Error(`${what} could not be loaded (HTTP ${response.status}).`);
  return response.text();
}
