import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupHeaderItem } from '../invoices/group-by-customer';
import { formatCount, formatMoney } from '../invoices/money';
import { NO_CUSTOMER } from '../invoices/prepared';
import { useLocale } from '../i18n/locale-context';

interface Props {
  group: GroupHeaderItem;
  /** Place in the grid's rows (0 = first under the header). */
  slot: number;
}

/**
 * A customer's header in the grouped grid: its name (a button that collapses and expands the group: click, Enter or
 * Space), how many invoices it holds and its subtotals per currency. Not an invoice: the grid's click handler toggles
 * the group instead of opening details, and the export never sees it.
 */
export const GroupHeaderRow = memo(function GroupHeaderRow({ group, slot }: Props) {
  const { t } = useTranslation(['workspace', 'report']);
  const locale = useLocale();
  const name = group.key === NO_CUSTOMER ? t('report:noCustomer') : group.key;
  return (
    <div role="row" aria-rowindex={slot + 2} className="grid-row group-row" data-testid="group-header" data-group={name}>
      <div role="gridcell" className="group-cell">
        <button type="button" className={group.collapsed ? 'group-toggle collapsed' : 'group-toggle'} aria-expanded={!group.collapsed} data-testid="group-toggle">
          <span className="group-mark" aria-hidden="true">
            ▼
          </span>
          {name}
        </button>
        <span className="group-count" data-testid="group-count">
          {t('invoiceCount', { count: group.count, n: formatCount(group.count, locale) })}
        </span>
        {group.totals.map((sum) => (
          <span key={sum.currency} className="group-subtotal" data-testid="group-subtotal" data-currency={sum.currency}>
            {t('groupSubtotal', { total: formatMoney(sum.total, sum.currency, locale), balance: formatMoney(sum.balance, sum.currency, locale) })}
          </span>
        ))}
      </div>
    </div>
  );
});
