// A PDF shown with PDF.js (ADR 0035), loaded only when a config has a <Pdf>. No script from the PDF runs: PDF.js
// renders pages to a canvas only (no annotation layer, so no links or JS actions), with isEvalSupported false
// and without XFA; its worker is our own file, served by us (no CDN). The bytes come from pdfSource (media rules).
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfSource } from './media';

export function PdfViewer({ name, source, page, onPage, onPages }: {
  name: string;
  source: PdfSource;
  /** 1-based. */
  page: number;
  onPage: (page: number) => void;
  onPages: (pages: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(source.kind === 'refused' ? source.reason : null);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    if (source.kind === 'refused') return;
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    (async () => {
      try {
        let data: Uint8Array;
        if (source.kind === 'bytes') data = source.data.slice();
        else {
          const r = await fetch(source.url, { credentials: 'same-origin' });
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          data = new Uint8Array(await r.arrayBuffer());
        }
        const pdfjs = await import('pdfjs-dist');
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        loaded = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
        if (cancelled) return void loaded.destroy();
        setDoc(loaded);
        onPages(loaded.numPages);
      } catch (e) {
        if (!cancelled) setError(`The PDF could not be loaded (${e instanceof Error ? e.message : String(e)}). You can still skip this task.`);
      }
    })();
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
    // the source is fixed for the life of this component (it is keyed by task)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    (async () => {
      const p = await doc.getPage(Math.min(Math.max(1, page), doc.numPages));
      if (cancelled || !canvas.current) return;
      const base = p.getViewport({ scale: 1 });
      const viewport = p.getViewport({ scale: Math.min(2, 760 / base.width) });
      const c = canvas.current;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      task = p.render({ canvas: c, canvasContext: c.getContext('2d')!, viewport });
      try {
        await task.promise;
        if (!cancelled) setRendered(page);
      } catch {
        /* a newer page replaced this render */
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page]);

  const pages = doc?.numPages ?? 0;
  return (
    <div className="pdf-viewer" data-testid={`pdf-${name}`} data-pages={pages || ''} data-rendered-page={rendered || ''}>
      {error && <div className="alert alert-error" role="alert" data-testid="own-media-error">{error}</div>}
      <div className="row pdf-nav">
        <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid={`pdf-prev-${name}`} aria-label="Previous page">◀</button>
        <span data-testid={`pdf-page-${name}`}>Page {pages ? page : '–'} of {pages || '–'}</span>
        <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid={`pdf-next-${name}`} aria-label="Next page">▶</button>
      </div>
      <canvas ref={canvas} className="pdf-canvas" aria-label={`PDF page ${page}`} />
    </div>
  );
}
