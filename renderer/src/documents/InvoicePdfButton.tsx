import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentViewer } from './DocumentViewer';

/** The detail panel's entry point: "Invoice PDF" opens the viewer; closing it puts focus back on this button. */
export function InvoicePdfButton({ connectionId, invoice }: { connectionId: string; invoice: { id: string; number: string } }) {
  const { t } = useTranslation('documentViewer');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" onClick={() => setOpen(true)} data-testid="open-invoice-pdf">
        {t('openPdf')}
      </button>
      {open && (
        <DocumentViewer
          connectionId={connectionId}
          invoice={invoice}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
