import type { Settings, UpdatePolicy } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { downloadPercent, policyLabel, updateSummary } from './update-texts';
import { useUpdates } from './use-updates';

const policies: UpdatePolicy[] = ['automatic', 'notify', 'off'];

/**
 * Settings → Updates: the policy (unless the organisation fixed it), where the update stands, and what to do next.
 * The user's choice shows at once (`chosen`, the settings as just changed); the update status follows once the core has
 * it, and decides only when the organisation fixed the policy.
 */
export function UpdateSetting({ chosen, onChange }: { chosen: UpdatePolicy; onChange: (patch: Partial<Settings>) => void }) {
  const { t } = useTranslation('updates');
  const locale = useLocale();
  const { status, error, run } = useUpdates();
  if (!status) return null;
  const locked = status.lockedBy !== null;
  const percent = downloadPercent(status);
  const shown = locked ? status.policy : chosen;
  return (
    <fieldset data-testid="settings-updates">
      <legend>{t('legend')}</legend>
      {policies.map((policy) => (
        <label className="choice" key={policy}>
          <input type="radio" name="update-policy" value={policy} checked={shown === policy} disabled={locked} onChange={() => onChange({ updates: policy })} />
          <span>{policyLabel(t, policy)}</span>
        </label>
      ))}
      {locked && <p className="hint">{t('locked')}</p>}
      <p className="hint" role="status" data-testid="update-summary">
        {updateSummary(t, status, locale)}
      </p>
      {status.state === 'downloading' && <progress aria-label={t('progressLabel')} max={100} value={percent ?? undefined} />}
      {(status.problem || error) && <p className="warning-text">{error ?? status.problem}</p>}
      <div className="form-actions">
        {status.install !== 'none' && !(locked && status.policy === 'off') && status.state === 'idle' && (
          <button type="button" onClick={() => run('check')} data-testid="update-check">
            {t('checkNow')}
          </button>
        )}
        {status.state === 'available' && status.install === 'self' && (
          <button type="button" onClick={() => run('download')} data-testid="update-download">
            {t('download')}
          </button>
        )}
        {status.state === 'available' && status.install === 'manual' && (
          <button type="button" onClick={() => run('openDownloadPage')} data-testid="update-download-page">
            {t('downloadPage')}
          </button>
        )}
        {status.state === 'ready' && (
          <button type="button" className="primary" onClick={() => run('restart')} disabled={status.restartWaitsFor !== null} data-testid="update-restart">
            {t('restart')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
