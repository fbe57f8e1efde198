import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { useInvoiceSource } from '../api/use-invoice-source';
import { markSourceSeen, sourceSeen } from './source-seen';
import { shapeText } from './source-text';

interface Props {
  connection: Connection;
  onOpen: () => void;
}

/**
 * Offered once per connection when choosing matters: the org has several invoice objects (Budgetly
 * starts with the recommended one), or none it recognises (then the dialog explains what to ask the admin).
 */
export function InvoiceSourceOffer({ connection, onOpen }: Props) {
  const { t } = useTranslation(['invoiceSource', 'columns']);
  const [dismissed, setDismissed] = useState(() => sourceSeen(connection.id));
  const source = useInvoiceSource(connection.id, !dismissed && connection.status === 'connected');
  const { objects, mapping } = source;
  if (dismissed || !objects || objects.length === 1) return null;
  const inUse = objects.find((o) => o.name === mapping?.object) ?? objects.find((o) => o.recommended);
  const dismiss = () => {
    markSourceSeen(connection.id);
    setDismissed(true);
  };
  const open = () => {
    dismiss();
    onOpen();
  };
  return (
    <div className="notice notice-info source-offer" role="status" data-testid="invoice-source-offer">
      {objects.length === 0 ? (
        <span>{t('offerNone', { label: connection.label })}</span>
      ) : (
        <span>
          {/* The connection's label is the user's own text: never inside markup the catalogue's <Trans> parses. */}
          {t('offerSeveral', { label: connection.label, places: objects.length })}{' '}
          <Trans t={t} i18nKey="offerShowing" values={{ name: inUse ? shapeText(t, inUse.shape).title : t('offerRecommended') }} components={{ strong: <strong /> }} />
        </span>
      )}
      <button type="button" className="primary" onClick={open} data-testid="open-invoice-source">
        {objects.length === 0 ? t('offerAskAdmin') : t('offerChoose')}
      </button>
      {objects.length > 0 && (
        <button type="button" onClick={dismiss}>
          {t('offerKeep')}
        </button>
      )}
    </div>
  );
}
