// The editing surface: CodeMirror 6, for Markdown. The editor's aids (editor-aids.js) load
// after ready and bring the Markdown mode (highlighting, and Enter continuing lists and
// quotes), the languages that highlight code inside fences (each loaded on demand), and the
// core's diagnostics shown in the text by CodeMirror's lint.
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  dropCursor, rectangularSelection, highlightSpecialChars,
} from '@codemirror/view';
import { Compartment, EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, bracketMatching, indentOnInput, LanguageDescription } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { applyFix } from './fixes.js';
import { editorLimits } from './editor-limits.js';

// aids is the editor-aids.js module once loaded (see useAids); null before.
let aids = null;

// The Markdown mode, once the aids are in: put in place when they arrive.
const markdownMode = new Compartment();
const markdownSupport = () => (aids ? aids.markdown({ base: aids.markdownLanguage, codeLanguages: codeLanguage }) : []);
const codeLanguage = (info) => LanguageDescription.matchLanguageName(aids.codeLanguages, info, true);

// createEditor mounts CodeMirror on parent with text; onChange gets the new text (a
// CodeMirror Text) and the edits that made it (see editsOf) after every change, and returns
// the diagnostics to show, or null when those shown stand; extensions are the host's own
// additions.
export function createEditor(parent, text, onChange, extensions = []) {
  return new EditorView({ parent, state: editorState(text, onChange, extensions) });
}

// createWaitingEditor mounts CodeMirror on parent, empty and read-only, to be given its draft
// with view.setState(editorState(...)): the page builds it while the core is still
// downloading, rather than as the first thing once the core is up.
export function createWaitingEditor(parent) {
  const waiting = [EditorState.readOnly.of(true), EditorView.editable.of(false)];
  return new EditorView({ parent, state: editorState('', () => [], waiting) });
}

// editorState is a draft's text in the editor: the state createEditor starts from, and what
// view.setState takes to open another text with an undo history of its own.
export function editorState(text, onChange, extensions = []) {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      highlightSpecialChars(),
      drawSelection(),
      dropCursor(),
      rectangularSelection(),
      history(),
      indentOnInput(),
      bracketMatching(),
      // Off while a line is huge or lists nest very deep (see editor-limits.js).
      editorLimits(text, {
        language: () => [
          // Enter continues lists and quotes, Backspace removes their markup (lang-markdown's keymap).
          markdownMode.of(markdownSupport()),
          // Tokens get tok-* classes, coloured by the page's light or dark theme.
          syntaxHighlighting(classHighlighter),
        ],
        wrapping: EditorView.lineWrapping,
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'Markdown source' }),
      keymap.of([
        ...defaultKeymap,
        ...historyKeymap,
        indentWithTab,
      ]),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        const diagnostics = onChange(update.state.doc, editsOf(update.changes));
        // A view cannot be updated while it is updating: show the result right after. (None:
        // the diagnostics shown only moved with the edit, as the editor moved them.)
        if (diagnostics) queueMicrotask(() => showDiagnostics(update.view, diagnostics));
      }),
      ...extensions,
    ],
  });
}

// editsOf lists changes flat, as (from, deleted, inserted) for each changed range: from in
// the text the ranges before it have made, so that applying them in order gives the new text.
function editsOf(changes) {
  const edits = [];
  changes.iterChanges((fromA, toA, fromB, _toB, inserted) => edits.push(fromB, toA - fromA, inserted.toString()));
  return edits;
}

// useAids puts the editor's aids, once loaded, to work: in the states made from now on, and
// in view (when given) with its diagnostics shown. aidExtensions are the extensions the host
// keeps in the compartment aidsCompartment.
export function useAids(module, view, aidsCompartment, aidExtensions, diagnostics) {
  aids = module;
  if (!view) return;
  view.dispatch({ effects: [aidsCompartment.reconfigure(aidExtensions), markdownMode.reconfigure(markdownSupport())] });
  showDiagnostics(view, diagnostics);
}

// showDiagnostics shows diagnostics (the core's, and the page's own marked by a source) in
// the text, once the aids that show them have loaded; until then the Problems panel has them.
export function showDiagnostics(view, diagnostics) {
  if (aids) view.dispatch(diagnosticsSpec(view.state, diagnostics));
}

// withDiagnostics is state with diagnostics shown: a state to open with its problems in one
// update of the view, rather than one for the text and one more for the problems.
export function withDiagnostics(state, diagnostics) {
  return aids ? state.update(diagnosticsSpec(state, diagnostics)).state : state;
}

// diagnosticsSpec hands diagnostics to CodeMirror's lint, with each quick fix as an action in
// the hover.
function diagnosticsSpec(state, diagnostics) {
  const length = state.doc.length;
  const clamp = (n) => Math.max(0, Math.min(n, length));
  return aids.setDiagnostics(state, diagnostics.map((d) => ({
    from: clamp(d.from),
    to: clamp(d.to),
    severity: d.severity,
    source: d.source ? `${d.source}: ${d.code}` : d.code,
    message: d.message,
    actions: (d.fixes || []).map((fix) => ({ name: fix.title, apply: (v) => applyFix(v, fix) })),
  })));
}

// moveCursor puts the cursor at offset and brings it into view.
export function moveCursor(view, offset, to = offset) {
  const length = view.state.doc.length;
  view.dispatch({
    selection: { anchor: Math.min(offset, length), head: Math.min(to, length) },
    scrollIntoView: true,
  });
  view.focus();
}

// moveToLine puts the cursor at the start of a 1-based line and shows that line at the top.
export function moveToLine(view, line) {
  const pos = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines))).from;
  view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'start', yMargin: 8 }) });
  view.focus();
}

// replaceText sets the whole document, as one undoable change.
export function replaceText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
