// The peers the harness compares Casewright's rendering with, bundled by `make bench` into
// bench/out/peers.js (an IIFE injected into the page by the harness; never part of web/dist).
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';

window.casewrightPeers = {
  markdownIt: new MarkdownIt({ html: true, linkify: true }),
  marked,
};
