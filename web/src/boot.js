// The page's first script: starts compiling the WASM core (downloading since the HTML arrived,
// see index.html's preload) while the editor's modules load and run. app.js mounts the app on
// the same core, and reports a core that fails to load.
import { loadCore } from './core.js';

loadCore(new URL('casewright.wasm', import.meta.url)).catch(() => {});
