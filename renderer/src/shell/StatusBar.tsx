import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../api/use-app';

/** App version and how sign-ins are protected, always visible at the bottom. */
export function StatusBar({ info, allowWeakStorage, children }: { info: AppInfo | null; allowWeakStorage: boolean; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const protection = {
    os: t('protectionOs'),
    basic_text: t('protectionBasicText'),
    unavailable: t('protectionUnavailable'),
  } satisfies Record<AppInfo['secretProtection'], string>;
  const label = info && (info.secretProtection !== 'os' && allowWeakStorage ? t('protectionWeakStored') : protection[info.secretProtection]);
  return (
    <footer className="status-bar">
      <span className="status-bar-main">{children}</span>
      {info && (
        <>
          <span data-testid="secret-protection" data-level={info.secretProtection}>
            {label}
          </span>
          <span data-testid="app-version">{t('appVersion', { version: info.version })}</span>
        </>
      )}
    </footer>
  );
}
