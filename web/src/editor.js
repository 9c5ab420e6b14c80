// The editing surface: CodeMirror 6 in Markdown mode, with diagnostics from the core.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';

// createEditor mounts CodeMirror on parent with text; onChange gets the whole text after
// every edit and returns the diagnostics to show.
export function createEditor(parent, text, onChange) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        bracketMatching(),
        highlightSelectionMatches(),
        markdown({ base: markdownLanguage }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const diagnostics = onChange(update.state.doc.toString());
          // A view cannot be updated while it is updating: show the result right after.
          queueMicrotask(() => showDiagnostics(view, diagnostics));
        }),
      ],
    }),
  });
  return view;
}

// showDiagnostics hands the core's diagnostics to CodeMirror's lint.
export function showDiagnostics(view, diagnostics) {
  const length = view.state.doc.length;
  const clamp = (n) => Math.max(0, Math.min(n, length));
  view.dispatch(setDiagnostics(view.state, diagnostics.map((d) => ({
    from: clamp(d.from),
    to: clamp(d.to),
    severity: d.severity,
    source: d.code,
    message: d.message,
  }))));
}

// moveCursor puts the cursor at offset and brings it into view.
export function moveCursor(view, offset) {
  view.dispatch({ selection: { anchor: Math.min(offset, view.state.doc.length) }, scrollIntoView: true });
  view.focus();
}

// replaceText sets the whole document, as one undoable change.
export function replaceText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
