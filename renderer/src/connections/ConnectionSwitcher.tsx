import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { useDismiss } from '../lib/use-dismiss';
import { ConnectionFreshnessHint } from '../freshness/ConnectionFreshnessHint';
import { shownStatus, statusLabels } from './connection-status';

interface Props {
  connections: Connection[];
  active: Connection;
  onSelect: (id: string) => void;
  onReconnect: (connection: Connection) => void;
  onAdd: () => void;
  /** Actions on the active connection, offered at the foot of the menu. */
  onEdit?: (connection: Connection) => void;
  onDetails?: (connection: Connection) => void;
  onInvoiceSource?: () => void;
}

/** The orgs the user has connected, each with its status and a one-click reconnect. */
export function ConnectionSwitcher({ connections, active, onSelect, onReconnect, onAdd, onEdit, onDetails, onInvoiceSource }: Props) {
  const { t } = useTranslation('connectionDetails');
  const { ref, onKeyDown, close } = useDismiss();
  const status = shownStatus(active);
  return (
    <details className="switcher" ref={ref} onKeyDown={onKeyDown} data-testid="connection-switcher">
      <summary>
        <span className="visually-hidden">Connection: </span>
        <span className={`status-dot status-${status}`} aria-hidden="true" />
        <span className="switcher-label">{active.label}</span>
        <span className="switcher-status" data-testid="connection-status" data-status={status}>
          {statusLabels[status]}
        </span>
        <span className="visually-hidden"> (switch connection)</span>
      </summary>
      <div className="popover" role="group" aria-label="Connections">
        {active.username && (
          <p className="hint connected-as" data-testid="connected-as">
            {shownStatus(active) === 'connected' ? 'Connected as' : 'Last signed in as'} {active.displayName ? `${active.displayName} (${active.username})` : active.username}
            {active.orgId ? ` · org ${active.orgId}` : ''}
          </p>
        )}
        <ul className="connection-list">
          {connections.map((connection) => {
            const s = shownStatus(connection);
            return (
              <li key={connection.id} className={connection.id === active.id ? 'current' : undefined}>
                <button
                  type="button"
                  className="connection-pick"
                  aria-current={connection.id === active.id ? 'true' : undefined}
                  onClick={() => {
                    onSelect(connection.id);
                    close();
                  }}
                >
                  <span className={`status-dot status-${s}`} aria-hidden="true" />
                  <span>
                    {connection.label}
                    <span className="hint"> {connection.username ?? connection.loginUrl}</span>
                    <ConnectionFreshnessHint connection={connection} />
                  </span>
                  <span className="hint">{statusLabels[s]}</span>
                </button>
                {s !== 'connected' && (
                  <button
                    type="button"
                    onClick={() => {
                      onReconnect(connection);
                      close();
                    }}
                  >
                    Reconnect
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          onClick={() => {
            onAdd();
            close();
          }}
        >
          Add connection…
        </button>
        {onEdit && (
          <button
            type="button"
            onClick={() => {
              onEdit(active);
              close();
            }}
          >
            Edit {active.label}…
          </button>
        )}
        {onDetails && (
          <button
            type="button"
            onClick={() => {
              onDetails(active);
              close();
            }}
            data-testid="open-connection-details"
          >
            {t('menuItem', { label: active.label })}
          </button>
        )}
        {onInvoiceSource && (
          <button
            type="button"
            onClick={() => {
              onInvoiceSource();
              close();
            }}
          >
            Invoice source…
          </button>
        )}
      </div>
    </details>
  );
}
