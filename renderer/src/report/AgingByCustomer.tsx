import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agingBucketKeys, agingBucketLabels, type AgingBucketKey } from '../../../electron/contract/aging-buckets';
import { customerAgingColumns, NO_CUSTOMER, sortCustomerLines, type CustomerAgingColumn, type CustomerAgingTable } from '../../../electron/contract/customer-aging';
import { customerFilterValue } from '../../../electron/contract/customer-directory';
import { useLocale } from '../i18n/locale-context';
import type { AgingBasis } from '../invoices/aging';
import { formatMoney } from '../invoices/money';
import { customerLabel } from './customer-filter';

export interface ReportDrill {
  /** The customer filter's value (customer-directory.ts): the account (with its label) when the copy has ids, else the name. */
  customer: string;
  /** The table's currency, or null for the corporate-currency table (every currency). */
  currency: string | null;
  /** A cell's bucket, or null for the customer's whole line. */
  bucket: AgingBucketKey | null;
}

interface Props {
  tables: readonly CustomerAgingTable[];
  /** The corporate-currency table when "Show in" is the corporate currency (and its rates are there). */
  corporate: { table: CustomerAgingTable | null; missing: number } | null;
  asOfLabel: string;
  basis: AgingBasis;
  onDrill: (drill: ReportDrill) => void;
  onClose: () => void;
  /** The export control (XLSX of the report), beside "Back to invoices". */
  actions?: React.ReactNode;
}

interface Sort {
  column: CustomerAgingColumn;
  desc: boolean;
}

/**
 * The controller's report: open balances by customer and aging bucket, one table per currency (and one in the
 * corporate currency when shown in it), with a total column and a total row. Every column sorts (a button in its
 * header); a customer's name shows their invoices of that currency, a cell those of that bucket too.
 */
export function AgingByCustomer({ tables, corporate, asOfLabel, basis, onDrill, onClose, actions }: Props) {
  const { t } = useTranslation(['report', 'workspace']);
  const [sort, setSort] = useState<Sort>({ column: 'total', desc: true });
  const toggle = (column: CustomerAgingColumn) =>
    setSort((s) => (s.column === column ? { column, desc: !s.desc } : { column, desc: column !== 'customer' }));
  const shown = [...(corporate?.table ? [{ table: corporate.table, corporate: true }] : []), ...tables.map((table) => ({ table, corporate: false }))];
  return (
    <section className="aging-report" aria-labelledby="aging-report-title" data-testid="aging-report">
      <header className="aging-report-head">
        <h2 id="aging-report-title" className="panel-title">
          {t('title')}
        </h2>
        <p className="hint" data-testid="aging-report-rules">
          {t(basis === 'dueDate' ? 'rulesDueDate' : 'rulesInvoiceDate', { date: asOfLabel })}
        </p>
        <div className="aging-report-actions">
          {actions}
          <button type="button" onClick={onClose} data-testid="aging-report-close">
            {t('backToInvoices')}
          </button>
        </div>
      </header>
      {corporate && corporate.missing > 0 && (
        <p className="hint" data-testid="aging-report-missing">
          {t('missingRate', { count: corporate.missing, currency: corporate.table?.currency ?? '' })}
        </p>
      )}
      {shown.length === 0 && <p className="hint">{t('nothingOpen')}</p>}
      {shown.map(({ table, corporate: isCorporate }) => (
        <ReportTable
          key={`${isCorporate ? 'corporate:' : ''}${table.currency}`}
          table={table}
          corporate={isCorporate}
          sort={sort}
          onSort={toggle}
          onDrill={(customer, bucket) => onDrill({ customer, currency: isCorporate ? null : table.currency, bucket })}
        />
      ))}
    </section>
  );
}

function ReportTable({
  table,
  corporate,
  sort,
  onSort,
  onDrill,
}: {
  table: CustomerAgingTable;
  corporate: boolean;
  sort: Sort;
  onSort: (column: CustomerAgingColumn) => void;
  /** The line's customer filter value (customerFilterValue of its key) and a bucket, or null for the whole line. */
  onDrill: (customer: string, bucket: AgingBucketKey | null) => void;
}) {
  const { t } = useTranslation(['report', 'workspace']);
  const locale = useLocale();
  const { currency } = table;
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const heading = (column: CustomerAgingColumn) =>
    column === 'customer' ? t('customer') : column === 'total' ? t('total') : column === 'current' ? t('workspace:agingCurrent') : agingBucketLabels[column];
  const lines = sortCustomerLines(table.lines, sort.column, sort.desc);
  const words = { noCustomer: t('noCustomer') };
  return (
    <table className="aging-report-table" data-testid="aging-report-table" data-currency={currency} data-corporate={corporate || undefined}>
      <caption>{corporate ? t('captionCorporate', { currency }) : t('caption', { currency })}</caption>
      <thead>
        <tr>
          {customerAgingColumns.map((column) => (
            <th
              key={column}
              scope="col"
              className={column === 'customer' ? undefined : 'num'}
              aria-sort={sort.column === column ? (sort.desc ? 'descending' : 'ascending') : undefined}
            >
              <button type="button" className="sort-button" onClick={() => onSort(column)} data-testid={`aging-report-sort-${column}`}>
                {heading(column)}
                {sort.column === column && <span aria-hidden="true">{sort.desc ? ' ▼' : ' ▲'}</span>}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const name = customerLabel(words, line.customer);
          return (
            <tr key={line.key} data-testid="aging-report-line" data-customer={line.customer === NO_CUSTOMER ? '' : line.customer}>
              <th scope="row">
                <button type="button" className="link" onClick={() => onDrill(customerFilterValue(line.key, line.customer), null)} aria-label={t('showInvoicesOf', { customer: name })} data-testid="aging-report-customer">
                  {name}
                </button>
              </th>
              {agingBucketKeys.map((bucket, slot) => {
                const amount = line.amounts[slot]!;
                return (
                  <td key={bucket} className="num" data-bucket={bucket} data-amount={amount}>
                    {amount === 0 ? (
                      ''
                    ) : (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onDrill(customerFilterValue(line.key, line.customer), bucket)}
                        aria-label={t('showBucketOf', { customer: name, bucket: heading(bucket), amount: money(amount) })}
                      >
                        {money(amount)}
                      </button>
                    )}
                  </td>
                );
              })}
              <td className="num total" data-bucket="total" data-amount={line.total}>
                {money(line.total)}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr data-testid="aging-report-totals">
          <th scope="row">{t('total')}</th>
          {agingBucketKeys.map((bucket, slot) => (
            <td key={bucket} className="num" data-bucket={bucket} data-amount={table.totals.amounts[slot]}>
              {money(table.totals.amounts[slot]!)}
            </td>
          ))}
          <td className="num total" data-bucket="total" data-amount={table.totals.total}>
            {money(table.totals.total)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
