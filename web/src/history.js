// History: the History button opens the open draft's snapshots over time. The dialog's code
// (history-dialog.js) loads when the button is first pressed.
export function installHistory(app) {
  const historyButton = app.byId('history');
  if (!app.session.workspace.persistent) historyButton.disabled = true;
  let dialog = null;
  historyButton.addEventListener('click', async () => {
    try {
      dialog ??= import('./history-dialog.js').then((m) => m.historyDialog(app));
      (await dialog).open();
    } catch (err) {
      dialog = null; // pressed again, it tries again
      app.notice.show(`The history could not be opened: ${err.message}`);
    }
  });
}
