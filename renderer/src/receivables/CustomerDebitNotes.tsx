import { useTranslation } from 'react-i18next';
import type { CustomerDebitNote } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { CustomerTable, SalesforceCell } from './CustomerTable';

interface Props {
  debitNotes: CustomerDebitNote[];
  onOpen: (id: string) => void;
}

/**
 * The customer's Salesforce Billing debit notes still open: each its own receivable (a late fee, a price correction) with the
 * balance Salesforce states — it raises what the customer owes, not an invoice's balance.
 */
export function CustomerDebitNotes({ debitNotes, onOpen }: Props) {
  const { t } = useTranslation('customer');
  const locale = useLocale();
  return (
    <>
      <CustomerTable
        titleId="customer-debit-title"
        title={t('debitNotesHeading')}
        count={debitNotes.length}
        empty={t('noDebitNotes')}
        testId="customer-debit-notes"
        head={
          <>
            <th scope="col">{t('date')}</th>
            <th scope="col">{t('number')}</th>
            <th scope="col">{t('debitNoteStatus')}</th>
            <th scope="col" className="num">{t('amount')}</th>
            <th scope="col" className="num">{t('debitNoteOpen')}</th>
          </>
        }
      >
        {debitNotes.map((note) => (
          <tr key={note.id} data-testid="customer-debit-note" data-id={note.id} data-balance={note.balance ?? ''} data-currency={note.currency}>
            <td>{note.date ? formatPlainDate(note.date, locale) : ''}</td>
            <td>{note.number ?? ''}</td>
            <td>{note.status ?? ''}</td>
            <td className="num">{formatMoney(note.amount, note.currency, locale)}</td>
            <td className="num">{formatMoney(note.balance, note.currency, locale)}</td>
            <SalesforceCell onOpen={() => onOpen(note.id)} />
          </tr>
        ))}
      </CustomerTable>
      <p className="hint">{t('debitNotesHint')}</p>
    </>
  );
}
