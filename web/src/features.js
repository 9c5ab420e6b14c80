// The features every Casewright editor installs, in order: each module's install(app).
// A new feature is one import and one entry here.
import { installProblems } from './problems.js';
import { installOutline } from './outline.js';
import { installTheme } from './theme.js';
import { installMermaid } from './mermaid.js';
import { installScrollSync } from './scroll-sync.js';
import { installStatusBar } from './statusbar.js';
import { installExport } from './export.js';
import { installDrafts } from './drafts.js';
import { installImport } from './import.js';
import { installHistory } from './history.js';
import { installConflict } from './conflict.js';
import { installStoragePanel } from './storage-panel.js';
import { installPersist } from './persist.js';
import { installBackup } from './backup.js';
import { installTrash } from './trash.js';
import { installFolder } from './folder.js';
import { installRecovery } from './recovery.js';

export const features = [
  installProblems,
  installOutline,
  installTheme,
  installMermaid,
  installScrollSync,
  installStatusBar,
  installExport,
  installDrafts,
  installImport,
  installHistory,
  installConflict,
  installStoragePanel, // first of the durability features: the others add to its region
  installPersist,
  installBackup,
  installTrash,
  installFolder,
  installRecovery,
];
