// Loads Casewright's WebAssembly core and hands back the object it registers.
import '../gen/wasm_exec.js';

export async function loadCore(wasmURL) {
  const go = new Go();
  const response = fetch(wasmURL);
  // Streaming compilation overlaps download and compile; it needs the application/wasm type.
  const { instance } = await WebAssembly.instantiateStreaming(response, go.importObject);
  go.run(instance); // runs Go's main until it blocks, which registers the core first
  const core = globalThis.casewrightCore;
  if (!core) throw new Error('The Casewright core did not start.');
  return core;
}
