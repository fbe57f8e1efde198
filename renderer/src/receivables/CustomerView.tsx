import './customer-view.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLedger } from '../../../electron/contract';
import type { CustomerRef } from '../../../electron/contract/customer-aging';
import { useCustomerLedger } from '../api/use-customer-ledger';
import { budgetly } from '../bridge';
import { useLocale } from '../i18n/locale-context';
import { agingOfCurrency, type AgingBasis, type AgingBucketKey } from '../invoices/aging';
import { formatCount, formatMoney } from '../invoices/money';
import { LeftOut } from '../workspace/LeftOut';
import type { PreparedInvoices } from '../invoices/prepared';
import { AgingBars } from '../workspace/AgingBars';
import { CustomerInvoiceList } from './CustomerInvoiceList';
import { CustomerMoney } from './CustomerMoney';
import { customerInvoices, type CustomerInvoices } from './customer-rows';
import { LazyPart } from '../shell/LazyPart';
import { StatementDialog } from '../shell/lazy-parts';

interface Props {
  connectionId: string;
  /** The account (by id when the copy has it, else by name): its invoices, payments and credits, whatever name they carry. */
  customer: CustomerRef;
  /** The workspace's rows as it counts them (status rules, balances as of its date). */
  prepared: PreparedInvoices;
  asOfDay: number;
  /** The same day as YYYY-MM-DD: a statement's first as-of date. */
  asOf: string;
  basis: AgingBasis;
  /** An as-of view leaves out invoices dated after this day. */
  cutOffDay: number;
  /** Changes when the offline copy changes (a sync landed): the payments are read again. */
  version: string;
  onClose: () => void;
  onOpenInvoice: (id: string) => void;
  /** Narrows the workspace's list to this customer (the Filters panel's customer filter). */
  onShowInList: () => void;
}

/**
 * One customer at a glance, from the offline copy: open balance, overdue and aging per currency, unapplied cash
 * and credits, the customer's invoices, payments and credit notes not yet applied; every record opens in Salesforce.
 */
export function CustomerView({ connectionId, customer, prepared, asOfDay, asOf, basis, cutOffDay, version, onClose, onOpenInvoice, onShowInList }: Props) {
  const { t } = useTranslation(['customer', 'statements']);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [bucket, setBucket] = useState<{ currency: string; key: AgingBucketKey } | null>(null);
  const [statement, setStatement] = useState(false);
  const invoices = useMemo(() => customerInvoices(prepared, customer, asOfDay, basis, cutOffDay), [prepared, customer, asOfDay, basis, cutOffDay]);
  // An as-of view (invoices dated later left out): the unapplied cash and credits as they stood that day too.
  const { ledger, error } = useCustomerLedger(connectionId, customer, version, Number.isFinite(cutOffDay) ? asOf : undefined);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const open = (id: string) => void budgetly().invoices.openInSalesforce({ connectionId, id });

  return (
    <dialog ref={ref} className="customer-view" aria-labelledby={titleId} onClose={onClose} data-testid="customer-view">
      <header className="dialog-header">
        <h2 id={titleId}>{customer.name}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('close')}>
          ×
        </button>
      </header>
      <button
        type="button"
        onClick={() => {
          ref.current?.close();
          onShowInList();
        }}
        data-testid="customer-show-in-list"
      >
        {t('showInList')}
      </button>
      <button type="button" onClick={() => setStatement(true)} data-testid="customer-statement">
        {t('statements:openDialog')}
      </button>
      {statement && (
        <LazyPart>
          <StatementDialog connectionId={connectionId} customers={[customer]} asOf={asOf} onClose={() => setStatement(false)} />
        </LazyPart>
      )}
      <CustomerCards invoices={invoices} ledger={ledger} bucket={bucket} onPickBucket={(currency, key) => setBucket(bucket?.currency === currency && bucket.key === key ? null : { currency, key })} />
      <CustomerInvoiceList
        prepared={prepared}
        indexes={invoices.indexes}
        asOfDay={asOfDay}
        basis={basis}
        bucket={bucket}
        onShow={(id) => {
          ref.current?.close();
          onOpenInvoice(id);
        }}
        onOpenInSalesforce={open}
      />
      {error && <p role="alert">{error}</p>}
      {!ledger && !error && <p aria-busy="true">{t('loading')}</p>}
      {ledger && <CustomerMoney ledger={ledger} onOpenInSalesforce={open} />}
    </dialog>
  );
}

interface CardsProps {
  invoices: CustomerInvoices;
  ledger: CustomerLedger | null;
  bucket: { currency: string; key: AgingBucketKey } | null;
  onPickBucket: (currency: string, key: AgingBucketKey) => void;
}

/** Per currency: invoices, open balance, overdue, unapplied cash and credits, and the aging (a bar narrows the list below to its bucket). */
function CustomerCards({ invoices, ledger, bucket, onPickBucket }: CardsProps) {
  const { t } = useTranslation(['customer', 'workspace']);
  const locale = useLocale();
  const currencies = [...new Set([...invoices.totals.map((x) => x.currency), ...(ledger?.unapplied.map((u) => u.currency) ?? [])])].sort();
  return (
    <section className="customer-cards" data-testid="customer-cards">
      {currencies.map((currency) => {
        const totals = invoices.totals.find((x) => x.currency === currency);
        const aging = agingOfCurrency(invoices.aging, currency);
        const unapplied = ledger?.unapplied.find((u) => u.currency === currency);
        const balance = totals?.balance ?? 0;
        const overdue = invoices.overdue.get(currency) ?? 0;
        const count = totals?.count ?? 0;
        return (
          <article key={currency} className="currency-card" data-testid="customer-card" data-currency={currency}>
            <header>
              <h3>{currency}</h3>
              <span className="hint" data-testid="customer-count" data-value={count}>
                {t('workspace:invoiceCount', { count, n: formatCount(count, locale) })}
              </span>
            </header>
            <dl className="totals">
              <div>
                <dt>{t('openBalance')}</dt>
                <dd data-testid="customer-balance" data-amount={balance}>{formatMoney(balance, currency, locale)}</dd>
              </div>
              <div>
                <dt>{t('overdue')}</dt>
                <dd data-testid="customer-overdue" data-amount={overdue}>{formatMoney(overdue, currency, locale)}</dd>
              </div>
              {unapplied && (
                <>
                  <div title={t('unappliedHint')}>
                    <dt>{t('unappliedCash')}</dt>
                    <dd data-testid="customer-unapplied-cash" data-amount={unapplied.cash}>{formatMoney(unapplied.cash, currency, locale)}</dd>
                  </div>
                  <div title={t('unappliedHint')}>
                    <dt>{t('unappliedCredits')}</dt>
                    <dd data-testid="customer-unapplied-credits" data-amount={unapplied.credits}>{formatMoney(unapplied.credits, currency, locale)}</dd>
                  </div>
                </>
              )}
            </dl>
            {/* The count above is the receivables'; the list below has every invoice: the drafts and cancelled ones it leaves out, said (as the workspace's cards say them). */}
            {totals && <LeftOut drafts={totals.excluded.drafts} cancelled={totals.excluded.cancelled} currency={currency} />}
            {/* Payments and credit notes below zero are summed as they are: the sum says so, never silently lower. */}
            {unapplied?.cashBelowZero !== undefined && (
              <p className="problem" role="note" data-testid="customer-cash-below-zero">
                {t('cashBelowZero', { count: unapplied.cashBelowZero, n: formatCount(unapplied.cashBelowZero, locale) })}
              </p>
            )}
            {unapplied?.creditsBelowZero !== undefined && (
              <p className="problem" role="note" data-testid="customer-credits-below-zero">
                {t('creditsBelowZero', { count: unapplied.creditsBelowZero, n: formatCount(unapplied.creditsBelowZero, locale) })}
              </p>
            )}
            <AgingBars aging={aging} selected={bucket?.currency === currency ? bucket.key : null} onPick={onPickBucket} />
          </article>
        );
      })}
    </section>
  );
}
