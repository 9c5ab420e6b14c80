// Import: a Markdown file, picked with the Import button or dropped on the editor, becomes a new
// draft; a drafts archive (.json, from Export all drafts) adds its drafts. A file that is not
// UTF-8 text, or is larger than the limit, is refused with the reason and nothing changes.
export const markdownLimit = 5 * 1024 * 1024;
export const archiveLimit = 100 * 1024 * 1024;

export function installImport(app) {
  const input = app.byId('import-file');
  app.byId('import').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = ''; // picking the same file again is a new import
    if (file) importFile(app, file);
  });

  // Files dropped on the editor are imported, not pasted into the draft as text: the capture
  // phase sees them before CodeMirror does.
  const zone = app.byId('editor');
  const carriesFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  zone.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('cw-drop-target');
  }, true);
  zone.addEventListener('dragleave', () => zone.classList.remove('cw-drop-target'), true);
  zone.addEventListener('drop', (event) => {
    zone.classList.remove('cw-drop-target');
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    const [file] = event.dataTransfer.files;
    if (file) importFile(app, file);
  }, true);
}

// importFile checks a file and imports it, or tells the user why it will not.
async function importFile(app, file) {
  const archive = /\.json$/i.test(file.name) || file.type === 'application/json';
  const refuse = (why) => app.notice.show(`“${file.name}” was not imported: ${why}`);
  const limit = archive ? archiveLimit : markdownLimit;
  if (file.size > limit) {
    return refuse(`it is ${megabytes(file.size)}, and Casewright imports ${archive ? 'archives' : 'Markdown files'} of up to ${megabytes(limit)}.`);
  }
  let text;
  try {
    text = readText(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    return refuse(err.message);
  }
  if (!archive) {
    if (await app.drafts.openNew(text)) app.notice.show(`Imported “${file.name}” as a new draft.`, { timeout: 8000 });
    return;
  }
  if (!app.session.workspace.persistent) return refuse('drafts cannot be kept in this browser.');
  try {
    const count = JSON.parse(await app.session.workspace.importArchive(text));
    await app.drafts.refresh();
    app.notice.show(`Imported ${count} ${count === 1 ? 'draft' : 'drafts'} from “${file.name}”.`, { timeout: 8000 });
  } catch (err) {
    refuse(err.message.includes('not a drafts archive')
      ? 'it is not a Casewright drafts archive (made by Export all drafts).'
      : err.message);
  }
}

// readText decodes bytes as UTF-8 text, throwing an error that says why they are not.
export function readText(bytes) {
  if (bytes.includes(0)) throw new Error('it is not a text file (it contains binary data).');
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('it is not UTF-8 text. Save it with the UTF-8 encoding and import it again.');
  }
  // Control characters other than tab, line breaks and form feed do not occur in Markdown.
  if (/[\u0001-\u0008\u000e-\u001f\u007f]/.test(text)) throw new Error('it is not a text file (it contains binary data).');
  return text;
}

function megabytes(bytes) {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
