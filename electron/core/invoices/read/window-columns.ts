import { InvoiceColumnsWriter, STRING_ABSENT, STRING_NULL, type InvoiceColumns } from '../../../contract/invoice-columns';
import type { RelatedCopy } from '../related/related-copy';
import { BALANCE_NULL, TEXT_CELL_COUNT, TEXT_CELLS, TOTAL_NULL, type ColumnChunk } from '../snapshot/row-columns';
import type { ChunkPlace, RowTable } from '../snapshot/row-table';
import { figuresMaker, NO_FIGURES } from './payment-figures';
import { SharedValues } from './shared-values';

/** A cell's number in a chunk's row (row-columns.ts TEXT_CELLS); its null bit is 1 << that number. */
const cellOf = (name: (typeof TEXT_CELLS)[number]): number => TEXT_CELLS.indexOf(name);
const [ID, NUMBER, LAST_MODIFIED] = [cellOf('id'), cellOf('number'), cellOf('lastModified')];
const [CUSTOMER, INVOICE_DATE, DUE_DATE, STATUS, CURRENCY, CUSTOMER_ID] = [cellOf('customer'), cellOf('invoiceDate'), cellOf('dueDate'), cellOf('status'), cellOf('currency'), cellOf('customerId')];

/**
 * The rows at these positions of a copy's table as a list window's columns (issue #19), read straight from the copy's
 * column chunks: no row object per invoice made and read back (rows made from the chunks, then encoded, cost ~13 ms of
 * CPU per 10,000 rows: load19). The same columns' rows as `encodeInvoiceColumns(the rows at these positions, with their
 * payment figures)`. null when the table is over rows (an older copy, an incremental sync's rows): the caller encodes them.
 * `shared`: the list's shared values, kept from one of its windows to the next (a new one: the window's alone).
 */
export function windowColumns(table: RowTable, positions: ArrayLike<number>, related: RelatedCopy | null | undefined, shared = new SharedValues()): InvoiceColumns | null {
  const n = positions.length;
  const at: ChunkPlace = { chunk: null, row: 0 };
  if (n > 0 && !table.locate(positions[0]!, at)) return null;
  const out = new InvoiceColumnsWriter(n);
  const figures = figuresMaker(related);
  if (!figures) out.absent(['lastPaymentDate', 'fullyPaidOn'], ['paid', 'credited', 'daysToPay']);
  const { customer, invoiceDate, dueDate, status, currency, customerId, lastPaymentDate, fullyPaidOn } = out.text;
  // Shared cells: compared in place with the previous row's value first, then found among the list's values (shared-values.ts).
  shared.begin(out);
  const ids = new OwnText(n * 18);
  const numbers = new OwnText(n * 12);
  const instants = new OwnText(n * 24);
  const { id: idEnds, number: numberEnds, lastModified: instantEnds } = out.text;
  const ahead = new RowsAhead(table, positions);
  for (let k = 0; k < n; k++) {
    if (k === ahead.to) ahead.read(k);
    const chunk = ahead.chunks[k - ahead.from]!;
    const row = ahead.rows[k - ahead.from]!;
    const nulls = chunk.nulls[row]!;
    const { text, starts } = chunk;
    const c = row * TEXT_CELL_COUNT;
    // Own values copied into the window's texts as they are read (no string per cell; one per field and window).
    idEnds[k] = ids.add(text, starts[c + ID]!, starts[c + ID + 1]!);
    numberEnds[k] = numbers.add(text, starts[c + NUMBER]!, starts[c + NUMBER + 1]!);
    const customerValue = shared.cell(customer, k, chunk, c, CUSTOMER, nulls, STRING_NULL);
    shared.cell(invoiceDate, k, chunk, c, INVOICE_DATE, nulls, STRING_NULL);
    shared.cell(dueDate, k, chunk, c, DUE_DATE, nulls, STRING_NULL);
    shared.cell(status, k, chunk, c, STATUS, nulls, STRING_NULL);
    shared.cell(currency, k, chunk, c, CURRENCY, nulls, STRING_NULL, customerValue);
    instantEnds[k] = nulls & (1 << LAST_MODIFIED) ? STRING_NULL : instants.add(text, starts[c + LAST_MODIFIED]!, starts[c + LAST_MODIFIED + 1]!);
    // A copy's null account id is a row without one (row-columns.ts chunkRow).
    shared.cell(customerId, k, chunk, c, CUSTOMER_ID, nulls, STRING_ABSENT, customerValue);
    out.number('total', k, nulls & TOTAL_NULL ? null : chunk.total[row]!);
    out.number('balance', k, nulls & BALANCE_NULL ? null : chunk.balance[row]!);
    if (!figures) continue;
    // Only an invoice with applications is made as a row (what its figures are counted from).
    const paid = figures.has(text.slice(starts[c + ID], starts[c + ID + 1])) ? figures.of(table.rowAt(positions[k]!)) : NO_FIGURES;
    out.number('paid', k, paid.paid);
    out.number('credited', k, paid.credited);
    lastPaymentDate[k] = paid.lastPaymentDate === null ? STRING_NULL : shared.string(paid.lastPaymentDate);
    fullyPaidOn[k] = paid.fullyPaidOn === null ? STRING_NULL : shared.string(paid.fullyPaidOn);
    out.number('daysToPay', k, paid.daysToPay);
  }
  return out.columns({ id: ids.text(), number: numbers.text(), lastModified: instants.text() });
}

/** How many of a window's rows are found and touched at a time before they are encoded (see RowsAhead). */
const AHEAD = 256;

/**
 * The places (chunk, row) of a window's next rows, found a few hundred at a time, each row's cells touched once as it
 * is found. In the default order a window's rows lie scattered over the whole copy (at 1,000,000 invoices a 10,000-row
 * window reads about one row in a hundred of each chunk), so nearly every row's offsets, null bits, amounts and text
 * are a cache miss: encoding every window of the 1M copy in the copy's own order took about half the CPU of the
 * default order (1.2–1.6 vs 2.4–2.7 s a pass; core28, load 3–6). Loads that do not depend on each other, in a short
 * loop, are waited for together rather than one by one as the encoding comes to each; the encoding then finds them in
 * the cache. A pass of every window of the 1M copy: 2.04–2.30 s of CPU touched first vs 2.54–2.76 s (8 passes a side in
 * one process, alternating, load ~11); of the 100k copy 152–219 vs 171–301 ms (mostly in the cache either way). The
 * touching in three passes of independent loads rather than one (core29): 1,677–2,094 vs 1,738–2,765 ms a pass, 8 of 8
 * lower (alternating in one process, load ~15).
 */
class RowsAhead {
  readonly chunks: ColumnChunk[] = new Array<ColumnChunk>(AHEAD);
  readonly rows = new Uint32Array(AHEAD);
  /** The window's rows [from, to) are found. */
  from = 0;
  to = 0;
  /** What was read (kept: a load whose value nothing uses could be dropped by the compiler). */
  touched = 0;
  private readonly at: ChunkPlace = { chunk: null, row: 0 };

  constructor(
    private readonly table: RowTable,
    private readonly positions: ArrayLike<number>,
  ) {}

  /** Finds and touches the rows from k on. */
  read(k: number): void {
    const { table, positions, at, chunks, rows } = this;
    const to = Math.min(positions.length, k + AHEAD);
    const count = to - k;
    // Three short passes, each of loads that do not wait for each other: where each row is (the table's chunk index),
    // then its offsets, null bits and amounts, then its text (which needs its offsets). In one pass each row's loads
    // waited on one another, so the processor had only a row or two in flight.
    for (let j = 0; j < count; j++) {
      table.locate(positions[k + j]!, at);
      chunks[j] = at.chunk!;
      rows[j] = at.row;
    }
    let touched = 0;
    for (let j = 0; j < count; j++) {
      const chunk = chunks[j]!;
      const row = rows[j]!;
      touched += chunk.nulls[row]! + chunk.total[row]! + chunk.balance[row]! + chunk.starts[row * TEXT_CELL_COUNT]!;
    }
    for (let j = 0; j < count; j++) {
      const { text, starts } = chunks[j]!;
      const c = rows[j]! * TEXT_CELL_COUNT;
      // A row's text is ~110 characters, one byte each: its first and its last cache line (and the one between).
      const from = starts[c]!;
      const end = starts[c + TEXT_CELL_COUNT]! - 1;
      touched += text.charCodeAt(from) + text.charCodeAt(from + 64 < end ? from + 64 : end) + text.charCodeAt(end);
    }
    this.touched += touched;
    this.from = k;
    this.to = to;
  }
}

/**
 * One own field's values of a window, one after the other, copied character by character from the copy's text: Latin-1
 * bytes while every character fits one (exact), UTF-16 code units from the first that does not (exact for any string,
 * lone surrogates included), made one string at the end.
 */
class OwnText {
  private bytes: Uint8Array;
  private units: Uint16Array | null = null;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** Appends text[from, to); returns where the text ends now. */
  add(text: string, from: number, to: number): number {
    const end = this.length + (to - from);
    if (end > (this.units ?? this.bytes).length) this.grow(end);
    let at = this.length;
    for (let k = from; k < to; k++) {
      const unit = text.charCodeAt(k);
      if (this.units) this.units[at++] = unit;
      else if (unit <= 0xff) this.bytes[at++] = unit;
      else {
        this.widen(at);
        this.units![at++] = unit;
      }
    }
    return (this.length = end);
  }

  text(): string {
    if (this.units) return Buffer.from(this.units.buffer, 0, this.length * 2).toString('utf16le');
    return Buffer.from(this.bytes.buffer, 0, this.length).toString('latin1');
  }

  private grow(end: number): void {
    const size = Math.max(end, (this.units ?? this.bytes).length * 2);
    if (this.units) {
      const units = new Uint16Array(size);
      units.set(this.units.subarray(0, this.length));
      this.units = units;
    } else {
      const bytes = new Uint8Array(size);
      bytes.set(this.bytes.subarray(0, this.length));
      this.bytes = bytes;
    }
  }

  /** From here on UTF-16: the `written` bytes so far become code units. */
  private widen(written: number): void {
    const units = new Uint16Array(this.bytes.length);
    units.set(this.bytes.subarray(0, written));
    this.units = units;
  }
}
