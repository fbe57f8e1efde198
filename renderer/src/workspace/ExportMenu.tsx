import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { formatCount } from '../invoices/money';
import { useLocale } from '../i18n/locale-context';
import { useDismiss } from '../lib/use-dismiss';
import { useAutoDismiss } from '../lib/use-auto-dismiss';
import { ExportDone } from './ExportDone';
import { localeName, usesDecimalComma } from '../report/csv-excel';

interface Props {
  connectionId: string;
  /**
   * Called at export time so the ids are exactly the rows on screen, in order (or the report's invoices) — once they are
   * the rows of the filters shown (useWhenCurrent).
   */
  currentView: () => Promise<Omit<ChannelInput<'invoices.export'>, 'connectionId' | 'format'>>;
  disabled: boolean;
  /** The aging-by-customer report is on screen: the menu offers it as XLSX (with its Summary sheet). */
  report?: boolean;
}

type ExportState = { kind: 'idle' } | { kind: 'running'; written: number; total: number } | { kind: 'done'; path: string; rows: number } | { kind: 'failed'; message: string }
  /** "Open" / "Show in folder" failed: the core's message says it all (not "Export failed": the export did not). */
  | { kind: 'openFailed'; message: string };

/** Exports exactly the current view (rows, order, columns) to CSV or Excel through a save dialog. */
export function ExportMenu({ connectionId, currentView, disabled, report = false }: Props) {
  const { t } = useTranslation(['workspace', 'report']);
  const locale = useLocale();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const { ref: menuRef, onKeyDown: onMenuKeyDown, close: closeMenu } = useDismiss();
  // "Exported … to …" with Open / Show in folder goes away by itself after ~10 s (not while hovered or focused).
  const autoDismiss = useAutoDismiss(state.kind === 'done', () => setState({ kind: 'idle' }));
  useBridgeEvent('invoices.exportProgress', (p) => setState((s) => (s.kind === 'running' ? { kind: 'running', written: p.written, total: p.total } : s)));

  async function run(format: 'csv' | 'xlsx', csvExcel = false) {
    closeMenu();
    try {
      const view = await currentView();
      setState({ kind: 'running', written: 0, total: view.ids.length });
      const result = await unwrap(budgetly().invoices.export({ connectionId, format, ...view, ...(csvExcel ? { csvExcel } : {}) }));
      setState(result.path ? { kind: 'done', path: result.path, rows: result.rows } : { kind: 'idle' });
    } catch (e) {
      setState({ kind: 'failed', message: errorOf(e).message });
    }
  }

  return (
    <div className="export" {...autoDismiss}>
      <details className="menu" ref={menuRef} onKeyDown={onMenuKeyDown}>
        <summary aria-disabled={disabled || undefined} data-testid="export-menu">
          {t('export')}
        </summary>
        <div className="popover" role="group" aria-label={t('exportWhat')}>
          {report ? (
            <button type="button" onClick={() => void run('xlsx')} disabled={disabled || state.kind === 'running'} data-testid="export-report-xlsx">
              {t('report:exportReportXlsx')}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => void run('csv')} disabled={disabled || state.kind === 'running'} data-testid="export-csv">
                {t('exportCsv')}
              </button>
              {usesDecimalComma(locale) && (
                <button type="button" onClick={() => void run('csv', true)} disabled={disabled || state.kind === 'running'} data-testid="export-csv-excel">
                  {t('report:exportCsvExcel', { locale: localeName(locale) })}
                </button>
              )}
              <button type="button" onClick={() => void run('xlsx')} disabled={disabled || state.kind === 'running'} data-testid="export-xlsx">
                {t('exportXlsx')}
              </button>
            </>
          )}
        </div>
      </details>
      <span role="status" className="export-status" data-testid="export-status" data-state={state.kind}>
        {state.kind === 'running' && (
          <>
            {t('exporting', { written: formatCount(state.written, locale), total: formatCount(state.total, locale) })}
            <progress aria-label={t('exportProgress')} max={state.total || undefined} value={state.written} />
          </>
        )}
        {state.kind === 'done' && t('exported', { rows: formatCount(state.rows, locale), path: state.path })}
        {state.kind === 'failed' && t('exportFailed', { reason: state.message })}
        {state.kind === 'openFailed' && state.message}
      </span>
      {state.kind === 'done' && <ExportDone path={state.path} onError={(message) => setState({ kind: 'openFailed', message })} />}
    </div>
  );
}
