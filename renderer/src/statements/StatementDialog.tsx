import './statements.css';
import type { CustomerRef } from '../../../electron/contract/customer-aging';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { DateField } from '../i18n/DateField';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';
import { ExportDone } from '../workspace/ExportDone';
import { defaultPeriod } from './statement-period';

interface Props {
  connectionId: string;
  /** One customer: Save… / Open / Print. Several: one PDF each into a folder, with progress and Cancel. */
  customers: readonly CustomerRef[];
  /** The aging's as-of day, the statement's first date. */
  asOf: string;
  onClose: () => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'working'; written: number; total: number }
  | { kind: 'saved'; path: string }
  | { kind: 'opened' }
  | { kind: 'many'; written: number; total: number; folder: string; cancelled: boolean }
  | { kind: 'failed'; message: string };

/**
 * "Statement…": a customer's statement of account as a PDF, as of a day, with the payments received in a period if
 * asked. The main process asks where to save and writes the file: the renderer names the customer, the day and the
 * period only. Print opens the PDF in the OS's viewer, which prints exactly the file saved.
 */
export function StatementDialog({ connectionId, customers, asOf: initialAsOf, onClose }: Props) {
  const { t } = useTranslation('statements');
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [asOf, setAsOf] = useState(initialAsOf);
  const [listPayments, setListPayments] = useState(false);
  const [period, setPeriod] = useState(() => defaultPeriod(initialAsOf));
  const [state, setState] = useState<State>({ kind: 'idle' });
  const many = customers.length > 1;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useBridgeEvent('statements.progress', (p) => setState((s) => (s.kind === 'working' ? { kind: 'working', written: p.written, total: p.total } : s)));

  const periodWrong = listPayments && (!period.from || !period.to || period.from > period.to);
  const asked = { connectionId, asOf, ...(listPayments ? { period } : {}) };
  const working = state.kind === 'working';
  const disabled = working || !asOf || periodWrong;

  async function one(how: 'save' | 'open') {
    setState({ kind: 'working', written: 0, total: 1 });
    try {
      const { path } = await unwrap(budgetly().statements.save({ ...asked, customer: customers[0]!.name, ...(customers[0]!.account ? { account: customers[0]!.account } : {}), how }));
      setState(path === null ? { kind: 'idle' } : how === 'open' ? { kind: 'opened' } : { kind: 'saved', path });
    } catch (e) {
      setState({ kind: 'failed', message: errorOf(e).message });
    }
  }

  async function all() {
    setState({ kind: 'working', written: 0, total: customers.length });
    try {
      const result = await unwrap(budgetly().statements.saveMany({ ...asked, customers: [...customers] }));
      setState(result.folder === null ? { kind: 'idle' } : { kind: 'many', written: result.written, total: result.total, folder: result.folder, cancelled: result.cancelled });
    } catch (e) {
      setState({ kind: 'failed', message: errorOf(e).message });
    }
  }

  const count = (n: number) => formatCount(n, locale);
  return (
    <dialog
      ref={ref}
      className="settings statement-dialog"
      aria-labelledby={titleId}
      onClose={(e) => {
        // React passes a dialog's close on to the dialogs around it (the customer view): it is this one's only.
        e.stopPropagation();
        onClose();
      }}
      onCancel={(e) => {
        e.stopPropagation();
        if (working) e.preventDefault();
      }}
      data-testid="statement-dialog"
    >
      <header className="dialog-header">
        <h2 id={titleId}>{many ? t('dialogMany', { count: customers.length }) : t('dialogTitle')}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('close')} disabled={working}>
          ×
        </button>
      </header>
      {!many && <p className="statement-customer" data-testid="statement-customer">{customers[0]!.name}</p>}
      <div className="statement-fields">
        <div className="statement-as-of">
          <span aria-hidden="true">{t('asOf')}</span>
          <DateField value={asOf} onChange={(day) => setAsOf(day ?? '')} label={t('asOf')} testId="statement-as-of" />
        </div>
        <label className="check">
          <input type="checkbox" checked={listPayments} onChange={(e) => setListPayments(e.target.checked)} data-testid="statement-list-payments" />
          {t('listPayments')}
        </label>
        {listPayments && (
          <div className="statement-period">
            <DateField value={period.from} onChange={(from) => setPeriod({ ...period, from: from ?? '' })} label={t('periodFrom')} testId="statement-period-from" />
            <span aria-hidden="true">–</span>
            <DateField value={period.to} onChange={(to) => setPeriod({ ...period, to: to ?? '' })} label={t('periodTo')} testId="statement-period-to" />
          </div>
        )}
        {periodWrong && <p role="alert">{t('periodOrder')}</p>}
      </div>
      <div className="statement-actions">
        {many ? (
          <button type="button" onClick={() => void all()} disabled={disabled} data-testid="statement-save-many">
            {t('chooseFolder')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void one('save')} disabled={disabled} data-testid="statement-save">
              {t('save')}
            </button>
            <button type="button" onClick={() => void one('open')} disabled={disabled} data-testid="statement-open">
              {t('open')}
            </button>
            <button type="button" onClick={() => void one('open')} disabled={disabled} title={t('printHint')} data-testid="statement-print">
              {t('print')}
            </button>
          </>
        )}
      </div>
      <div role="status" className="statement-status" data-testid="statement-status" data-state={state.kind}>
        {state.kind === 'working' && !many && t('working')}
        {state.kind === 'working' && many && (
          <>
            {t('progress', { written: count(state.written), total: count(state.total) })}
            <progress max={state.total || undefined} value={state.written} aria-label={t('working')} />
            <button type="button" onClick={() => void budgetly().statements.cancel()} data-testid="statement-cancel">
              {t('cancel')}
            </button>
          </>
        )}
        {state.kind === 'saved' && (
          <>
            {t('saved', { path: state.path })} <ExportDone path={state.path} onError={(message) => setState({ kind: 'failed', message })} />
          </>
        )}
        {state.kind === 'opened' && t('opened')}
        {state.kind === 'many' &&
          (state.cancelled
            ? t('cancelledMany', { written: count(state.written), total: count(state.total), folder: state.folder })
            : t('doneMany', { count: state.written, folder: state.folder }))}
        {state.kind === 'failed' && <span role="alert">{state.message}</span>}
      </div>
    </dialog>
  );
}
