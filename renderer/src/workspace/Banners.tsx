import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretProtection } from '../../../electron/contract';
import type { BridgeError } from '../api/result';
import { shownStatus } from '../connections/connection-status';
import { connectionTrouble } from '../connections/connection-trouble';
import { useLocale } from '../i18n/locale-context';
import { formatInstant } from '../lib/relative-time';

interface Props {
  connection: Connection;
  syncError: BridgeError | null;
  secretProtection: SecretProtection | null;
  allowWeakStorage: boolean;
  lastSyncedAt: string | null;
  hasCache: boolean;
  onReconnect: () => void;
  onRetrySync: () => void;
  onOpenSettings: () => void;
}

/** Reconnect, offline, weak storage and sync failures: each said once, with the one action that helps. Memoized: nothing here changes with a search. */
export const Banners = memo(function Banners(props: Props) {
  const { connection, syncError, secretProtection, lastSyncedAt, hasCache } = props;
  const { t } = useTranslation(['workspace', 'settings']);
  const locale = useLocale();
  const status = shownStatus(connection);
  const trouble = connectionTrouble(connection, syncError);
  const reconnect = trouble === 'reconnect';
  const offline = trouble === 'offline';
  const otherError = !reconnect && !offline && syncError && syncError.code !== 'CANCELLED' ? syncError : null;
  const cached = hasCache ? (lastSyncedAt ? t('cachedSince', { when: formatInstant(lastSyncedAt, locale) }) : t('cachedKept')) : '';
  return (
    <div className="banners">
      {reconnect && (
        <div className="banner banner-warning" role="alert" data-testid="banner-reconnect">
          <span>
            {status !== 'disconnected'
              ? t('sessionEnded', { label: connection.label })
              : connection.lastError?.code === 'NETWORK'
                ? connection.lastError.message // signed out while offline: Salesforce is told later
                : t('signedOut', { label: connection.label })}
            {cached}
          </span>
          <button type="button" className="primary" onClick={props.onReconnect} data-testid="reconnect-button">
            {t('reconnect')}
          </button>
        </div>
      )}
      {offline && (
        <div className="banner banner-info" role="status" data-testid="banner-offline">
          <span>
            {t('offline')}
            {cached}
          </span>
          <button type="button" onClick={props.onRetrySync}>
            {t('tryAgain')}
          </button>
        </div>
      )}
      {otherError && (
        <div className="banner banner-error" role="alert" data-testid="banner-error" data-code={otherError.code}>
          <span>{t('syncFailed', { reason: otherError.message })}</span>
          <button type="button" onClick={props.onRetrySync}>
            {t('tryAgain')}
          </button>
        </div>
      )}
      {secretProtection && secretProtection !== 'os' && (
        <div className="banner banner-warning" role="status" data-testid="banner-weak-storage">
          <span>{props.allowWeakStorage ? t('weakStorageAllowed') : t('weakStorageSession')}</span>
          <button type="button" onClick={props.onOpenSettings}>
            {t('settings:title')}
          </button>
        </div>
      )}
    </div>
  );
});
