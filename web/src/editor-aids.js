// The editor's aids that load after it is ready (or, when there are link targets, before it:
// see app.js), kept out of what the page fetches before it can be used:
// - from @codemirror/autocomplete, brackets and quotes close as they are typed (Backspace
//   right after removes the pair), and link targets complete when the page gave a portal's
//   pages;
// - from @codemirror/search, the search panel (Ctrl-F, at the top) and the highlighting of
//   the selection's other occurrences;
// - from @codemirror/lint, the core's problems in the text: underlined, marked in the gutter,
//   explained with their quick fixes in the hover, F8 and Shift-F8 to go from one to the next
//   (until then, the Problems panel has them);
// - from @codemirror/lang-markdown, the Markdown mode: highlighting, and Enter continuing lists
//   and quotes (until then, the text is plain);
// - from @codemirror/language-data, the languages that highlight code inside fences.
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { lintGutter, lintKeymap, setDiagnostics, previousDiagnostic } from '@codemirror/lint';
import { linkCompletion } from './link-complete.js';

// setDiagnostics shows diagnostics in the text (see editor.js).
export { setDiagnostics };
export { markdown, markdownLanguage } from '@codemirror/lang-markdown';
// codeLanguages are the languages fences name, each loaded when a fence first needs it.
export { languages as codeLanguages } from '@codemirror/language-data';

// editorAids returns the editor extensions for targets: [{target, title}], maybe none.
export function editorAids(targets) {
  return [
    closeBrackets(),
    // Ahead of the editor's own keymap, whose Backspace deletes one character.
    Prec.high(keymap.of(closeBracketsKeymap)),
    targets.length ? linkCompletion(targets) : [],
    highlightSelectionMatches(),
    search({ top: true }),
    keymap.of(searchKeymap),
    lintGutter(),
    keymap.of([...lintKeymap, { key: 'Shift-F8', run: previousDiagnostic }]),
  ];
}
