// The Outline region: the core fills it; a click goes to the section (or, for a missing one,
// to where it belongs), and an Add button inserts a missing section from the template.
import { moveCursor, moveToLine } from './editor.js';
import { installFixButtons } from './fixes.js';
import { targetRange } from './targets.js';

export function installOutline(app) {
  const region = app.byId('outline');
  installFixButtons(app, region);
  region.addEventListener('click', (event) => {
    const item = event.target.closest('button.cw-goto');
    if (!item) return;
    if (item.dataset.line) moveToLine(app.view, Number(item.dataset.line));
    else {
      const range = targetRange(app, item);
      if (range) moveCursor(app.view, range.from);
    }
  });
}
