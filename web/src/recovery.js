// Recovery after a wipe: when the app starts on an emptied database (no written draft, nothing
// in the trash) although drafts existed before (a count remembered in localStorage, or a linked
// folder), it offers to bring them back from the folder or from an archive.
// writtenDrafts counts the drafts worth missing: all of them when there are several, and a lone
// draft only once it has been saved over (the app makes one from the template on any start).
import { button, modalDialog, dialogActions } from './elements.js';
export function writtenDrafts(drafts) {
  if (drafts.length > 1) return drafts.length;
  return drafts.filter((d) => d.revision > 1).length;
}

export function installRecovery(app) {
  const ws = app.session.workspace;
  if (!ws.persistent) return;
  const settings = app.storage.settings;

  const { dialog } = modalDialog(app, 'recovery', 'Your drafts are no longer in this browser');
  const explain = document.createElement('p');
  const actions = dialogActions();
  dialog.append(explain, actions);

  function offer(count, folder) {
    explain.textContent = `Casewright kept ${count} ${count === 1 ? 'draft' : 'drafts'} here, but the browser's storage is now empty: ` +
      'the browser or a clean-up of site data cleared it. Bring your drafts back from a copy:';
    const choices = [];
    if (folder) {
      choices.push(button(`Restore from “${folder.name}”`, () => fromFolder(() => app.storage.openFolder(folder))));
    } else if (app.storage.folderSupported) {
      choices.push(button('Open drafts from a folder…', () => fromFolder(() => app.storage.pickAndOpenFolder())));
    }
    choices.push(button('Restore from an archive…', () => {
      dialog.close();
      app.byId('import-file').click(); // Import reads the archives that backups write
    }));
    choices.push(button('Start afresh', () => {
      settings.set('draftCount', 0);
      dialog.close();
    }));
    actions.replaceChildren(...choices);
    dialog.showModal();
  }

  async function fromFolder(open) {
    try {
      await open();
    } catch (err) {
      app.notice.show(`The drafts could not be opened from the folder: ${err.message}`);
    }
  }

  // remember keeps the number of written drafts, the evidence a later start compares with.
  async function remember() {
    try {
      settings.set('draftCount', writtenDrafts(JSON.parse(await ws.list()).drafts));
    } catch {
      // The count stays as it was: a failed listing is no evidence of anything.
    }
  }
  // rememberSoon keeps the count current after saves: at once (a tab may close right after),
  // one listing at a time.
  let remembering = null;
  let again = false;
  const rememberSoon = () => {
    if (remembering) { again = true; return; }
    remembering = remember().finally(() => {
      remembering = null;
      if (again) { again = false; rememberSoon(); }
    });
  };

  app.storage.onRestored((count) => {
    if (count > 0 && dialog.open) dialog.close();
    remember();
  });

  async function check() {
    await app.storage.folderReady;
    const { drafts } = JSON.parse(await ws.list());
    const trash = JSON.parse(await app.session.trash.list());
    const remembered = settings.get('draftCount', 0);
    const folder = app.storage.linkedFolder;
    if (writtenDrafts(drafts) === 0 && trash.length === 0 && remembered > 0) {
      offer(remembered, folder);
    } else {
      await remember();
    }
    // Only now may saves update the count: the check above needs the count of the last visit.
    app.listen((event) => {
      if ((event === 'saved' || event === 'drafts-changed') && !dialog.open) rememberSoon();
    });
  }
  check().catch(() => {});
}
