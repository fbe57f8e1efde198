import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InvoiceDetail, InvoiceRow } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { detailFieldValue } from './detail-field-value';

type T = TFunction<['invoiceDetail', 'columns']>;
type Field = InvoiceDetail['fields'][number];
/** The fields the offline copy has, named in the user's language (Salesforce names the fields of a live detail). */
function cachedFields(t: T, row: InvoiceRow): Field[] {
  return [
    { name: 'number', label: t('invoiceDetail:invoiceNumber'), value: row.number },
    { name: 'invoiceDate', label: t('columns:invoiceDate'), value: row.invoiceDate },
    { name: 'dueDate', label: t('columns:dueDate'), value: row.dueDate },
    { name: 'status', label: t('columns:status'), value: row.status },
    { name: 'currency', label: t('columns:currency'), value: row.currency },
  ];
}

function FieldList({ fields, currency, testId }: { fields: Field[]; currency: string; testId: string }) {
  const { t } = useTranslation(['invoiceDetail', 'columns']);
  const locale = useLocale();
  return (
    <dl className="detail-fields" data-testid={testId}>
      {fields.map((field) => {
        const text = detailFieldValue(field, currency, locale, { yes: t('invoiceDetail:yes'), no: t('invoiceDetail:no') });
        return (
          <div key={field.name}>
            <dt title={field.name}>{field.label}</dt>
            <dd title={text}>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * "All fields" of the open invoice: what an accountant reads first, then the record's bookkeeping (Deleted,
 * System Modstamp, Created By ID …, and lookups shown only as ids) folded under "More", closed until asked for.
 */
export function DetailFields({ detail, invoice }: { detail: InvoiceDetail | null; invoice: InvoiceRow }) {
  const { t } = useTranslation(['invoiceDetail', 'columns']);
  const fields = detail?.fields ?? cachedFields(t, invoice);
  const system = fields.filter((field) => field.system);
  return (
    <>
      <h3>{detail ? t('allFields') : t('fields')}</h3>
      <FieldList fields={fields.filter((field) => !field.system)} currency={invoice.currency} testId="detail-fields" />
      {system.length > 0 && (
        <details className="detail-more" data-testid="detail-more">
          <summary>{t('moreFields', { count: system.length })}</summary>
          <FieldList fields={system} currency={invoice.currency} testId="detail-system-fields" />
        </details>
      )}
    </>
  );
}
