import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';

interface Props {
  /** The heading's id (the section is labelled by it). */
  titleId: string;
  title: string;
  count: number;
  /** Said instead of an empty table. */
  empty: string;
  testId: string;
  /** The header cells before the last (link) column. */
  head: ReactNode;
  children: ReactNode;
}

/** One list of the customer view: a heading with its count, then a scrolling table whose last column opens each record in Salesforce. */
export function CustomerTable({ titleId, title, count, empty, testId, head, children }: Props) {
  const { t } = useTranslation('customer');
  const locale = useLocale();
  return (
    <section className="customer-section" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {title} <span className="hint">({formatCount(count, locale)})</span>
      </h3>
      {count === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="customer-table-frame">
          <table className="customer-table" data-testid={testId}>
            <thead>
              <tr>
                {head}
                <th scope="col"><span className="visually-hidden">{t('openInSalesforce')}</span></th>
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The last cell of a row: opens the record in Salesforce. */
export function SalesforceCell({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('customer');
  return (
    <td>
      <button type="button" className="link" onClick={onOpen} title={t('openInSalesforce')}>
        ↗
      </button>
    </td>
  );
}
