// The status bar's figures: words, reading time and completeness. Words are counted in an
// idle moment rather than on the keystroke.
const wordsPerMinute = 200;

// The words of each piece of text counted so far. A CodeMirror Text is a tree of pieces of
// whole lines, which an edit's new text shares with the old except along the path to the
// change: after a keystroke only those few pieces are counted again, not the whole draft.
const wordsIn = new WeakMap();

// countWords counts runs of non-space characters in doc (a CodeMirror Text). A line break is
// a space, so no word spans two pieces.
export function countWords(doc) {
  let words = wordsIn.get(doc);
  if (words !== undefined) return words;
  words = 0;
  if (doc.children) {
    for (const child of doc.children) words += countWords(child);
  } else {
    let inWord = false;
    for (const iter = doc.iter(); !iter.next().done;) {
      const text = iter.value;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
        if (!space && !inWord) words++;
        inWord = !space;
      }
    }
  }
  wordsIn.set(doc, words);
  return words;
}

const setText = (element, text) => {
  if (element.textContent !== text) element.textContent = text;
};

export function installStatusBar(app) {
  const words = app.byId('status-words');
  const reading = app.byId('status-reading');
  const completeness = app.byId('status-completeness');
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
  let pending = false;

  const countNow = () => {
    pending = false;
    const n = countWords(app.view.state.doc);
    // Only a change is written: a new text node lays the page out again before the next key.
    setText(words, `${n.toLocaleString('en')} ${n === 1 ? 'word' : 'words'}`);
    setText(reading, `${Math.max(1, Math.round(n / wordsPerMinute))} min read`);
  };
  const show = (state) => {
    setText(completeness, `${Math.round((state.completeness?.ratio ?? 0) * 100)}% complete`);
    if (!pending) {
      pending = true;
      idle(countNow, { timeout: 1000 });
    }
  };
  app.onUpdate(show);
  show(app.state);
}
