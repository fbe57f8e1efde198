import './receivables.css';
import { useEffect, useState } from 'react';
import type { InvoiceReceivables } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';
import { formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { refundShownAmount } from './refund-amount';

interface Props {
  connectionId: string;
  invoiceId: string;
  /** Changes when the copy changes (a sync landed): the timeline is read again. */
  version: string | number;
}

/** The dated list of payments, credits and reversals applied to one invoice, and the arithmetic to its balance (from the offline copy). */
export function ReceivablesTimeline({ connectionId, invoiceId, version }: Props) {
  const { t } = useTranslation('receivables');
  const locale = useLocale();
  const [state, setState] = useState<{ key: string; value: InvoiceReceivables | null; error: string | null }>({ key: '', value: null, error: null });
  const key = `${invoiceId}|${version}`;
  useEffect(() => {
    let live = true;
    unwrap(budgetly().invoices.receivables({ connectionId, id: invoiceId })).then(
      (value) => live && setState({ key, value, error: null }),
      (e: unknown) => live && setState({ key, value: null, error: errorOf(e).message }),
    );
    return () => {
      live = false;
    };
  }, [connectionId, invoiceId, key]);

  const open = (id: string) => void budgetly().invoices.openInSalesforce({ connectionId, id });
  const value = state.key === key ? state.value : null;
  const error = state.key === key ? state.error : null;
  if (error) return <p role="alert">{error}</p>;
  if (!value) return <p aria-busy="true">{t('loading')}</p>;
  const money = (amount: number | null) => formatMoney(amount, value.currency, locale);
  const a = value.arithmetic;
  return (
    <section className="receivables" aria-labelledby="receivables-title" data-testid="receivables">
      <h3 id="receivables-title">{t('heading')}</h3>
      {value.warnings.map((warning) => (
        <p key={warning} className="notice notice-info">{warning}</p>
      ))}
      {!value.available && <p className="notice notice-info" data-testid="receivables-unavailable">{value.note}</p>}
      {value.available && value.entries.length === 0 && <p>{t('none')}</p>}
      {value.entries.length > 0 && (
        <ol className="receivables-timeline" data-testid="receivables-timeline">
          {value.entries.map((entry) => {
            // A refund of a Billing credit note applied here says so (refundOf 'credit'); one of a payment as before.
            const ofCredit = entry.refundOf === 'credit';
            const kind = { payment: t('payment'), credit: t('credit'), refund: ofCredit ? t('creditRefund') : t('refund') }[entry.kind];
            const reversed = { payment: t('paymentReversed'), credit: t('creditReversed'), refund: ofCredit ? t('creditRefundReversed') : t('refundReversed') }[entry.kind];
            const refund = entry.kind === 'refund';
            return (
              <li key={entry.id} className={[entry.reversal && 'reversal', refund && 'refund'].filter(Boolean).join(' ') || undefined}
                data-testid="receivables-entry" data-kind={entry.kind} data-refund-of={refund ? entry.refundOf ?? 'payment' : undefined}>
                <span className="when">{entry.date ? formatPlainDate(entry.date, locale) : t('noDate')}</span>
                <span className="what">
                  {entry.reversal ? reversed : kind}
                  {entry.sourceNumber ? ` ${entry.sourceNumber}` : ''}
                  {entry.method ? ` · ${entry.method}` : ''}
                </span>
                {/* A refund moves no balance here: its own amount, in its currency, signed as money paid back out of the payment (refund-amount.ts). */}
                <span className="amount" data-testid="receivables-effect" data-effect={entry.effect} data-shown={refund ? refundShownAmount(entry) ?? '' : entry.effect}>
                  {refund ? formatMoney(refundShownAmount(entry), entry.currency, locale) : formatMoney(entry.effect, value.currency, locale)}
                </span>
                <button type="button" className="link" onClick={() => open(refund ? entry.id : entry.sourceId ?? entry.id)} title={t('open')}>
                  ↗
                </button>
                {refund && <span className="refund-info" role="note">{ofCredit ? t('creditRefundInfo') : t('refundInfo')}</span>}
                {entry.problems.map((problem) => (
                  <span key={problem} className="problem" role="note">{problem}</span>
                ))}
              </li>
            );
          })}
        </ol>
      )}
      {value.available && (
        <>
          <h4>{t('arithmetic')}</h4>
          <dl className="receivables-sum" data-testid="receivables-arithmetic">
            <div><dt>{t('total')}</dt><dd>{money(a.total)}</dd></div>
            <div><dt>{t('payments')}</dt><dd>{money(a.payments === 0 ? 0 : -a.payments)}</dd></div>
            <div><dt>{t('credits')}</dt><dd>{money(a.credits === 0 ? 0 : -a.credits)}</dd></div>
            <div className="result"><dt>{t('computed')}</dt><dd data-testid="receivables-computed">{money(a.computedBalance)}</dd></div>
            <div><dt>{t('stated')}</dt><dd>{money(a.balance)}</dd></div>
          </dl>
          {a.difference !== null && a.difference !== 0 ? (
            <p className="notice notice-error" role="note" data-testid="receivables-mismatch">{t('mismatch', { difference: money(a.difference) })}</p>
          ) : (
            a.difference === 0 && <p className="receivables-agrees">{t('agrees')}</p>
          )}
          {value.fullyPaidOn && <p data-testid="receivables-paid-on">{t('fullyPaidOn', { date: formatPlainDate(value.fullyPaidOn, locale) })}</p>}
        </>
      )}
    </section>
  );
}
