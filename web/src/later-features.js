// The features installed once the editor is ready (see app.js), in order: the diagrams (which
// load mermaid itself when the preview first shows one), the dialog for a draft changed in
// another tab, and the durability features, each adding its controls to the Storage region. Nothing on screen before they arrive needs them, so their code is not part
// of the page's first download; the workspace events they missed meanwhile reach them.
import { installMermaid } from './mermaid.js';
import { installConflict } from './conflict.js';
import { installPersist } from './persist.js';
import { installBackup } from './backup.js';
import { installTrash } from './trash.js';
import { installFolder } from './folder.js';
import { installRecovery } from './recovery.js';

export const laterFeatures = [
  installMermaid,
  installConflict,
  installPersist,
  installBackup,
  installTrash,
  installFolder,
  installRecovery,
];
