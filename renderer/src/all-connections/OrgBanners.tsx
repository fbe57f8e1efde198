import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import type { BridgeError } from '../api/result';
import { connectionTrouble } from '../connections/connection-trouble';

export interface OrgTrouble {
  connection: Connection;
  syncError: BridgeError | null;
  /** Why its list could not be loaded, and whether an earlier complete list stays (null: loaded). */
  load?: { error: BridgeError; complete: boolean } | null;
}

interface Props {
  orgs: readonly OrgTrouble[];
  onReconnect: (connection: Connection) => void;
  onRetrySync: (connectionId: string) => void;
  /** Loads an org's list again after it failed. */
  onRetryLoad?: (connectionId: string) => void;
}

/** One banner per org that needs a new sign-in, cannot be reached or failed to sync — naming the org, with the one action that helps. */
export function OrgBanners({ orgs, onReconnect, onRetrySync, onRetryLoad }: Props) {
  const { t } = useTranslation(['allConnections', 'workspace']);
  // An org whose list could not be loaded: named, what that means for the figures, and Try again.
  const loads = orgs.flatMap(({ connection, load }) =>
    load && onRetryLoad
      ? [
          <div key={`load-${connection.id}`} className="banner banner-error" role="alert" data-testid="org-banner" data-kind="load" data-connection-id={connection.id}>
            <span>
              {load.complete
                ? t('bannerLoadLatestFailed', { org: connection.label, reason: load.error.message })
                : t('bannerLoadFailed', { org: connection.label, reason: load.error.message })}
            </span>
            <button type="button" onClick={() => onRetryLoad(connection.id)}>
              {t('workspace:tryAgain')}
            </button>
          </div>,
        ]
      : [],
  );
  const banners = orgs.flatMap(({ connection, syncError }) => {
    const trouble = connectionTrouble(connection, syncError);
    const org = connection.label;
    if (trouble === 'reconnect') {
      return [
        <div key={connection.id} className="banner banner-warning" role="alert" data-testid="org-banner" data-kind="reconnect" data-connection-id={connection.id}>
          <span>{t('bannerReconnect', { org })}</span>
          <button type="button" className="primary" onClick={() => onReconnect(connection)}>
            {t('workspace:reconnect')}
          </button>
        </div>,
      ];
    }
    const failed = trouble === null && syncError && syncError.code !== 'CANCELLED' ? syncError : null;
    if (trouble === null && !failed) return [];
    return [
      <div
        key={connection.id}
        className={failed ? 'banner banner-error' : 'banner banner-info'}
        role={failed ? 'alert' : 'status'}
        data-testid="org-banner"
        data-kind={failed ? 'error' : 'offline'}
        data-connection-id={connection.id}
      >
        <span>{failed ? t('bannerSyncFailed', { org, reason: failed.message }) : t('bannerOffline', { org })}</span>
        <button type="button" onClick={() => onRetrySync(connection.id)}>
          {t('workspace:tryAgain')}
        </button>
      </div>,
    ];
  });
  const all = [...loads, ...banners];
  return all.length > 0 ? <div className="banners">{all}</div> : null;
}
