import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';
import { PrintPages } from './PrintPages';

interface Props {
  connectionId: string;
  invoiceId: string;
  /** The open PDF (Print and Save as… need one); null when it could not be shown. */
  pdf: PDFDocumentProxy | null;
}

/**
 * Print, Save as… and Open in Salesforce. Save as… names the invoice only: the main process asks where and writes the
 * checked bytes it holds (invoices.saveDocument); the renderer sends no bytes and no path.
 */
export function DocumentActions({ connectionId, invoiceId, pdf }: Props) {
  const { t } = useTranslation(['documentViewer', 'invoiceDetail']);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [printing, setPrinting] = useState(0);
  const [saving, setSaving] = useState(false);

  async function run(action: () => Promise<string | null>) {
    setMessage(null);
    try {
      const saved = await action();
      if (saved) setMessage({ kind: 'saved', text: t('saved', { path: saved }) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorOf(e).message });
    }
  }
  const saveAs = () => {
    setSaving(true);
    void run(async () => (await unwrap(budgetly().invoices.saveDocument({ connectionId, id: invoiceId }))).path).finally(() => setSaving(false));
  };
  const openInSalesforce = () => void run(async () => (await unwrap(budgetly().invoices.openInSalesforce({ connectionId, id: invoiceId })), null));

  return (
    <>
      {pdf && (
        <button type="button" onClick={() => setPrinting((n) => n + 1)} data-testid="pdf-print-button">
          {t('print')}
        </button>
      )}
      {pdf && (
        <button type="button" onClick={saveAs} disabled={saving} data-testid="pdf-save-as">
          {t('saveAs')}
        </button>
      )}
      <button type="button" onClick={openInSalesforce} data-testid="pdf-open-in-salesforce">
        {t('invoiceDetail:openInSalesforce')}
      </button>
      {message && (
        <p className={message.kind === 'saved' ? 'pdf-action-note' : 'pdf-action-note notice notice-error'} role={message.kind === 'saved' ? 'status' : 'alert'} data-testid="pdf-action-message">
          {message.text}
        </p>
      )}
      {/* Stays after printing (hidden on screen) until the viewer closes; Print again draws and prints afresh. */}
      {pdf && printing > 0 && <PrintPages key={printing} pdf={pdf} />}
    </>
  );
}
