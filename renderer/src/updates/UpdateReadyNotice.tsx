import './updates.css';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { updateSummary } from './update-texts';
import { useUpdates } from './use-updates';

/** The quiet status-bar line once an update is downloaded: "Update ready — Restart to update" (a real button, keyboard reachable). */
export function UpdateReadyNotice() {
  const { t } = useTranslation('updates');
  const locale = useLocale();
  const { status, run } = useUpdates();
  if (status?.state !== 'ready') return null;
  return (
    <span className="update-ready" data-testid="update-ready">
      {status.restartWaitsFor ? (
        <span role="status">{updateSummary(t, status, locale)}</span>
      ) : (
        <>
          <span>{t('readyNotice')} — </span>
          <button type="button" className="link-button" onClick={() => run('restart')}>
            {t('restart')}
          </button>
        </>
      )}
    </span>
  );
}
