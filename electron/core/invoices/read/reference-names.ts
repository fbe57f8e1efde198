import type { InvoiceDetail, InvoiceRow } from '../../../contract';
import type { RelatedCopy } from '../related/related-copy';
import { ledgerFor, text } from './applied-ledger';

/**
 * The detail's reference fields by name where the offline copy has it: the field mapped to the customer is the
 * account whose name the row shows; a payment, credit note or application of the copy is its number. Others stay ids.
 */
export function withReferenceNames(detail: InvoiceDetail, row: InvoiceRow | undefined, customerField: string | undefined, related: RelatedCopy | null | undefined): InvoiceDetail {
  // The sources these fields name (the whole index when made, else those alone: applied-ledger.ts ledgerFor).
  const named = detail.fields.flatMap((field) => (field.type === 'reference' && typeof field.value === 'string' ? [field.value] : []));
  const sources = related && named.length > 0 ? ledgerFor(related, null, named).sources : null;
  const fields = detail.fields.map((field) => {
    if (field.type !== 'reference' || typeof field.value !== 'string') return field;
    const name = field.name === customerField ? (row?.customer ?? null) : text(sources?.get(field.value)?.record.number);
    return name ? { ...field, referenceName: name } : field;
  });
  return { ...detail, fields };
}
