import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { useDismiss } from '../lib/use-dismiss';
import { ConnectionFreshnessHint } from '../freshness/ConnectionFreshnessHint';
import { shownStatus, statusLabel } from './connection-status';

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
  /** "All connections" (#21), offered with two or more connections; `allActive` while it is the view. */
  onSelectAll?: () => void;
  allActive?: boolean;
}

/** The orgs the user has connected, each with its status and a one-click reconnect. */
export function ConnectionSwitcher({ connections, active, onSelect, onReconnect, onAdd, onEdit, onDetails, onInvoiceSource, onSelectAll, allActive = false }: Props) {
  const { t } = useTranslation(['connections', 'connectionDetails', 'invoiceSource', 'allConnections']);
  const { ref, onKeyDown, close } = useDismiss();
  const status = shownStatus(active);
  return (
    <details className="switcher" ref={ref} onKeyDown={onKeyDown} data-testid="connection-switcher">
      <summary>
        <span className="visually-hidden">{t('switcherPrefix')}</span>
        {allActive ? (
          <span className="switcher-label" data-testid="switcher-all">
            {t('allConnections:allConnections')}
          </span>
        ) : (
          <>
            <span className={`status-dot status-${status}`} aria-hidden="true" />
            <span className="switcher-label" title={active.label}>
              {active.label}
            </span>
            <span className="switcher-status" data-testid="connection-status" data-status={status}>
              {statusLabel(t, status)}
            </span>
          </>
        )}
        <span className="visually-hidden">{t('switcherSuffix')}</span>
      </summary>
      <div className="popover" role="group" aria-label={t('connectionsGroup')}>
        {!allActive && active.username && (
          <p className="hint connected-as" data-testid="connected-as">
            {t(shownStatus(active) === 'connected' ? 'connectedAs' : 'lastSignedInAs', { who: active.displayName ? `${active.displayName} (${active.username})` : active.username })}
            {active.orgId ? t('orgSuffix', { orgId: active.orgId }) : ''}
          </p>
        )}
        <ul className="connection-list">
          {onSelectAll && (
            <li className={allActive ? 'current' : undefined}>
              <button
                type="button"
                className="connection-pick"
                aria-current={allActive ? 'true' : undefined}
                onClick={() => {
                  onSelectAll();
                  close();
                }}
                data-testid="pick-all-connections"
              >
                <span>{t('allConnections:allConnections')}</span>
              </button>
            </li>
          )}
          {connections.map((connection) => {
            const s = shownStatus(connection);
            return (
              <li key={connection.id} className={!allActive && connection.id === active.id ? 'current' : undefined}>
                <button
                  type="button"
                  className="connection-pick"
                  aria-current={!allActive && connection.id === active.id ? 'true' : undefined}
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
                  <span className="hint">{statusLabel(t, s)}</span>
                </button>
                {s !== 'connected' && (
                  <button
                    type="button"
                    onClick={() => {
                      onReconnect(connection);
                      close();
                    }}
                  >
                    {t('reconnect')}
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
          {t('addConnection')}
        </button>
        {onEdit && (
          <button
            type="button"
            onClick={() => {
              onEdit(active);
              close();
            }}
          >
            {t('editConnection', { label: active.label })}
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
            {t('connectionDetails:menuItem', { label: active.label })}
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
            {t('invoiceSource')}
          </button>
        )}
      </div>
    </details>
  );
}
