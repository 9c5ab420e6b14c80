// The Trash: drafts deleted in the Drafts panel stay restorable for 30 days (the core purges
// older ones when it starts, see trashKeep in wasm/sync.go). This lists them, with Restore.
import { now } from './clock.js';
import { button, modalDialog, dialogActions } from './elements.js';

export const trashDays = 30;
const day = 24 * 60 * 60 * 1000;

export function installTrash(app) {
  const ws = app.session.workspace;
  const open = button('Trash');
  open.disabled = !ws.persistent;
  app.storage.addControls(open);

  const { dialog } = modalDialog(app, 'trash', 'Trash');
  const explain = document.createElement('p');
  explain.textContent = `Deleted drafts stay here for ${trashDays} days; then they are gone for good.`;
  const list = document.createElement('ul');
  list.className = 'cw-trash-list';
  const close = button('Close');
  close.setAttribute('aria-label', 'Close the trash');
  const actions = dialogActions(close);
  dialog.append(explain, list, actions);

  open.addEventListener('click', async () => { await show(); dialog.showModal(); });
  close.addEventListener('click', () => dialog.close());

  async function show() {
    let trashed;
    try {
      trashed = JSON.parse(await app.session.trash.list());
    } catch (err) {
      list.replaceChildren(item(`The trash could not be read: ${err.message}`));
      return;
    }
    if (trashed.length === 0) {
      list.replaceChildren(item('The trash is empty.'));
      return;
    }
    list.replaceChildren(...trashed.map((draft) => {
      const li = item('');
      const label = document.createElement('span');
      label.className = 'cw-trash-label';
      const left = Math.max(0, Math.ceil((Date.parse(draft.deleted) + trashDays * day - now()) / day));
      label.textContent = `${draft.title} · deleted ${new Date(draft.deleted).toLocaleDateString()} · kept ${left} more ${left === 1 ? 'day' : 'days'}`;
      const restore = button('Restore', () => restoreDraft(draft));
      restore.setAttribute('aria-label', `Restore “${draft.title}”`);
      li.append(label, restore);
      return li;
    }));
  }

  async function restoreDraft(draft) {
    try {
      await ws.restore(draft.id);
      await app.drafts.refresh();
      await show();
      app.notice.show(`Restored “${draft.title}”.`, { timeout: 8000 });
    } catch (err) {
      app.notice.show(`The draft could not be restored: ${err.message}`);
    }
  }
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}
