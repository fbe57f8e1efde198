import { useTranslation } from 'react-i18next';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';

/**
 * After an export: "Open" (the OS's program for the file) and "Show in folder" (the file manager). The core opens
 * only a file this session's exports wrote; what it says when it cannot goes to `onError`.
 */
export function ExportDone({ path, onError }: { path: string; onError: (message: string) => void }) {
  const { t } = useTranslation('report');
  const act = async (how: 'open' | 'folder') => {
    try {
      await unwrap(budgetly().invoices.openExport({ path, how }));
    } catch (e) {
      onError(errorOf(e).message);
    }
  };
  return (
    <span className="export-actions">
      <button type="button" className="link" onClick={() => void act('open')} data-testid="export-open">
        {t('openFile')}
      </button>
      <button type="button" className="link" onClick={() => void act('folder')} data-testid="export-show-in-folder">
        {t('showInFolder')}
      </button>
    </span>
  );
}
