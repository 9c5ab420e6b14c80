// The page's first script: fetches and compiles the WASM core while the editor's modules load
// and run. app.js mounts the app on the same core, and reports a core that fails to load.
// (A <link rel="preload"> would start the download sooner, but Chromium does not reuse the
// compiled code it cached for a preloaded response: warm starts were 200 ms slower.)
import { loadCore } from './core.js';

loadCore(new URL('casewright.wasm', import.meta.url)).catch(() => {});
