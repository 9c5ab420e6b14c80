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
  const response = fetch(wasmURL);
  // Streaming compilation overlaps download and compile; it needs the application/wasm type.
  const { instance } = await WebAssembly.instantiateStreaming(response, go.importObject);
  go.run(instance); // runs Go's main until it blocks, which registers the core first
  const core = globalThis.casewrightCore;
  if (!core) throw new Error('The Casewright core did not start.');
  return core;
}
