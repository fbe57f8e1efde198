import type { InvoiceDetail, InvoiceRow } from '../../../contract';
import type { ObjectDescribe } from '../mapping/describe-types';
import type { SalesforceRecord } from '../mapping/row-mapper';
import type { Cell } from '../record/record-fetch';
import type { RecordEntry, RecordHead } from '../record/record-file';
import { detailFields } from './detail-fields';

/** A record as Salesforce answers it, from the copy's cells: `Account.Name` back under `Account`. */
function recordOf(select: string[], cells: Cell[]): SalesforceRecord {
  const record: SalesforceRecord = {};
  select.forEach((name, i) => {
    const value = cells[i] ?? null;
    const parts = name.split('.');
    let at: Record<string, unknown> = record;
    for (const part of parts.slice(0, -1)) {
      const next = at[part];
      at = (at[part] = next && typeof next === 'object' ? next : {}) as Record<string, unknown>;
    }
    at[parts.at(-1)!] = value;
  });
  return record;
}

const text = (value: Cell | undefined) => (value === null || value === undefined ? null : String(value));
const number = (value: Cell | undefined) => (typeof value === 'number' ? value : null);

/**
 * One invoice's detail from the record copy, built as the online detail is (`detailFields` over the same SELECT,
 * with the describe's labels and types as they were at that sync), `keptAt` = when Salesforce gave it. The invoice
 * itself is the offline copy's row. Null when the copy has no fields for it (not readable to the user then).
 */
export function recordDetail(head: RecordHead, entry: RecordEntry, row: InvoiceRow): InvoiceDetail | null {
  const [, cells, lines] = entry;
  if (!cells) return null;
  const { fields, terms } = detailFields(head.fields.describe as ObjectDescribe, head.fields.named, recordOf(head.fields.select, cells));
  return {
    invoice: row,
    fields,
    terms,
    // Cells after the id: name, description, quantity, unit price, amount (LINE_KEYS).
    lines: lines.map(([id, name, description, quantity, unitPrice, amount]) => ({
      id, name: text(name), description: text(description), quantity: number(quantity), unitPrice: number(unitPrice), amount: number(amount),
    })),
    keptAt: head.syncedAt,
    // What the copy leaves out (a field hidden, a name SOQL cannot carry): said beside the detail.
    ...(head.warnings?.length ? { warnings: head.warnings } : {}),
  };
}

/** Offline, the newer of the record as last opened online (kept detail) and the record copy's. */
export function newerDetail(kept: { keptAt: string; detail: InvoiceDetail } | null, fromCopy: InvoiceDetail | null): InvoiceDetail | null {
  const opened = kept ? { ...kept.detail, keptAt: kept.keptAt } : null;
  if (!opened || !fromCopy) return opened ?? fromCopy;
  return Date.parse(fromCopy.keptAt!) > Date.parse(opened.keptAt) ? fromCopy : opened;
}
