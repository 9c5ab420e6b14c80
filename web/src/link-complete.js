// Link targets of the portal complete as the author types a link's destination after "](":
// every page and anchor, written as a Markdown path relative to the draft (from the core).
import { autocompletion } from '@codemirror/autocomplete';

// linkCompletion makes the completion extension for targets: [{target, title}].
export function linkCompletion(targets) {
  const options = targets.map((t) => ({ label: t.target, detail: t.title, type: t.target.includes('#') ? 'property' : 'text' }));
  return autocompletion({
    override: [(context) => {
      const typed = context.matchBefore(/\]\([^()\s]*/);
      if (!typed) return null;
      return { from: typed.from + 2, options, validFor: /^[^()\s]*$/ };
    }],
  });
}
