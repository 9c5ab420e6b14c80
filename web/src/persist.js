// Persistent storage: on the first save the app asks the browser not to clear the drafts when
// space runs low (navigator.storage.persist). The Storage region shows the answer; a refusal
// also brings a dismissible notice with the two remedies, a backup and a linked folder.
import { button } from './elements.js';
export function installPersist(app) {
  const storage = navigator.storage;
  const ws = app.session.workspace;
  if (!ws.persistent) return app.storage.setPersisted(false, false);
  if (!storage?.persist) return app.storage.setPersisted(false, true);

  storage.persisted().then((value) => app.storage.setPersisted(value, false), () => {});

  let asked = false;
  app.listen(async (event) => {
    if (event !== 'saved' || asked) return;
    asked = true;
    let granted = false;
    try {
      granted = (await storage.persisted()) || (await storage.persist());
    } catch {
      // A browser that throws here gives no protection: say so, as for a refusal.
    }
    app.storage.setPersisted(granted, true);
    if (!granted && !app.storage.settings.get('persistNoticeDismissed', false)) showRefusal();
  });

  const notice = document.createElement('div');
  notice.className = 'cw-notice cw-persist-notice';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  // In the Storage region rather than above the editor: the warning moves nothing the author is
  // working on (a bar appearing on the first save would shift the editor under the pointer).
  // It comes after the region's <details>, so that it shows whether the region is open or not.
  app.storage.section.append(notice);

  function showRefusal() {
    const text = document.createElement('span');
    text.className = 'cw-notice-text';
    const folder = app.storage.folderSupported;
    text.textContent = 'This browser may delete your drafts when it runs short of space, because it did not agree to keep them for good: ' +
      (folder ? 'back them up, or link a folder that gets a copy of every draft.' : 'back them up to keep a copy outside the browser.');
    const backup = button('Back up all drafts', () => app.storage.backup());
    const parts = [text, backup];
    if (folder) parts.push(button('Link a folder…', () => app.storage.pickFolder()));
    const close = button('×', dismiss);
    close.className = 'cw-notice-close';
    close.setAttribute('aria-label', 'Dismiss the storage warning');
    parts.push(close);
    notice.replaceChildren(...parts);
    notice.hidden = false;
  }

  // Dismissing is remembered: the Storage region keeps saying the drafts are not protected.
  function dismiss() {
    notice.hidden = true;
    app.storage.settings.set('persistNoticeDismissed', true);
  }
}
