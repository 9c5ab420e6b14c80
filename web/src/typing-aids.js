// Typing aids, from @codemirror/autocomplete: brackets and quotes close as they are typed
// (Backspace right after removes the pair), and link targets complete when the page gave a
// portal's pages. This module loads after the editor is ready, or before it when there are
// link targets (see app.js).
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { linkCompletion } from './link-complete.js';

// typingAids returns the editor extensions for targets: [{target, title}], maybe none.
export function typingAids(targets) {
  return [
    closeBrackets(),
    // Ahead of the editor's own keymap, whose Backspace deletes one character.
    Prec.high(keymap.of(closeBracketsKeymap)),
    targets.length ? linkCompletion(targets) : [],
  ];
}
