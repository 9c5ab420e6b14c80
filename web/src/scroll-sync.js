// The preview follows the editor's scroll and the editor the preview's, matched through each
// preview block's source line (data-line); a click on a block puts the cursor on its line.
import { moveToLine } from './editor.js';

// Elements inside the preview whose click means something of its own.
const interactive = 'a, button, input, label, summary, select, textarea';

export function installScrollSync(app) {
  const preview = app.byId('preview');

  // Each pane remembers where the sync last put it, so that its scroll event there is known as
  // the echo of our own scrolling; any other scroll is the author's and is followed. Telling
  // echoes by position, not by a time window, means an author's scroll right after a synced one
  // is never taken for an echo and dropped. The preview's place is its scrollTop; the editor's
  // is its top line, which stays when CodeMirror corrects scrollTop after measuring new lines.
  const given = { preview: null, editor: null };
  const isEcho = (side, place) => {
    const was = given[side];
    given[side] = null;
    return was !== null && Math.abs(place() - was) < (side === 'editor' ? 0.5 : 1);
  };

  // The side whose scroll came last in a frame leads.
  let frame = 0;
  let pendingSide = null;
  const schedule = (side) => {
    pendingSide = side;
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      if (pendingSide === 'editor') followEditor();
      else followPreview();
    });
  };

  // The editor's top line, with the fraction of it scrolled past.
  const editorTopLine = (view) => {
    const top = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
    const block = view.lineBlockAtHeight(Math.max(0, top));
    const line = view.state.doc.lineAt(block.from).number;
    return line + Math.min(1, Math.max(0, (top - block.top) / (block.height || 1)));
  };

  const followEditor = () => {
    const view = app.view;
    const scroller = view.scrollDOM;
    const to = (top) => {
      const before = preview.scrollTop;
      preview.scrollTop = top;
      if (preview.scrollTop !== before) given.preview = preview.scrollTop; // else no event comes
    };
    if (scroller.scrollTop <= 0) return to(0);
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return to(preview.scrollHeight);
    const line = editorTopLine(view);
    const blocks = preview.children;
    const i = lastBlockAtOrBefore(blocks, line);
    if (i < 0) return to(0);
    const block = blocks[i];
    const from = Number(block.dataset.line);
    const next = blocks[i + 1];
    const until = next ? Number(next.dataset.line) : view.state.doc.lines + 1;
    const bottom = next ? next.offsetTop : preview.scrollHeight;
    const share = Math.min(1, (line - from) / Math.max(1, until - from));
    to(block.offsetTop + share * (bottom - block.offsetTop));
  };

  const followPreview = () => {
    const view = app.view;
    const scroller = view.scrollDOM;
    const to = (top) => {
      const before = scroller.scrollTop;
      scroller.scrollTop = top;
      if (scroller.scrollTop !== before) given.editor = editorTopLine(view);
    };
    if (preview.scrollTop <= 0) return to(0);
    if (preview.scrollTop + preview.clientHeight >= preview.scrollHeight - 1) return to(scroller.scrollHeight);
    const blocks = preview.children;
    const i = blockAtOffset(blocks, preview.scrollTop);
    if (i < 0) return;
    const block = blocks[i];
    const next = blocks[i + 1];
    const from = Number(block.dataset.line);
    const until = next ? Number(next.dataset.line) : view.state.doc.lines + 1;
    const bottom = next ? next.offsetTop : preview.scrollHeight;
    const share = Math.min(1, (preview.scrollTop - block.offsetTop) / Math.max(1, bottom - block.offsetTop));
    const line = from + share * (until - from);
    const whole = Math.min(view.state.doc.lines, Math.floor(line));
    const lineBlock = view.lineBlockAt(view.state.doc.line(whole).from);
    // documentTop is on screen; turn the line's document height into the scroller's offset.
    const docOffset = view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop;
    to(docOffset + lineBlock.top + (line - whole) * lineBlock.height);
  };

  // The editor is replaced when another draft opens (app.openDocument), so the sync always works
  // with app.view, and hears its scroller from the editor's host: scroll events do not bubble,
  // but the host sees them in the capture phase.
  app.byId('editor').addEventListener('scroll', (event) => {
    if (event.target !== app.view.scrollDOM || isEcho('editor', () => editorTopLine(app.view))) return;
    schedule('editor');
  }, { capture: true, passive: true });
  preview.addEventListener('scroll', () => {
    if (!isEcho('preview', () => preview.scrollTop)) schedule('preview');
  }, { passive: true });
  // A newly opened draft starts at its top: the preview goes there too.
  let shownView = app.view;
  app.onUpdate(() => {
    if (app.view === shownView) return;
    shownView = app.view;
    schedule('editor');
  });

  preview.addEventListener('click', (event) => {
    if (event.target.closest(interactive)) return;
    if (!window.getSelection().isCollapsed) return; // selecting text to copy, not pointing
    const block = event.target.closest('.cw-block[data-line]');
    if (!block) return;
    const view = app.view;
    const before = view.scrollDOM.scrollTop;
    moveToLine(view, Number(block.dataset.line));
    // The preview stays where it was clicked: CodeMirror scrolls to the line when it measures,
    // in a frame callback queued before this one, so the place it scrolled to is ours.
    requestAnimationFrame(() => {
      if (view === app.view && view.scrollDOM.scrollTop !== before) given.editor = editorTopLine(view);
    });
  });
}

// lastBlockAtOrBefore returns the index of the last block whose source line is at or before
// line, by binary search: blocks are in source order.
function lastBlockAtOrBefore(blocks, line) {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (Number(blocks[mid].dataset.line) <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

// blockAtOffset returns the index of the last block that starts at or above offset pixels.
function blockAtOffset(blocks, offset) {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].offsetTop <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
