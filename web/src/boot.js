// The page's first script, a classic one that the parser runs before it reads on: it starts
// fetching and compiling the WASM core before the editor's modules are fetched and compiled,
// which keep the page's thread busy for a while. core.js instantiates what it compiles.
// (A <link rel="preload"> would start the download as soon, but Chromium does not reuse the
// compiled code it cached for a preloaded response: warm starts were 200 ms slower.)
const url = new URL('casewright.wasm', document.currentScript.src).href;
const compiling = WebAssembly.compileStreaming(fetch(url));
compiling.catch(() => {}); // core.js reports a core that fails to load, and tries again
globalThis.casewrightCompiling = { url, compiling };
