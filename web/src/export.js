// Export Markdown: the open draft downloads as a .md file named from its title.
import { download } from './download.js';

export function installExport(app) {
  app.byId('export').addEventListener('click', () => {
    const text = app.view.state.doc.toString();
    download(app.state.fileName, text);
    app.emit('export', { fileName: app.state.fileName, text });
  });
}
