// Loads Casewright's WebAssembly core and hands back the object it registers.
import '../gen/wasm_exec.js';

// One core per page: every editor on it mounts its own session on the first one loaded.
let loading = null;

export function loadCore(wasmURL) {
  loading ??= start(wasmURL).catch((err) => { loading = null; throw err; });
  return loading;
}

async function start(wasmURL) {
  const go = new Go();
  const instance = await WebAssembly.instantiate(await compile(String(wasmURL)), go.importObject);
  go.run(instance); // runs Go's main until it blocks, which registers the core first
  const core = globalThis.casewrightCore;
  if (!core) throw new Error('The Casewright core did not start.');
  return core;
}

// compile compiles the core at url, or takes the compilation the page's boot.js started.
// Streaming compilation overlaps download and compile; it needs the application/wasm type.
function compile(url) {
  const early = globalThis.casewrightCompiling;
  if (early && early.url === url) {
    globalThis.casewrightCompiling = null; // once: a failed start tries again with a new fetch
    return early.compiling;
  }
  return WebAssembly.compileStreaming(fetch(url));
}
