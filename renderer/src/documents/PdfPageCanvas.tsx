import { useEffect, useRef } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  /** CSS pixels per PDF point (1 = 100 %). */
  scale: number;
  /** Device pixels per CSS pixel: the screen's for display, higher for print. */
  resolution: number;
  intent: 'display' | 'print';
  label: string;
  testId: string;
  onRendered?: () => void;
}

/**
 * One page of the PDF drawn by pdf.js onto a canvas: only pixels reach the DOM (no text or annotation layer, so no
 * link in the PDF can navigate the window). Each render draws a fresh canvas that replaces the shown one when done,
 * so zooming never flashes an empty page and two renders never share a canvas.
 */
export function PdfPageCanvas({ pdf, pageNumber, scale, resolution, intent, label, testId, onRendered }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const rendered = useRef(onRendered);
  useEffect(() => {
    rendered.current = onRendered;
  });

  useEffect(() => {
    let live = true;
    let task: RenderTask | null = null;
    const canvas = document.createElement('canvas');
    void pdf
      .getPage(pageNumber)
      .then((page) => {
        if (!live) return undefined;
        const viewport = page.getViewport({ scale });
        canvas.width = Math.max(1, Math.floor(viewport.width * resolution));
        canvas.height = Math.max(1, Math.floor(viewport.height * resolution));
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        task = page.render({ canvas, viewport, intent, transform: resolution === 1 ? undefined : [resolution, 0, 0, resolution, 0, 0] });
        return task.promise;
      })
      .then(() => {
        const box = holder.current;
        if (!live || !box) return;
        box.replaceChildren(canvas);
        box.dataset.rendered = `${pageNumber}@${scale}`;
        rendered.current?.();
      })
      .catch(() => undefined); // a render cancelled by the next one; a broken page stays as it was
    return () => {
      live = false;
      task?.cancel();
    };
  }, [pdf, pageNumber, scale, resolution, intent]);

  return <div ref={holder} className="pdf-page" role="img" aria-label={label} data-testid={testId} data-page={pageNumber} />;
}
