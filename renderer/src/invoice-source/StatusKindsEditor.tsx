import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mapping } from '../../../electron/contract';
import type { StatusKind, StatusKindMap } from '../../../electron/contract/invoice-status';

interface Props {
  statuses: Mapping['statuses'];
  draft: StatusKindMap;
  onChange: (value: string, kind: StatusKind) => void;
}

/**
 * What each value of the status field means for receivables: a draft (not yet owed), posted (owed) or
 * cancelled (no longer owed). Proposed from the object's kind; the accountant's choice is saved with the fields.
 */
export function StatusKindsEditor({ statuses, draft, onChange }: Props) {
  const { t } = useTranslation('invoiceSource');
  const id = useId();
  if (statuses.length === 0) return null;
  const kinds: { kind: StatusKind; label: string }[] = [
    { kind: 'posted', label: t('statusPosted') },
    { kind: 'draft', label: t('statusDraft') },
    { kind: 'cancelled', label: t('statusCancelled') },
  ];
  return (
    <fieldset className="status-kinds" data-testid="status-kinds">
      <legend>{t('statusKindsTitle')}</legend>
      <p className="hint">{t('statusKindsHint')}</p>
      <div className="mapping-rows">
        {statuses.map((status, n) => (
          <div className="mapping-row" key={status.value} data-status={status.value}>
            <label htmlFor={`${id}-${n}`}>{status.label}</label>
            <select id={`${id}-${n}`} value={draft[status.value] ?? status.kind} onChange={(e) => onChange(status.value, e.target.value as StatusKind)}>
              {kinds.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
