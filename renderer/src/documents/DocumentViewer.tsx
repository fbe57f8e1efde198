import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatInstant } from '../lib/relative-time';
import { DocumentActions } from './DocumentActions';
import { DocumentProblem } from './DocumentProblem';
import { PasswordForm } from './PasswordForm';
import { PdfView } from './PdfView';
import { isOutOfReach, useInvoiceDocument } from './use-invoice-document';
import { usePdf } from './use-pdf';

interface Props {
  connectionId: string;
  invoice: { id: string; number: string };
  onClose: () => void;
}

/**
 * The invoice's PDF inside the app (issue #15), over the workspace: the bytes from the main process, parsed and drawn
 * by pdf.js in this sandboxed renderer. Escape closes it and focus goes back to the "Invoice PDF" button.
 */
export function DocumentViewer({ connectionId, invoice, onClose }: Props) {
  const { t } = useTranslation('documentViewer');
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { load, retry } = useInvoiceDocument(connectionId, invoice.id);
  const [password, setPassword] = useState<string | undefined>(undefined);
  const bytes = load.kind === 'ready' ? load.document.bytes : null;
  const pdf = usePdf(bytes, password);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const actions = <DocumentActions connectionId={connectionId} invoiceId={invoice.id} pdf={pdf.kind === 'open' ? pdf.pdf : null} />;

  return (
    <dialog ref={ref} className="document-viewer" aria-labelledby={titleId} onClose={onClose} data-testid="document-viewer">
      <header className="dialog-header">
        <h2 id={titleId}>{t('title', { number: invoice.number })}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('close')} data-testid="pdf-close">
          ×
        </button>
      </header>
      {load.kind === 'ready' && load.document.keptAt && (
        <p className="notice notice-info" role="status" data-testid="pdf-kept">
          {t('keptCopy', { date: formatInstant(load.document.keptAt, locale) })}
        </p>
      )}
      {load.kind === 'loading' && (
        <p className="pdf-loading" aria-busy="true" data-testid="pdf-loading">
          {t('loading')}
        </p>
      )}
      {load.kind === 'failed' && (
        <>
          <DocumentProblem
            kind={load.code === 'NOT_FOUND' ? 'none' : isOutOfReach(load.code) ? 'offline' : 'refused'}
            message={load.code === 'NOT_FOUND' ? t('noDocument') : isOutOfReach(load.code) ? t('offlineNoCopy') : load.message}
            onRetry={load.code === 'NOT_FOUND' ? undefined : retry}
          />
          {actions}
        </>
      )}
      {load.kind === 'ready' && pdf.kind === 'opening' && (
        <p className="pdf-loading" aria-busy="true" data-testid="pdf-loading">
          {t('loading')}
        </p>
      )}
      {load.kind === 'ready' && pdf.kind === 'failed' && pdf.failure !== 'unreadable' && (
        <PasswordForm key={password ?? ''} wrong={pdf.failure === 'wrongPassword'} onSubmit={setPassword} />
      )}
      {load.kind === 'ready' && pdf.kind === 'failed' && pdf.failure === 'unreadable' && (
        <>
          <DocumentProblem kind="unreadable" message={t('unreadable')} />
          {actions}
        </>
      )}
      {pdf.kind === 'open' && <PdfView pdf={pdf.pdf} actions={actions} />}
    </dialog>
  );
}
