// The status bar's figures: words, reading time and completeness. Counting words walks the
// whole text, so it waits for an idle moment instead of riding on the keystroke.
const wordsPerMinute = 200;

// countWords counts runs of non-space characters in doc (a CodeMirror Text) piece by piece,
// without copying the draft into one string or building an array of words.
export function countWords(doc) {
  let words = 0;
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
