// The one gate between rendered Markdown and the page: DOMPurify, which parses with the
// browser's own parser, so what it checks is what the page gets.
import DOMPurify from 'dompurify';

// Globals that the page, wasm_exec.js or bundled libraries look up and may find missing: an
// element with such an id would become window[name] and stand in for them.
const reservedGlobals = new Set([
  'casewright', 'casewrightCore', 'Go', 'fs', 'process', 'path', 'global', 'globalThis',
  'exports', 'module', 'require', 'define', 'mermaid', 'DOMPurify', 'trustedTypes',
]);

// clobbers says whether an id or name would shadow something scripts rely on. Window's own
// properties win over ids, but ids win over what window inherits (addEventListener,
// toString…); and an id the page itself uses (#preview, #export…) would stand in for it.
function clobbers(value) {
  if (reservedGlobals.has(value) || value in EventTarget.prototype || value in Object.prototype) return true;
  for (const el of document.querySelectorAll(`[id="${CSS.escape(value)}"]`)) {
    if (!el.closest('#preview')) return true;
  }
  return false;
}

// Tables align cells with an inline style; any other style could load a URL or lay a fake
// dialog over the editor.
const alignment = /^\s*text-align:\s*(left|right|center);?\s*$/i;

// name survives only where it clobbers neither window nor document: tab radios and old anchors.
const namedElements = new Set(['a', 'input']);

function checkAttributes(node) {
  const style = node.getAttribute('style');
  if (style !== null && !alignment.test(style)) node.removeAttribute('style');
  for (const attr of ['id', 'name']) {
    const value = node.getAttribute(attr);
    if (value !== null && clobbers(value)) node.removeAttribute(attr);
  }
  if (node.hasAttribute('name') && !namedElements.has(node.localName)) node.removeAttribute('name');
  // Links leave the app in a new tab that cannot reach back to it (svg:a included).
  if ((node.localName === 'a' || node.localName === 'area') &&
      (node.hasAttribute('href') || node.hasAttribute('xlink:href'))) {
    node.setAttribute('rel', 'noopener noreferrer');
    const href = node.getAttribute('href') ?? node.getAttribute('xlink:href');
    if (!href.startsWith('#')) node.setAttribute('target', '_blank');
  }
}

const config = {
  ADD_ATTR: ['target'],
  FORBID_TAGS: ['style', 'form', 'base', 'meta', 'link', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'portal', 'noscript', 'template'],
  FORBID_ATTR: ['srcdoc', 'formaction', 'action', 'ping', 'background', 'poster', 'autofocus'],
  // DOMPurify's own id/name check drops any id that names a document property, so headings
  // such as "Links" or "Title" would lose their anchors; the hook above is precise instead.
  SANITIZE_DOM: false,
};

// mermaid sanitises its SVG with DOMPurify's shared instance: the same rules apply there.
DOMPurify.addHook('afterSanitizeAttributes', checkAttributes);

// One sanitiser per kind of output, each given its configuration once: DOMPurify reads a
// configuration passed with each call anew, building its allow-lists again, at every keystroke.
function purifier(cfg) {
  const purify = DOMPurify(window);
  purify.setConfig(cfg);
  purify.addHook('afterSanitizeAttributes', checkAttributes);
  return purify;
}
const toString = purifier(config);
const toFragment = purifier({ ...config, RETURN_DOM_FRAGMENT: true });

export function sanitizeToString(html) {
  return toString.sanitize(html);
}

export function sanitizeToFragment(html) {
  return toFragment.sanitize(html);
}
