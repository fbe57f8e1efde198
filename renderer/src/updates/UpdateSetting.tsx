import type { Settings, UpdatePolicy } from '../../../electron/contract';
import { downloadPercent, updateSummary, updateTexts } from './update-texts';
import { useUpdates } from './use-updates';

const policies: UpdatePolicy[] = ['automatic', 'notify', 'off'];

/** Settings → Updates: the policy (unless the organisation fixed it), where the update stands, and what to do next. */
export function UpdateSetting({ onChange }: { onChange: (patch: Partial<Settings>) => void }) {
  const { status, error, run } = useUpdates();
  if (!status) return null;
  const locked = status.lockedBy !== null;
  const percent = downloadPercent(status);
  return (
    <fieldset data-testid="settings-updates">
      <legend>{updateTexts.legend}</legend>
      {policies.map((policy) => (
        <label className="choice" key={policy}>
          <input type="radio" name="update-policy" value={policy} checked={status.policy === policy} disabled={locked} onChange={() => onChange({ updates: policy })} />
          <span>{updateTexts.policies[policy]}</span>
        </label>
      ))}
      {locked && <p className="hint">{updateTexts.locked}</p>}
      <p className="hint" role="status" data-testid="update-summary">
        {updateSummary(status)}
      </p>
      {status.state === 'downloading' && <progress aria-label={updateTexts.progressLabel} max={100} value={percent ?? undefined} />}
      {(status.problem || error) && <p className="warning-text">{error ?? status.problem}</p>}
      <div className="form-actions">
        {status.install !== 'none' && !(locked && status.policy === 'off') && status.state === 'idle' && (
          <button type="button" onClick={() => run('check')} data-testid="update-check">
            {updateTexts.checkNow}
          </button>
        )}
        {status.state === 'available' && status.install === 'self' && (
          <button type="button" onClick={() => run('download')} data-testid="update-download">
            {updateTexts.download}
          </button>
        )}
        {status.state === 'available' && status.install === 'manual' && (
          <button type="button" onClick={() => run('openDownloadPage')} data-testid="update-download-page">
            {updateTexts.downloadPage}
          </button>
        )}
        {status.state === 'ready' && (
          <button type="button" className="primary" onClick={() => run('restart')} disabled={status.restartWaitsFor !== null} data-testid="update-restart">
            {updateTexts.restart}
          </button>
        )}
      </div>
    </fieldset>
  );
}
