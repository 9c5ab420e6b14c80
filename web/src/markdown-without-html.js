// What @codemirror/lang-markdown gets when it imports @codemirror/lang-html, and the one thing
// it takes from @codemirror/autocomplete (see build.mjs): HTML as plain text, and no tag names
// to complete. markdown() nests HTML in raw HTML blocks and tags, and lang-html brings CSS and
// JavaScript with it: about 50 KB (brotli) before the editor could start, for colours inside
// raw HTML, which case studies hardly have. Raw HTML keeps Markdown's own highlighting.
// autocomplete loads after ready (editor-aids.js): markdown() only builds a CompletionContext
// to ask lang-html's htmlCompletionSource for tag names.
import { LanguageSupport, StreamLanguage } from '@codemirror/language';

const plainHTML = StreamLanguage.define({
  name: 'html',
  token(stream) {
    stream.skipToEnd();
    return null;
  },
});

// html is lang-html's html(config): the language markdown() nests in HTML nodes.
export function html() {
  return new LanguageSupport(plainHTML);
}

// htmlCompletionSource is lang-html's tag completion, which markdown() offers after "<": none.
export function htmlCompletionSource() {
  return null;
}

// CompletionContext stands for autocomplete's, which markdown() hands htmlCompletionSource.
export class CompletionContext {}
