import './updates.css';
import { updateSummary, updateTexts } from './update-texts';
import { useUpdates } from './use-updates';

/** The quiet status-bar line once an update is downloaded: "Update ready — Restart to update" (a real button, keyboard reachable). */
export function UpdateReadyNotice() {
  const { status, run } = useUpdates();
  if (status?.state !== 'ready') return null;
  return (
    <span className="update-ready" data-testid="update-ready">
      {status.restartWaitsFor ? (
        <span role="status">{updateSummary(status)}</span>
      ) : (
        <>
          <span>{updateTexts.readyNotice} — </span>
          <button type="button" className="link-button" onClick={() => run('restart')}>
            {updateTexts.restart}
          </button>
        </>
      )}
    </span>
  );
}
