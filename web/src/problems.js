// The Problems region: the core fills it; a click on a problem moves the cursor there, a fix
// button applies that quick fix.
import { moveCursor } from './editor.js';
import { installFixButtons } from './fixes.js';
import { targetRange } from './targets.js';

export function installProblems(app) {
  const region = app.byId('problems');
  installFixButtons(app, region);
  region.addEventListener('click', (event) => {
    const item = event.target.closest('button.cw-goto');
    const range = item && targetRange(app, item);
    if (range) moveCursor(app.view, range.from, range.to);
  });
}
