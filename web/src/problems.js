// The Problems region: the core fills it; a click on a problem moves the cursor there, a fix
// button applies that quick fix.
import { moveCursor } from './editor.js';
import { installFixButtons } from './fixes.js';

export function installProblems(app) {
  const region = app.byId('problems');
  installFixButtons(app, region);
  region.addEventListener('click', (event) => {
    const item = event.target.closest('button[data-from]');
    if (item) moveCursor(app.view, Number(item.dataset.from), Number(item.dataset.to ?? item.dataset.from));
  });
}
