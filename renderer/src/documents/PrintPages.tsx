import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PdfPageCanvas } from './PdfPageCanvas';

/** PDF points (1/72 in) to CSS pixels (1/96 in): the page prints at its own paper size. */
const PRINT_SCALE = 96 / 72;
/** Device pixels per CSS pixel on paper: 192 dpi, sharp text without a huge canvas per page. */
const PRINT_RESOLUTION = 2;

/**
 * Every page of the PDF drawn for print into a container outside the app (a portal into <body>): on paper it is the
 * only thing shown (styles/document-viewer.css hides the app and the dialog for print). When all pages are drawn the
 * shell's print dialog opens once (window.print(): Electron's print dialog; Chromium's in the browser harness).
 */
export function PrintPages({ pdf }: { pdf: PDFDocumentProxy }) {
  const { t } = useTranslation('documentViewer');
  const count = pdf.numPages;
  const [drawn, setDrawn] = useState(() => new Set<number>());
  const printed = useRef(false);
  const ready = drawn.size === count;

  useEffect(() => {
    if (!ready || printed.current) return;
    printed.current = true;
    window.print();
  }, [ready]);

  return (
    <>
      {!ready && (
        <p className="pdf-loading" role="status" data-testid="pdf-preparing-print">
          {t('preparingPrint')}
        </p>
      )}
      {createPortal(
        <div className="pdf-print" data-testid="pdf-print" data-ready={ready}>
          {Array.from({ length: count }, (_, i) => (
            <PdfPageCanvas
              key={i + 1}
              pdf={pdf}
              pageNumber={i + 1}
              scale={PRINT_SCALE}
              resolution={PRINT_RESOLUTION}
              intent="print"
              label={t('pageLabel', { page: i + 1 })}
              testId="pdf-print-page"
              onRendered={() => setDrawn((before) => new Set(before).add(i + 1))}
            />
          ))}
        </div>,
        document.body,
      )}
    </>
  );
}
