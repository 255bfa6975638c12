// Project instructions are markdown written by Managers and read by everyone: rendered by marked, then sanitized by
// DOMPurify (no scripts, no event handlers, no javascript: links) before they reach the page.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function instructionsHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
