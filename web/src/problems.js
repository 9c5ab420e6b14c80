// The Problems region: the core fills it; a click on a problem moves the cursor there.
import { moveCursor } from './editor.js';

export function installProblems(app) {
  app.byId('problems').addEventListener('click', (event) => {
    const item = event.target.closest('[data-from]');
    if (item) moveCursor(app.view, Number(item.dataset.from));
  });
}
