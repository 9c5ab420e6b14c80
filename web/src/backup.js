// Backups that happen: "Back up all drafts" downloads one drafts archive (the format of Export
// all drafts, which Import reads back), and a reminder says when drafts changed and no backup
// was made for the chosen time (off, daily, weekly; weekly by default), at most once a day.
// The times live in localStorage (see local-settings.js), which a wipe of IndexedDB leaves be.
import { download } from './download.js';
import { createNotice } from './notice.js';
import { now, sameDay } from './clock.js';
import { writtenDrafts } from './recovery.js';
import { button } from './elements.js';

const day = 24 * 60 * 60 * 1000;
export const reminderPeriods = { off: 0, daily: day, weekly: 7 * day };
const checkEvery = 60 * 60 * 1000; // an open page checks hourly, besides at start and after saves

export function installBackup(app) {
  const ws = app.session.workspace;
  const settings = app.storage.settings;

  const backupButton = button('Back up all drafts');
  backupButton.disabled = !ws.persistent;
  const last = document.createElement('p');
  last.className = 'cw-storage-backup';
  const label = document.createElement('label');
  label.className = 'cw-storage-setting';
  label.append('Remind me to back up: ');
  const choice = document.createElement('select');
  for (const [value, text] of [['off', 'Never'], ['daily', 'Daily'], ['weekly', 'Weekly']]) {
    choice.append(new Option(text, value));
  }
  choice.value = settings.get('reminder', 'weekly');
  label.append(choice);
  app.storage.addControls(backupButton, last, label);

  const noticeElement = document.createElement('div');
  noticeElement.className = 'cw-notice cw-backup-notice';
  noticeElement.setAttribute('role', 'status');
  noticeElement.hidden = true;
  app.byId('notice').after(noticeElement);
  const reminder = createNotice(noticeElement);

  function showLast() {
    const at = settings.get('lastBackup');
    last.textContent = at ? `Last backup: ${new Date(at).toLocaleString()}.` : 'No backup made yet.';
  }

  async function backup() {
    try {
      const result = JSON.parse(await ws.exportArchive());
      const date = new Date(now()).toISOString().slice(0, 10);
      download(`casewright-backup-${date}.json`, result.archive, 'application/json');
      settings.set('lastBackup', now());
      settings.set('changedSince', undefined);
      reminder.hide();
      showLast();
      if (result.damaged) app.notice.show(`The backup leaves out what could not be read. ${result.damaged}`);
    } catch (err) {
      app.notice.show(`The drafts could not be backed up: ${err.message}`);
    }
  }

  // due says whether to remind now: drafts changed, the last backup (or, with none, the first
  // change) is older than the chosen period, and no reminder was shown today.
  function due(at) {
    const period = reminderPeriods[settings.get('reminder', 'weekly')] ?? reminderPeriods.weekly;
    const changed = settings.get('changedSince');
    if (!period || !changed) return false;
    const lastReminder = settings.get('lastReminder');
    if (lastReminder && sameDay(lastReminder, at)) return false;
    return at - (settings.get('lastBackup') ?? changed) >= period;
  }

  // check shows the reminder when it is due and says whether it did; checks never overlap, so
  // one reminder is never shown twice.
  let checking = null;
  const check = () => (checking ??= remindIfDue().finally(() => { checking = null; }));
  async function remindIfDue() {
    const at = now();
    if (!ws.persistent || !due(at)) return false;
    // Drafts that are gone (a wiped database) are not worth a reminder: recovery speaks then.
    try {
      if (writtenDrafts(JSON.parse(await ws.list()).drafts) === 0) return false;
    } catch {
      return false;
    }
    settings.set('lastReminder', at);
    const since = settings.get('lastBackup');
    const days = Math.floor((at - (since ?? settings.get('changedSince'))) / day);
    reminder.show(since
      ? `Your drafts changed since the last backup, ${days} ${days === 1 ? 'day' : 'days'} ago. Back up all drafts to keep a copy outside this browser.`
      : `Your drafts have never been backed up, and you have been writing for ${days} ${days === 1 ? 'day' : 'days'}. Back up all drafts to keep a copy outside this browser.`,
    { action: 'Back up now', onAction: backup });
    return true;
  }

  let lastCheck = 0;
  app.listen((event) => {
    if (event !== 'saved') return;
    if (!settings.get('changedSince')) settings.set('changedSince', now());
    if (Date.now() - lastCheck > 60_000) { lastCheck = Date.now(); check(); }
  });
  choice.addEventListener('change', () => { settings.set('reminder', choice.value); check(); });
  backupButton.addEventListener('click', backup);
  setInterval(check, checkEvery);

  app.storage.backup = backup;
  // checkBackupReminder runs the check a start runs, resolving to whether it reminded.
  app.storage.checkBackupReminder = check;
  showLast();
  check();
}
