import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatCount, formatMoney } from '../invoices/money';
import type { PreparedInvoices } from '../invoices/prepared';
import { computeTotals } from '../invoices/totals';
import { indexesByOrg, type CombinedRow } from './combine-lists';

interface Props {
  connections: readonly Connection[];
  prepared: PreparedInvoices;
  /** The rows the currency cards total (the filters apply). */
  members: Uint32Array;
  /** The figures are those of the rows shown before the grid's (they follow with the cards: aria-busy). */
  busy?: boolean;
}

/** Receivables per org and currency over the rows shown, summed like the cards (SUM_SCALE, exact). */
export function OrgTotals({ connections, prepared, members, busy = false }: Props) {
  const { t } = useTranslation(['allConnections', 'columns']);
  const locale = useLocale();
  const byOrg = useMemo(() => {
    const indexes = indexesByOrg(prepared.rows as readonly CombinedRow[], members);
    return connections.map((connection) => ({ connection, totals: computeTotals(prepared, indexes.get(connection.id) ?? []) }));
  }, [connections, prepared, members]);
  return (
    <table className="org-totals" data-testid="org-totals" aria-busy={busy || undefined}>
      <caption>{t('perOrgCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns:org')}</th>
          <th scope="col">{t('columns:currency')}</th>
          <th scope="col" className="num">
            {t('invoicesCount')}
          </th>
          <th scope="col" className="num">
            {t('columns:total')}
          </th>
          <th scope="col" className="num">
            {t('columns:balance')}
          </th>
        </tr>
      </thead>
      <tbody>
        {byOrg.flatMap(({ connection, totals }) =>
          totals.map((entry) => (
            <tr
              key={`${connection.id}|${entry.currency}`}
              data-testid="org-total"
              data-org={connection.label}
              data-currency={entry.currency}
              data-count={entry.count}
              data-total={entry.total}
              data-balance={entry.balance}
            >
              <th scope="row">{connection.label}</th>
              <td>{entry.currency}</td>
              <td className="num">{formatCount(entry.count, locale)}</td>
              <td className="num">{formatMoney(entry.total, entry.currency, locale)}</td>
              <td className="num">{formatMoney(entry.balance, entry.currency, locale)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
