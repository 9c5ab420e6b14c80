// The History dialog: the open draft's snapshots over time, each viewable read-only and
// restorable (the store keeps the text being replaced as a snapshot first, so a restore is
// never a loss). Made when the History button is first pressed (see history.js).
import { replaceChanged } from './drafts.js';
import { button, modalDialog, dialogActions } from './elements.js';

// historyDialog makes the dialog; open() reads the history and shows it.
export function historyDialog(app) {
  const ws = app.session.workspace;
  const { dialog, heading } = modalDialog(app, 'history', '');
  const list = document.createElement('ol');
  list.className = 'cw-snapshots';
  const viewer = document.createElement('pre');
  viewer.className = 'cw-snapshot-text';
  viewer.tabIndex = 0;
  viewer.hidden = true;
  const saveNow = button('Save a version now');
  const close = button('Close');
  const actions = dialogActions(saveNow, close);
  dialog.append(list, viewer, actions);

  close.addEventListener('click', () => dialog.close());
  saveNow.addEventListener('click', async () => {
    try {
      await ws.takeSnapshot(app.draftId);
      await show();
    } catch (err) {
      app.notice.show(`No version was saved: ${err.message}`);
    }
  });

  // shown counts the readings of the history, so that only the latest one is drawn.
  let shown = 0;
  async function show() {
    const reading = ++shown;
    heading.textContent = `History of “${app.state.title}”`;
    viewer.hidden = true;
    list.replaceChildren(item('Reading the history…'));
    let snapshots;
    try {
      snapshots = JSON.parse(await ws.history(app.draftId));
      if (reading !== shown) return;
    } catch (err) {
      list.replaceChildren(item(`The history could not be read: ${err.message}`));
      return;
    }
    if (snapshots.length === 0) {
      list.replaceChildren(item('No earlier versions yet. Versions are kept every 10 minutes while you write, and when you save one now.'));
      return;
    }
    list.replaceChildren(...snapshots.map((snap) => {
      const when = new Date(snap.taken).toLocaleString();
      const li = item('');
      const label = document.createElement('span');
      label.className = 'cw-snapshot-label';
      label.textContent = `${when} · ${snap.title} · ${(snap.size / 1024).toFixed(1)} KB`;
      const view = button('View');
      view.setAttribute('aria-label', `View the version of ${when}`);
      view.addEventListener('click', () => viewSnapshot(snap, when));
      const restore = button('Restore');
      restore.setAttribute('aria-label', `Restore the version of ${when}`);
      restore.addEventListener('click', () => restoreSnapshot(snap, when));
      li.append(label, view, restore);
      return li;
    }));
  }

  async function viewSnapshot(snap, when) {
    try {
      const full = JSON.parse(await ws.snapshot(app.draftId, snap.id));
      viewer.textContent = full.text;
      viewer.setAttribute('aria-label', `The version of ${when}, read-only`);
      viewer.hidden = false;
      viewer.focus();
    } catch (err) {
      app.notice.show(`That version could not be read: ${err.message}`);
    }
  }

  async function restoreSnapshot(snap, when) {
    try {
      const draft = JSON.parse(await ws.restoreSnapshot(app.draftId, snap.id));
      if (draft.id === app.draftId) replaceChanged(app.view, draft.text);
      dialog.close();
      app.notice.show(`Restored the version of ${when}. The text it replaced is kept in the history.`, { timeout: 10_000 });
    } catch (err) {
      app.notice.show(`That version was not restored: ${err.message}`);
    }
  }

  return {
    open() {
      show();
      dialog.showModal();
    },
  };
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}
