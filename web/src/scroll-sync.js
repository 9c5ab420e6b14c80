// The preview follows the editor's scroll and the editor the preview's, matched through each
// preview block's source line (data-line); a click on a block puts the cursor on its line.
import { moveToLine } from './editor.js';

// Elements inside the preview whose click means something of its own.
const interactive = 'a, button, input, label, summary, select, textarea';

export function installScrollSync(app) {
  const view = app.view;
  const preview = app.byId('preview');
  const scroller = view.scrollDOM;
  // The side the author scrolls drives the other until the other's scroll event has passed.
  let driver = null;
  let frame = 0;
  let pendingSide = null;

  const hold = (side) => {
    driver = side;
    clearTimeout(hold.timer);
    hold.timer = setTimeout(() => { driver = null; }, 80);
  };

  const schedule = (side) => {
    if (driver && driver !== side) return; // an echo of our own scrolling
    pendingSide = side;
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      hold(pendingSide);
      if (pendingSide === 'editor') followEditor();
      else followPreview();
    });
  };

  // The editor's top line, with the fraction of it scrolled past.
  const editorTopLine = () => {
    const top = scroller.getBoundingClientRect().top - view.documentTop;
    const block = view.lineBlockAtHeight(Math.max(0, top));
    const line = view.state.doc.lineAt(block.from).number;
    return line + Math.min(1, Math.max(0, (top - block.top) / (block.height || 1)));
  };

  const followEditor = () => {
    if (scroller.scrollTop <= 0) { preview.scrollTop = 0; return; }
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
      preview.scrollTop = preview.scrollHeight;
      return;
    }
    const line = editorTopLine();
    const blocks = preview.children;
    const i = lastBlockAtOrBefore(blocks, line);
    if (i < 0) { preview.scrollTop = 0; return; }
    const block = blocks[i];
    const from = Number(block.dataset.line);
    const next = blocks[i + 1];
    const to = next ? Number(next.dataset.line) : view.state.doc.lines + 1;
    const bottom = next ? next.offsetTop : preview.scrollHeight;
    const share = Math.min(1, (line - from) / Math.max(1, to - from));
    preview.scrollTop = block.offsetTop + share * (bottom - block.offsetTop);
  };

  const followPreview = () => {
    if (preview.scrollTop <= 0) { scroller.scrollTop = 0; return; }
    if (preview.scrollTop + preview.clientHeight >= preview.scrollHeight - 1) {
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }
    const blocks = preview.children;
    const i = blockAtOffset(blocks, preview.scrollTop);
    if (i < 0) return;
    const block = blocks[i];
    const next = blocks[i + 1];
    const from = Number(block.dataset.line);
    const to = next ? Number(next.dataset.line) : view.state.doc.lines + 1;
    const bottom = next ? next.offsetTop : preview.scrollHeight;
    const share = Math.min(1, (preview.scrollTop - block.offsetTop) / Math.max(1, bottom - block.offsetTop));
    const line = from + share * (to - from);
    const whole = Math.min(view.state.doc.lines, Math.floor(line));
    const lineBlock = view.lineBlockAt(view.state.doc.line(whole).from);
    // documentTop is on screen; turn the line's document height into the scroller's offset.
    const docOffset = view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTop = docOffset + lineBlock.top + (line - whole) * lineBlock.height;
  };

  scroller.addEventListener('scroll', () => schedule('editor'), { passive: true });
  preview.addEventListener('scroll', () => schedule('preview'), { passive: true });

  preview.addEventListener('click', (event) => {
    if (event.target.closest(interactive)) return;
    if (!window.getSelection().isCollapsed) return; // selecting text to copy, not pointing
    const block = event.target.closest('.cw-block[data-line]');
    if (!block) return;
    hold('preview'); // the editor moves to the block; the preview stays where it was clicked
    moveToLine(view, Number(block.dataset.line));
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
