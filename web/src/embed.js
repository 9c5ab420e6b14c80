// The embed's entry (dist/embed/casewright.js): one <script type="module"> in any page
// defines <case-study-editor>, loading its WASM and CSS from beside this script.
import { defineEditor } from './element.js';

defineEditor(import.meta.url);
