// The features every Casewright editor installs, in order: each module's install(app).
// A new feature is one import and one entry here, or in later-features.js when showing the
// editor, the preview and the panels does not need it: those load once the editor is ready.
import { installProblems } from './problems.js';
import { installOutline } from './outline.js';
import { installTheme } from './theme.js';
import { installScrollSync } from './scroll-sync.js';
import { installStatusBar } from './statusbar.js';
import { installExport } from './export.js';
import { installDrafts } from './drafts.js';
import { installImport } from './import.js';
import { installHistory } from './history.js';
import { installStoragePanel } from './storage-panel.js';

export const features = [
  installProblems,
  installOutline,
  installTheme,
  installScrollSync,
  installStatusBar,
  installExport,
  installDrafts,
  installImport,
  installHistory,
  installStoragePanel, // the Storage region, which the later durability features add to
];

// laterFeatures loads the features installed after the editor is ready, in a chunk of their own.
export const laterFeatures = () => import('./later-features.js').then((m) => m.laterFeatures);
