// Other tabs on the same draft: a newer text saved elsewhere replaces the editor's when nothing
// here is unsaved; with unsaved edits here, the user chooses which version to keep.
import { replaceChanged } from './drafts.js';
import { button, modalDialog, dialogActions } from './elements.js';

export function installConflict(app) {
  const ws = app.session.workspace;
  const { dialog } = modalDialog(app, 'conflict', 'This draft was changed in another tab');
  const explain = document.createElement('p');
  const theirs = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Show the other version';
  const theirsText = document.createElement('pre');
  theirsText.className = 'cw-snapshot-text';
  theirs.append(summary, theirsText);
  const keepMine = button('Keep mine');
  const takeTheirs = button('Take theirs');
  const actions = dialogActions(keepMine, takeTheirs);
  dialog.append(explain, theirs, actions);
  // Closing with Escape would leave the draft unsaved with no choice made.
  dialog.addEventListener('cancel', (event) => event.preventDefault());

  keepMine.addEventListener('click', async () => {
    dialog.close();
    try {
      await ws.keepMine();
    } catch (err) {
      app.notice.show(`Your version was not saved: ${err.message}`);
    }
  });
  takeTheirs.addEventListener('click', async () => {
    dialog.close();
    try {
      const draft = JSON.parse(await ws.takeTheirs());
      // One change in the editor: Undo brings the text typed here back.
      replaceChanged(app.view, draft.text);
    } catch (err) {
      app.notice.show(`The other version was not loaded: ${err.message}`);
    }
  });

  app.listen((event, json) => {
    const draft = JSON.parse(json);
    if (draft.id !== app.draftId) return;
    if (event === 'replaced') {
      replaceChanged(app.view, draft.text);
    } else if (event === 'conflict') {
      explain.textContent = `“${draft.title}” was saved in another tab while you had unsaved edits here. ` +
        'Keep mine saves the text in this editor over it; Take theirs loads the other version here (Undo brings yours back).';
      theirsText.textContent = draft.text;
      if (!dialog.open) dialog.showModal();
      takeTheirs.focus();
    }
  });
}
