import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useLocale } from '../i18n/locale-context';
import { useElementWidthRem } from '../lib/use-element-width';
import { PdfPageCanvas } from './PdfPageCanvas';
import { FIT_WIDTH, pageAfter, scaleOf, stepZoom, type Zoom } from './zoom';
import { useShortcutLabel } from '../lib/use-shortcut-label';

/** Room left and right of the page inside the scroll area (CSS px), so fit width shows no horizontal scroll bar. */
const PAGE_GUTTER = 32;

interface Props {
  pdf: PDFDocumentProxy;
  /** More buttons for the toolbar (Print, Save as…, Open in Salesforce). */
  actions: ReactNode;
}

/** The open PDF: one page at a time on a canvas, with page navigation and zoom by buttons and keys. */
export function PdfView({ pdf, actions }: Props) {
  const { t } = useTranslation('documentViewer');
  const shortcut = useShortcutLabel();
  const locale = useLocale();
  const count = pdf.numPages;
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>(FIT_WIDTH);
  const [pageWidth, setPageWidth] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const widthRem = useElementWidthRem(scroller);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const available = widthRem === null ? 0 : widthRem * rem - PAGE_GUTTER;

  useEffect(() => {
    let live = true;
    void pdf.getPage(page).then((p) => live && setPageWidth(p.getViewport({ scale: 1 }).width));
    return () => {
      live = false;
    };
  }, [pdf, page]);

  const scale = scaleOf(zoom, pageWidth, available);
  const go = (move: 'next' | 'previous' | 'first' | 'last') => {
    setPage((p) => pageAfter(p, count, move));
    scroller.current?.scrollTo({ top: 0 });
  };
  // The page and zoom keys work wherever focus is in the (modal) viewer, except while typing.
  const keys = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement) return;
    const mod = event.ctrlKey || event.metaKey;
    const move = !mod && ({ PageDown: 'next', PageUp: 'previous', Home: 'first', End: 'last' } as const)[event.key as 'PageDown'];
    if (move) go(move);
    else if (mod && (event.key === '=' || event.key === '+')) setZoom(stepZoom(scale, 1));
    else if (mod && (event.key === '-' || event.key === '_')) setZoom(stepZoom(scale, -1));
    else if (mod && event.key === '0') setZoom(FIT_WIDTH);
    else return;
    event.preventDefault();
  };
  const onKey = useRef(keys);
  useEffect(() => {
    onKey.current = keys;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(scale);

  return (
    <div className="pdf-view">
      <div className="pdf-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <button type="button" onClick={() => go('previous')} disabled={page <= 1} aria-label={t('previousPage')} title={t('previousPage')} data-testid="pdf-previous">
          ▲
        </button>
        <span className="pdf-page-of" aria-live="polite" data-testid="pdf-page-of">
          {t('pageOf', { page, count })}
        </span>
        <button type="button" onClick={() => go('next')} disabled={page >= count} aria-label={t('nextPage')} title={t('nextPage')} data-testid="pdf-next">
          ▼
        </button>
        <span className="pdf-toolbar-gap" />
        <button type="button" onClick={() => setZoom(stepZoom(scale, -1))} aria-label={t('zoomOut', { keys: shortcut('−') })} title={t('zoomOut', { keys: shortcut('−') })} data-testid="pdf-zoom-out">
          –
        </button>
        <span className="pdf-zoom" data-testid="pdf-zoom" data-scale={scale.toFixed(3)}>
          {percent}
        </span>
        <button type="button" onClick={() => setZoom(stepZoom(scale, 1))} aria-label={t('zoomIn', { keys: shortcut('=') })} title={t('zoomIn', { keys: shortcut('=') })} data-testid="pdf-zoom-in">
          +
        </button>
        <button type="button" onClick={() => setZoom(FIT_WIDTH)} aria-pressed={zoom.kind === 'fitWidth'} data-testid="pdf-fit-width">
          {t('fitWidth')}
        </button>
        <span className="pdf-toolbar-gap" />
        {actions}
      </div>
      {/* Focusable, so the page keys and arrow scrolling work as soon as the PDF shows. */}
      <div ref={scroller} className="pdf-scroller" tabIndex={0} data-testid="pdf-scroller">
        {pageWidth > 0 && available > 0 && (
          <PdfPageCanvas pdf={pdf} pageNumber={page} scale={scale} resolution={window.devicePixelRatio || 1} intent="display" label={t('pageLabel', { page })} testId="pdf-page" />
        )}
      </div>
    </div>
  );
}
