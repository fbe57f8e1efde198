import type { InvoiceListRow, InvoiceRow } from '../../../contract';
import type { ExportRows, RowTexts } from '../../export/export-rows';
import type { Snapshot } from '../snapshot/snapshot';
import { rowTableOf, type ChunkPlace, type RowTable } from '../snapshot/row-table';
import { BALANCE_NULL, TEXT_CELL_COUNT, TOTAL_NULL, type ColumnChunk } from '../snapshot/row-columns';
import { ledgerIndex } from './applied-ledger';
import { orderedRows } from './ordered-rows';
import { paymentFigures, paymentFiguresState, type PaymentFigures } from './payment-figures';
import { hashOfText, sameUnits } from '../snapshot/text-in-place';

const NOTHING: PaymentFigures = Object.freeze({ paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: null, daysToPay: null });

/**
 * An export's rows read straight from the copy (issue #19): the ids asked are turned into places in the copy once
 * (its index by id, two typed arrays over the columns), and each place is read into ONE row object when the writer
 * comes to it — the same values a list row has (its payment figures when the copy has them; the balance as of a day
 * when `balances` moves it, and the figures as of `asOf`), but no row object, no array and no map of 100,000 invoices. The row handed back is
 * refilled at the next place (export-rows.ts). Ids the copy no longer has are skipped, as before.
 *
 * Over columns, the texts that repeat down the copy (customer, days, status, currency, customer id) are handed out as
 * one string each (RepeatedTexts) and the amounts are written into the row's own number fields: a row then costs the
 * young generation its three unique texts (id, number, last modified), not ten strings and two numbers (~260 bytes a
 * row, which filled V8's young generation before any scavenge in a 100,000-row export: the bench's memory row).
 */
export function copyExportRows(snapshot: Snapshot, balances?: ReadonlyMap<string, number>, asOf?: string): { rowsOf(ids: readonly string[]): ExportRows } {
  return {
    rowsOf(ids) {
      const table = rowTableOf(snapshot);
      const places = new Int32Array(ids.length);
      const length = placesOf(table, ids, orderedRows.made(snapshot)?.order ?? null, places);
      const copy = snapshot.related;
      const index = paymentFiguresState(copy) === 'available' ? ledgerIndex(copy!) : null;
      const moved = balances && balances.size > 0 ? balances : null;
      const row = emptyRow();
      const where: ChunkPlace = { chunk: null, row: 0 };
      const texts = new RepeatedTexts();
      /** What both readers do once the row's fields are in. */
      const finish = (): InvoiceListRow => {
        if (moved) {
          const balance = moved.get(row.id);
          if (balance !== undefined) row.balance = balance;
        }
        // The figures of the row (listRowMaker's), as of the day with the balances (`asOf`: as the as-of view shows them).
        if (index) Object.assign(row, index.byInvoice.has(row.id) ? paymentFigures(copy!, row, asOf) : NOTHING);
        return row;
      };
      return {
        length,
        at(place) {
          if (!(place >= 0 && place < length)) return undefined;
          const i = places[place]!;
          if (table.locate(i, where)) fillFromChunk(where.chunk!, where.row, row, texts);
          else table.fillRow(i, row);
          return finish();
        },
        atInPlace(place, into) {
          if (!(place >= 0 && place < length)) return undefined;
          const i = places[place]!;
          if (table.locate(i, where)) {
            fillSharedFromChunk(where.chunk!, where.row, row, texts, into);
          } else {
            table.fillRow(i, row);
            into.text = null;
          }
          return finish();
        },
      };
    },
  };
}

/**
 * The copy's positions of the ids asked that it has, in their order, into `places`; how many. The workspace's ids come
 * in the list's order, or a filter of it, most of the time (an export of what the screen shows, unsorted): each id is
 * first compared in place with the row the list's order has next (`order`: the list's, when `invoices.list` has made it
 * for this copy), and only an id that is not there is looked up by the copy's index by id — which is then not built at
 * all for such an export (its build and 100,000 lookups: ~35 + ~45 ms of a CSV export's profile at 100k, session 22).
 * After a lookup the guess goes on from that row's place in the list. The same places as looking every id up, for a
 * copy whose ids are unique (a Salesforce copy's are; where an id came twice, the index answers with its last row).
 */
function placesOf(table: RowTable, ids: readonly string[], order: Uint32Array | null, places: Int32Array): number {
  let length = 0;
  let next = 0;
  let ranks: Uint32Array | null = null;
  // Indexed, not for…of: run once per export, unoptimized at first, an iterator made a result object per id.
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (order !== null && next < order.length && table.hasId(order[next]!, id)) {
      places[length++] = order[next++]!;
      continue;
    }
    const place = table.indexOfId(id);
    if (place < 0) continue;
    places[length++] = place;
    if (order !== null) {
      ranks ??= ranksOf(order);
      next = ranks[place]! + 1;
    }
  }
  return length;
}

/** Each position's place in `order` (its inverse). */
function ranksOf(order: Uint32Array): Uint32Array {
  const ranks = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) ranks[order[k]!] = k;
  return ranks;
}

/**
 * One object with every field a list row has, in one order (one hidden class, whatever the row). The amounts start as
 * doubles so V8 keeps them as number fields written in place (a null amount makes them plain fields again).
 */
function emptyRow(): InvoiceListRow {
  const row: InvoiceRow = { id: '', number: '', customer: null, invoiceDate: null, dueDate: null, status: null, total: 0.5, balance: 0.5, currency: '', lastModified: null, customerId: undefined };
  return row;
}

/** Row `r` of `chunk` written into `into`: fillChunkRow's values (row-columns.ts), the repeated texts from `texts`. */
function fillFromChunk(chunk: ColumnChunk, r: number, into: InvoiceRow, texts: RepeatedTexts): void {
  const nulls = chunk.nulls[r]!;
  const { text, starts } = chunk;
  const at = r * TEXT_CELL_COUNT;
  into.id = text.slice(starts[at], starts[at + 1]);
  into.number = text.slice(starts[at + 1], starts[at + 2]);
  into.customer = nulls & 4 ? null : texts.get(text, starts[at + 2]!, starts[at + 3]!);
  into.invoiceDate = nulls & 8 ? null : texts.get(text, starts[at + 3]!, starts[at + 4]!);
  into.dueDate = nulls & 16 ? null : texts.get(text, starts[at + 4]!, starts[at + 5]!);
  into.status = nulls & 32 ? null : texts.get(text, starts[at + 5]!, starts[at + 6]!);
  into.total = nulls & TOTAL_NULL ? null : chunk.total[r]!;
  into.balance = nulls & BALANCE_NULL ? null : chunk.balance[r]!;
  into.currency = texts.get(text, starts[at + 6]!, starts[at + 7]!);
  into.lastModified = nulls & 128 ? null : text.slice(starts[at + 7], starts[at + 8]);
  into.customerId = nulls & 256 ? undefined : texts.get(text, starts[at + 8]!, starts[at + 9]!);
}

/**
 * Row `r` of `chunk` written into `into` as fillFromChunk does, but for two of its texts unique per row: the number and
 * the last-modified instant are left in the chunk, where `texts` says (the row's fields say '' and null), and the
 * customer id is not read (ExportRows.atInPlace). The id is read: the reader and the conversion know a row by it.
 */
function fillSharedFromChunk(chunk: ColumnChunk, r: number, into: InvoiceRow, repeated: RepeatedTexts, texts: RowTexts): void {
  const nulls = chunk.nulls[r]!;
  const { text, starts } = chunk;
  const at = r * TEXT_CELL_COUNT;
  into.id = text.slice(starts[at], starts[at + 1]);
  into.number = '';
  into.lastModified = null;
  into.customerId = undefined;
  texts.text = text;
  texts.numberFrom = starts[at + 1]!;
  texts.numberTo = starts[at + 2]!;
  into.customer = nulls & 4 ? null : repeated.get(text, starts[at + 2]!, starts[at + 3]!);
  into.invoiceDate = nulls & 8 ? null : repeated.get(text, starts[at + 3]!, starts[at + 4]!);
  into.dueDate = nulls & 16 ? null : repeated.get(text, starts[at + 4]!, starts[at + 5]!);
  into.status = nulls & 32 ? null : repeated.get(text, starts[at + 5]!, starts[at + 6]!);
  into.total = nulls & TOTAL_NULL ? null : chunk.total[r]!;
  into.balance = nulls & BALANCE_NULL ? null : chunk.balance[r]!;
  into.currency = repeated.get(text, starts[at + 6]!, starts[at + 7]!);
  if (nulls & 128) {
    texts.lastModifiedFrom = -1;
    texts.lastModifiedTo = -1;
  } else {
    texts.lastModifiedFrom = starts[at + 7]!;
    texts.lastModifiedTo = starts[at + 8]!;
  }
}

const SLOTS = 1 << 14;

/**
 * Texts that repeat down a copy, one string each: a direct-mapped cache by a hash of the characters (FNV-1a), a slot's
 * text replaced on a collision. A text found is compared in place in the chunk's text, not sliced into a new string.
 * Bounded: 16,384 strings at most, whatever the copy.
 */
class RepeatedTexts {
  private readonly slots: string[] = new Array<string>(SLOTS).fill('');

  /** text[from, to) as a string: the one handed out before when it is still in its slot. */
  get(text: string, from: number, to: number): string {
    const n = to - from;
    if (n === 0) return '';
    const slot = hashOfText(text, from, to) & (SLOTS - 1);
    const held = this.slots[slot]!;
    if (held.length === n && sameUnits(held, 0, text, from, n)) return held;
    const made = text.slice(from, to);
    this.slots[slot] = made;
    return made;
  }
}
