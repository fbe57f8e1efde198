import { useTranslation } from 'react-i18next';
import type { CustomerLedger, CustomerRecord } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatCount, formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { CustomerDebitNotes } from './CustomerDebitNotes';
import { CustomerTable, SalesforceCell } from './CustomerTable';

interface Props {
  ledger: CustomerLedger;
  onOpenInSalesforce: (id: string) => void;
}

/** The customer's payments (each with what is not applied yet) and credit notes not wholly applied, with how names were matched. */
export function CustomerMoney({ ledger, onOpenInSalesforce }: Props) {
  const { t } = useTranslation('customer');
  const locale = useLocale();
  if (!ledger.available) return <p className="notice notice-info" data-testid="customer-unavailable">{ledger.note}</p>;
  return (
    <>
      {ledger.warnings.map((warning) => (
        <p key={warning} className="notice notice-info">{warning}</p>
      ))}
      {/* Billing orgs whose debit notes are read list them too (below): the line says so. */}
      <p className="hint" data-testid="customer-matched-by">
        {ledger.debitNotes ? t('matchedByWithDebitNotes', { customer: ledger.customer }) : t('matchedBy', { customer: ledger.customer })}
      </p>
      {ledger.accounts > 1 && <p className="hint" data-testid="customer-shared-name">{t('sharedName', { n: formatCount(ledger.accounts, locale) })}</p>}
      <RecordTable kind="payment" title={t('paymentsHeading')} empty={t('noPayments')} records={ledger.payments} onOpen={onOpenInSalesforce} />
      <RecordTable kind="credit" title={t('creditsHeading')} empty={t('noCredits')} records={ledger.credits} onOpen={onOpenInSalesforce} />
      {ledger.debitNotes && <CustomerDebitNotes debitNotes={ledger.debitNotes} onOpen={onOpenInSalesforce} />}
    </>
  );
}

interface TableProps {
  kind: 'payment' | 'credit';
  title: string;
  empty: string;
  records: CustomerRecord[];
  onOpen: (id: string) => void;
}

function RecordTable({ kind, title, empty, records, onOpen }: TableProps) {
  const { t } = useTranslation('customer');
  const locale = useLocale();
  return (
    <CustomerTable
      titleId={`customer-${kind}-title`}
      title={title}
      count={records.length}
      empty={empty}
      testId={`customer-${kind}s`}
      head={
        <>
          <th scope="col">{t('date')}</th>
          <th scope="col">{t('number')}</th>
          {kind === 'payment' && <th scope="col">{t('method')}</th>}
          <th scope="col" className="num">{t('amount')}</th>
          <th scope="col" className="num">{t('applied')}</th>
          <th scope="col" className="num">{t('unapplied')}</th>
        </>
      }
    >
      {records.map((record) => (
        <tr key={record.id} data-testid={`customer-${kind}`} data-id={record.id} data-unapplied={record.unapplied} data-currency={record.currency}>
          <td>{record.date ? formatPlainDate(record.date, locale) : ''}</td>
          <td>{record.number ?? ''}</td>
          {kind === 'payment' && <td>{record.method ?? ''}</td>}
          <td className="num">{formatMoney(record.amount, record.currency, locale)}</td>
          <td className="num">
            {formatMoney(record.applied, record.currency, locale)}
            {record.otherCurrency?.map((other) => (
              <span key={other.currency} className="other-currency" data-testid="customer-other-currency" data-currency={other.currency} data-amount={other.amount}>
                {t('otherCurrencyApplied', { amount: formatMoney(other.amount, other.currency, locale) })}
              </span>
            ))}
            {record.refunded !== undefined && (
              <span className="other-currency" data-testid="customer-refunded" data-amount={record.refunded}>
                {t('refundedFromPayment', { amount: formatMoney(record.refunded, record.currency, locale) })}
              </span>
            )}
            {/* A Billing credit note's part taken by debit notes (its lines' blng__Debits__c): no longer available, said. */}
            {record.debited !== undefined && (
              <span className="other-currency" data-testid="customer-debited" data-amount={record.debited}>
                {t('debitedFromCredit', { amount: formatMoney(record.debited, record.currency, locale) })}
              </span>
            )}
          </td>
          <td className="num">
            {record.unapplied !== 0 ? formatMoney(record.unapplied, record.currency, locale) : ''}
            {/* Applied to invoices for more than its amount: below zero as it is, said (never clamped). */}
            {record.overApplied && (
              <span className="problem" role="note" data-testid="customer-over-applied">{t('overApplied')}</span>
            )}
            {record.overRefunded && (
              <span className="problem" role="note" data-testid="customer-over-refunded">{t('overRefunded')}</span>
            )}
            {/* A Billing credit note whose debit notes took more than was left: below zero as it is, said (never clamped). */}
            {record.overDebited && (
              <span className="problem" role="note" data-testid="customer-over-debited">{t('overDebited')}</span>
            )}
          </td>
          <SalesforceCell onOpen={() => onOpen(record.id)} />
        </tr>
      ))}
    </CustomerTable>
  );
}
