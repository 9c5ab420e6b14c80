// Bounds on what the editor does for drafts it cannot handle at typing speed. A line of a
// megabyte takes CodeMirror half a minute to lay out wrapped, and Markdown highlighting reads
// it as one paragraph in one go; lists nested thousands deep make the Markdown parser take
// seconds a keystroke, and a table of 10,000 rows, one block it parses whole at every keystroke
// in it, 250 ms. While a draft has such lines, the editor turns off what costs that much,
// says so above the text, and turns it back on once the draft is within bounds again. The text
// itself is never touched.
import { Compartment, EditorState, StateEffect, StateField, Text } from '@codemirror/state';
import { ViewPlugin, showPanel } from '@codemirror/view';

const maxLineLength = 10000;
const maxNesting = 100;
const maxBlockLines = 2000;

// editorLimits returns the extensions for a draft starting as text: costly are the features
// to turn off past the bounds, language (the Markdown mode and its highlighting, asked for
// each time they come back, as the mode may have loaded since) and wrapping.
export function editorLimits(text, costly) {
  const compartment = new Compartment();
  const setLimits = StateEffect.define();
  // The field holds what is past the bounds (long, deep, block) and the features in force (applied).
  const limits = StateField.define({
    create(state) {
      const found = scan(state.doc, 1, state.doc.lines + 1);
      return { ...found, applied: modeOf(found) };
    },
    update(value, tr) {
      for (const effect of tr.effects) if (effect.is(setLimits)) return effect.value;
      return value;
    },
  });
  const reconfigure = (value, applied) => [
    setLimits.of({ ...value, applied }),
    compartment.reconfigure(features(applied, costly)),
  ];
  // Features go off as part of the edit that needs it, so that a huge paste is never laid out
  // or parsed with the features it would freeze.
  const check = EditorState.transactionExtender.of((tr) => {
    if (!tr.docChanged) return null;
    const before = tr.startState.field(limits);
    const after = nextLimits(before, tr);
    if (same({ long: before.long, deep: before.deep, block: before.block }, after)) return null;
    const wanted = modeOf(after);
    if (modes.indexOf(wanted) > modes.indexOf(before.applied)) return { effects: reconfigure(after, wanted) };
    return { effects: setLimits.of({ ...after, applied: before.applied }) };
  });
  // They come back in an edit of their own, after the one that brought the draft within
  // bounds: CodeMirror starts a feature on the text before the edit, and the Markdown mode
  // would parse the huge line that is going away (1.2 MB took 37 s).
  const restore = ViewPlugin.define((view) => {
    let live = true;
    return {
      update(update) {
        const value = update.state.field(limits);
        const wanted = modeOf(value);
        if (wanted === value.applied) return;
        queueMicrotask(() => {
          if (live && view.state.field(limits) === value) view.dispatch({ effects: reconfigure(value, wanted) });
        });
      },
      destroy() { live = false; },
    };
  });
  const initial = Text.of(text.split(/\r\n?|\n/));
  const panel = limitPanel(limits);
  return [
    limits,
    check,
    restore,
    compartment.of(features(modeOf(scan(initial, 1, initial.lines + 1)), costly)),
    showPanel.from(limits, (value) => (limited(value) ? panel : null)),
  ];
}

// The features in force, from all to fewest: a draft nested deep or with a huge block loses the
// Markdown mode ('plain'), a draft with a long line loses wrapping too ('unwrapped').
const modes = ['full', 'plain', 'unwrapped'];
const modeOf = (value) => (value.long ? 'unwrapped' : value.deep || value.block ? 'plain' : 'full');

function features(mode, { language, wrapping }) {
  return [mode === 'unwrapped' ? [] : wrapping, mode === 'full' ? language() : []];
}

const limited = (value) => !!(value.long || value.deep || value.block);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// nextLimits finds the limits after tr. Within bounds before, only the lines the edit touched
// and the blocks around them can have gone past them; past them before, the whole draft is
// looked at again, line by line (lengths and the markers that open each line, never the text
// between).
function nextLimits(before, tr) {
  const doc = tr.newDoc;
  if (limited(before)) return scan(doc, 1, doc.lines + 1);
  let found = { long: null, deep: null, block: null };
  tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    const range = scan(doc, blockStart(doc, doc.lineAt(fromB).number), blockEnd(doc, doc.lineAt(toB).number) + 1);
    found = { long: found.long ?? range.long, deep: found.deep ?? range.deep, block: found.block ?? range.block };
  });
  return found;
}

// blockStart and blockEnd walk from a line to the blank line before or after it, or
// maxBlockLines away: enough of the block around a change to tell whether it is too long.
function blockStart(doc, line) {
  for (let n = 0; line > 1 && n <= maxBlockLines && !blank(doc.line(line - 1).text); n++) line--;
  return line;
}

function blockEnd(doc, line) {
  for (let n = 0; line < doc.lines && n <= maxBlockLines && !blank(doc.line(line + 1).text); n++) line++;
  return line;
}

// blank runs on every line of a pasted draft: a loop, not a regular expression, for speed.
function blank(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

// scan looks at lines from to to (1-based, to excluded) of doc and returns the first line too
// long, the first nested too deep, and the first of a block with too many lines.
function scan(doc, from, to) {
  const found = { long: null, deep: null, block: null };
  let line = from;
  let run = 0;
  for (const iter = doc.iterLines(from, to); !iter.next().done; line++) {
    const text = iter.value;
    if (!found.long && text.length > maxLineLength) found.long = { line, length: text.length };
    if (!found.deep) {
      const depth = nesting(text);
      if (depth > maxNesting) found.deep = { line, depth };
    }
    run = blank(text) ? 0 : run + 1;
    if (!found.block && run > maxBlockLines) found.block = { line: line - run + 1 };
    if (found.long && found.deep && found.block) break;
  }
  return found;
}

// nesting counts the list and quote markers that open a line: how deep the Markdown parser
// nests there. The count stops at the first character that is neither.
function nesting(line) {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t') continue;
    if (c === '>') {
      depth++;
    } else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
      if ((line[j] !== '.' && line[j] !== ')') || line[j + 1] !== ' ') break;
      depth++;
      i = j;
    } else {
      break;
    }
  }
  return depth;
}

// message says what is off and why, in the words of the draft.
function message({ long, deep, block }) {
  const parts = [];
  let off = 'Markdown highlighting and list continuation are off';
  if (long) {
    parts.push(`Line ${long.line} is ${long.length.toLocaleString('en')} characters long: line wrapping and Markdown highlighting are off while a line is longer than ${maxLineLength.toLocaleString('en')} characters.`);
    off = 'Markdown highlighting stays off';
  }
  if (deep) {
    parts.push(`Line ${deep.line} nests lists or quotes ${deep.depth.toLocaleString('en')} deep: ${off} beyond ${maxNesting} levels.`);
    off = 'Markdown highlighting stays off';
  }
  if (block) {
    parts.push(`Line ${block.line} starts a paragraph or table of more than ${maxBlockLines.toLocaleString('en')} lines without a blank line: ${off} while one is that long.`);
  }
  parts.push('This keeps typing quick; the text is kept as it is.');
  return parts.join(' ');
}

// limitPanel shows the message above the text while the draft is past the bounds.
function limitPanel(limits) {
  return (view) => {
    const dom = document.createElement('div');
    dom.className = 'cw-editor-limit';
    dom.setAttribute('role', 'status');
    dom.textContent = message(view.state.field(limits));
    return {
      dom,
      top: true,
      update(update) {
        const value = update.state.field(limits);
        if (value !== update.startState.field(limits)) dom.textContent = message(value);
      },
    };
  };
}
