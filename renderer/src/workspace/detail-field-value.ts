import type { InvoiceDetail } from '../../../electron/contract';
import { formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { formatInstant } from '../lib/relative-time';

type Field = InvoiceDetail['fields'][number];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const NUMERIC = new Set(['double', 'int', 'long']);

const numbers = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, percent: boolean): Intl.NumberFormat {
  const key = `${locale}|${percent}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, percent ? { style: 'percent', maximumFractionDigits: 4 } : { maximumFractionDigits: 6 })));
  return format;
}

/**
 * A field of the detail panel as the user reads it, by its describe type: currency as money in the record's currency,
 * percent as a percentage (Salesforce stores 12.5 for 12.5 %), numbers in the locale, dates as dates, date-times as
 * local instants, references by name where the copy has it. A field without a type (a copy from an older version)
 * is read from its value.
 */
export function detailFieldValue(field: Field, currency: string, locale: string, yesNo: { yes: string; no: string }): string {
  const { value, type } = field;
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number') {
    if (type === 'currency' || (!type && /amount|total|balance|price|tax/i.test(field.name))) return formatMoney(value, currency, locale);
    if (type === 'percent') return numberFormat(locale, true).format(value / 100);
    return type && NUMERIC.has(type) ? numberFormat(locale, false).format(value) : String(value);
  }
  if (type === 'reference') return field.referenceName ?? value;
  if ((type === 'date' || !type) && ISO_DATE.test(value)) return formatPlainDate(value, locale);
  if ((type === 'datetime' || !type) && ISO_INSTANT.test(value)) return formatInstant(value, locale) || value;
  return value;
}
