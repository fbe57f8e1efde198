import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf, PdfOpenError, type PdfOpenFailure } from './pdf-engine';

export type PdfState = { kind: 'opening' } | { kind: 'failed'; failure: PdfOpenFailure } | { kind: 'open'; pdf: PDFDocumentProxy };

/** The bytes parsed by pdf.js (with the password, once the user gave one); the document is destroyed when left. */
export function usePdf(bytes: Uint8Array | null, password: string | undefined): PdfState {
  const [state, setState] = useState<{ bytes: Uint8Array | null; password: string | undefined; pdf: PdfState }>({ bytes: null, password: undefined, pdf: { kind: 'opening' } });

  useEffect(() => {
    if (!bytes) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(bytes, password).then(
      (pdf) => {
        opened = pdf;
        if (live) setState({ bytes, password, pdf: { kind: 'open', pdf } });
        else void pdf.loadingTask.destroy();
      },
      (error: unknown) => {
        const failure = error instanceof PdfOpenError ? error.failure : 'unreadable';
        if (live) setState({ bytes, password, pdf: { kind: 'failed', failure } });
      },
    );
    return () => {
      live = false;
      void opened?.loadingTask.destroy();
    };
  }, [bytes, password]);

  return state.bytes === bytes && state.password === password ? state.pdf : { kind: 'opening' };
}
