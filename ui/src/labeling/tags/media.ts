// Media of our own tags (ADR 0035), by the same rules as the editor's (bridge.mediaSource, ADR 0031): same-origin
// URLs (the storage proxy, our paths) are fetched with the session; data: URLs only of their own media type;
// never javascript: or data:text/html.
import { mediaSource } from '../bridge';

export type PdfSource =
  | { kind: 'bytes'; data: Uint8Array }
  | { kind: 'fetch'; url: string }
  | { kind: 'refused'; reason: string };

/** A PDF's bytes come from a data:application/pdf URL or a same-origin fetch; PDF.js is never given a URL itself. */
export function pdfSource(value: string, proxied: (url: string) => string): PdfSource {
  const v = value.trim();
  const data = /^data:application\/pdf(;[a-z0-9=.+-]+)*;base64,([a-z0-9+/=\s]*)$/i.exec(v);
  if (data) {
    try {
      const raw = atob(data[2].replace(/\s+/g, ''));
      return { kind: 'bytes', data: Uint8Array.from(raw, (c) => c.charCodeAt(0)) };
    } catch {
      return { kind: 'refused', reason: 'The PDF data URL is not valid base64.' };
    }
  }
  if (/^https?:\/\//i.test(v)) {
    const p = proxied(v);
    return p === v ? { kind: 'refused', reason: 'A PDF from another site needs the project\'s storage proxy (Settings).' } : { kind: 'fetch', url: p };
  }
  if (/^\/(?!\/)/.test(v)) return { kind: 'fetch', url: v };
  return { kind: 'refused', reason: 'Only data:application/pdf, http(s) through the storage proxy and our own paths are allowed.' };
}

export type VideoSource = { kind: 'url'; url: string } | { kind: 'fetch'; url: string } | { kind: 'refused'; reason: string };

export function videoSource(value: string, proxied: (url: string) => string): VideoSource {
  const m = mediaSource(value, proxied);
  if (m.kind === 'refused' || (m.kind === 'as-is' && /^data:(image|audio)\//i.test(m.url))) {
    return { kind: 'refused', reason: 'Only http(s), our own paths and data:video URLs are allowed.' };
  }
  return m.kind === 'as-is' ? { kind: 'url', url: m.url } : { kind: 'fetch', url: m.url };
}
