import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { shownStatus } from '../connections/connection-status';
import { ConnectionFreshnessHint } from '../freshness/ConnectionFreshnessHint';

interface Props {
  connections: readonly Connection[];
  /** The connections shown (empty: every one). */
  picked: readonly string[];
  onChange: (picked: string[]) => void;
}

/** The orgs of the combined view, each with its status and how fresh its invoices are: tick some to show only theirs. */
export function OrgFilter({ connections, picked, onChange }: Props) {
  const { t } = useTranslation('allConnections');
  return (
    <fieldset className="filter-group" data-testid="filter-org">
      <legend>{t('orgsLegend')}</legend>
      {connections.map((connection) => (
        <label key={connection.id} className="check org-check" data-connection-id={connection.id}>
          <input
            type="checkbox"
            checked={picked.includes(connection.id)}
            onChange={(e) => onChange(e.target.checked ? [...picked, connection.id] : picked.filter((id) => id !== connection.id))}
          />
          <span className={`status-dot status-${shownStatus(connection)}`} aria-hidden="true" />
          <span>
            {connection.label}
            <ConnectionFreshnessHint connection={connection} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The org filter's chips, each removable (beside the other filters' chips). */
export function OrgChips({ connections, picked, onChange }: Props) {
  const { t } = useTranslation(['allConnections', 'workspace']);
  const shown = connections.filter((c) => picked.includes(c.id));
  if (shown.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('workspace:activeFilters')} data-testid="org-chips">
      {shown.map((connection) => {
        const label = t('orgChip', { org: connection.label });
        return (
          <li key={connection.id} className="chip">
            <span>{label}</span>
            <button type="button" aria-label={t('workspace:removeFilter', { filter: label })} onClick={() => onChange(picked.filter((id) => id !== connection.id))}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
