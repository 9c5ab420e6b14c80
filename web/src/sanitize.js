// The one gate between rendered Markdown and the page: DOMPurify, which parses with the
// browser's own parser, so what it checks is what the page gets.
import DOMPurify from 'dompurify';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
    if (!node.getAttribute('href').startsWith('#')) node.setAttribute('target', '_blank');
  }
});

const config = { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form'] };

export function sanitizeToString(html) {
  return DOMPurify.sanitize(html, config);
}

export function sanitizeToFragment(html) {
  return DOMPurify.sanitize(html, { ...config, RETURN_DOM_FRAGMENT: true });
}
