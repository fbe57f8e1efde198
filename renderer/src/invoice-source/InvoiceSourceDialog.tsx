import './invoice-source.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, FieldMapping } from '../../../electron/contract';
import type { StatusKindMap } from '../../../electron/contract/invoice-status';
import { useInvoiceSource } from '../api/use-invoice-source';
import { MappingEditor } from './MappingEditor';
import { NoInvoiceObject, ObjectPicker } from './ObjectPicker';
import { markSourceSeen } from './source-seen';
import { shapeText } from './source-text';

interface Props {
  open: boolean;
  connection: Connection;
  onClose: () => void;
  /** Starts a sync of this connection (the workspace's own, so its progress shows). */
  onSync: () => void;
  /** A sync is running (it keeps the source it started with): Sync now waits for it. */
  syncing: boolean;
}

/** "Invoice source": which object of the org holds the invoices, and which of its fields fill each invoice field. */
export function InvoiceSourceDialog({ open, connection, onClose, onSync, syncing }: Props) {
  const { t } = useTranslation(['invoiceSource', 'columns']);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const source = useInvoiceSource(connection.id, open);
  const [picked, setPicked] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPicked(null);
      setSaved(false);
      dialog.showModal();
      markSourceSeen(connection.id);
    }
    if (!open && dialog.open) dialog.close();
  }, [open, connection.id]);

  const { objects, mapping } = source;
  const selected = picked ?? mapping?.object ?? objects?.find((o) => o.recommended)?.name;
  const selectedObject = objects?.find((o) => o.name === selected);
  // "Saved — Sync now" speaks of the last save: gone while the next one is on its way, so Sync now never starts before it.
  const save = async (object: string, fields?: FieldMapping, statusKinds?: StatusKindMap) => {
    setSaved(false);
    if (await source.save(object, fields, statusKinds)) setSaved(true);
  };

  let body;
  if (source.loading && !objects) {
    body = <p aria-busy="true">{t('looking', { label: connection.label })}</p>;
  } else if (source.error) {
    body = (
      <div className="source-error" role="alert" data-testid="invoice-source-error">
        <p>{t('unreachable', { label: connection.label })}</p>
        <p className="hint">{source.error.message}</p>
        <button type="button" onClick={source.reload}>
          {t('tryAgain')}
        </button>
      </div>
    );
  } else if (objects && objects.length === 0) {
    body = <NoInvoiceObject />;
  } else if (objects) {
    body = (
      <>
        <ObjectPicker name={`${id}-object`} objects={objects} selected={selected} current={mapping?.object} onSelect={setPicked} />
        {selected && selected !== mapping?.object && (
          <div className="form-actions">
            <button type="button" className="primary" disabled={source.saving} onClick={() => void save(selected)} data-testid="use-object">
              {t('use', { name: selectedObject ? shapeText(t, selectedObject.shape).title : selected })}
            </button>
          </div>
        )}
        {mapping && mapping.object === selected && (
          <MappingEditor
            key={JSON.stringify([mapping.fields, mapping.statuses])}
            mapping={mapping}
            saving={source.saving}
            onSave={(fields, statusKinds) => void save(mapping.object, fields, statusKinds)}
          />
        )}
      </>
    );
  }

  return (
    <dialog ref={ref} className="settings invoice-source" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="invoice-source-dialog">
      <header className="dialog-header">
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="hint">{connection.label}</p>
      {body}
      {source.saveError && (
        <p role="alert" className="field-error">
          {t('notSaved', { reason: source.saveError.message })}
        </p>
      )}
      {saved && (
        <div className="banner banner-info source-saved" role="status" data-testid="invoice-source-saved">
          <span>
            {t('saved')}
            {syncing && ` ${t('savedWhileSyncing')}`}
          </span>
          <button
            type="button"
            className="primary"
            disabled={connection.status !== 'connected' || syncing}
            data-testid="invoice-source-sync"
            onClick={() => {
              onSync();
              onClose();
            }}
          >
            {t('syncNow')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('closeButton')}
        </button>
      </div>
    </dialog>
  );
}
