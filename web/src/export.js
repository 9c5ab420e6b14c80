// Export Markdown: the open draft downloads as a .md file named from its title.
import { download } from './download.js';

export function installExport(app) {
  app.byId('export').addEventListener('click', () => {
    download(app.state.fileName, app.view.state.doc.toString());
  });
}
