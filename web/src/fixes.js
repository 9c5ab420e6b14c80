// Quick fixes: a fix from the core is a list of text edits against the current document;
// applying it is one transaction, so one Ctrl+Z takes it all back.
import { isolateHistory } from '@codemirror/commands';
import { EditorView } from '@codemirror/view';

export function applyFix(view, fix) {
  const length = view.state.doc.length;
  const clamp = (n) => Math.max(0, Math.min(n, length));
  const changes = view.state.changes(fix.changes.map((c) => ({ from: clamp(c.from), to: clamp(c.to), insert: c.insert })));
  // Land on the fix's first edit, mapped through the fix itself so it points at the new text.
  const at = changes.mapPos(clamp(fix.changes[0]?.from ?? 0), -1);
  view.dispatch({
    changes,
    selection: { anchor: at },
    effects: EditorView.scrollIntoView(at, { y: 'center' }),
    userEvent: 'input.fix',
    annotations: isolateHistory.of('full'), // never merged with typing before or after
  });
  view.focus();
}

// installFixButtons makes every button with data-diag and data-fix inside region apply that
// fix of the latest update's diagnostics.
export function installFixButtons(app, region) {
  region.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-diag][data-fix]');
    if (!button) return;
    event.stopPropagation();
    const fix = app.state.diagnostics[Number(button.dataset.diag)]?.fixes?.[Number(button.dataset.fix)];
    if (fix) applyFix(app.view, fix);
  });
}
