import { InvoiceColumnsWriter, STRING_ABSENT, STRING_NULL, type InvoiceColumns } from '../../../contract/invoice-columns';
import type { RelatedCopy } from '../related/related-copy';
import { BALANCE_NULL, TEXT_CELL_COUNT, TEXT_CELLS, TOTAL_NULL, type ColumnChunk } from '../snapshot/row-columns';
import type { ChunkPlace, RowTable } from '../snapshot/row-table';
import { figuresMaker, NO_FIGURES } from './payment-figures';
import { hashOfText } from '../snapshot/text-in-place';

/** A cell's number in a chunk's row (row-columns.ts TEXT_CELLS); its null bit is 1 << that number. */
const cellOf = (name: (typeof TEXT_CELLS)[number]): number => TEXT_CELLS.indexOf(name);
const [ID, NUMBER, LAST_MODIFIED] = [cellOf('id'), cellOf('number'), cellOf('lastModified')];
const [CUSTOMER, INVOICE_DATE, DUE_DATE, STATUS, CURRENCY, CUSTOMER_ID] = [cellOf('customer'), cellOf('invoiceDate'), cellOf('dueDate'), cellOf('status'), cellOf('currency'), cellOf('customerId')];

/**
 * The rows at these positions of a copy's table as a list window's columns (issue #19), read straight from the copy's
 * column chunks: no row object per invoice made and read back (rows made from the chunks, then encoded, cost ~13 ms of
 * CPU per 10,000 rows: load19). The same columns' rows as `encodeInvoiceColumns(the rows at these positions, with their
 * payment figures)`. null when the table is over rows (an older copy, an incremental sync's rows): the caller encodes them.
 */
export function windowColumns(table: RowTable, positions: ArrayLike<number>, related: RelatedCopy | null | undefined): InvoiceColumns | null {
  const n = positions.length;
  const at: ChunkPlace = { chunk: null, row: 0 };
  if (n > 0 && !table.locate(positions[0]!, at)) return null;
  const out = new InvoiceColumnsWriter(n);
  const figures = figuresMaker(related);
  if (!figures) out.absent(['lastPaymentDate', 'fullyPaidOn'], ['paid', 'credited', 'daysToPay']);
  const { customer, invoiceDate, dueDate, status, currency, customerId, lastPaymentDate, fullyPaidOn } = out.text;
  // Rows in the default order come in runs of one date, one status …: each shared cell is compared in place with the
  // previous row's value of its field first (no string made for a repeat), then found in the window's table by value.
  const runs = new SharedRuns(out, n);
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
    runs.cell(customer, k, chunk, c, CUSTOMER, nulls, STRING_NULL);
    runs.cell(invoiceDate, k, chunk, c, INVOICE_DATE, nulls, STRING_NULL);
    runs.cell(dueDate, k, chunk, c, DUE_DATE, nulls, STRING_NULL);
    runs.cell(status, k, chunk, c, STATUS, nulls, STRING_NULL);
    runs.cell(currency, k, chunk, c, CURRENCY, nulls, STRING_NULL);
    instantEnds[k] = nulls & (1 << LAST_MODIFIED) ? STRING_NULL : instants.add(text, starts[c + LAST_MODIFIED]!, starts[c + LAST_MODIFIED + 1]!);
    // A copy's null account id is a row without one (row-columns.ts chunkRow).
    runs.cell(customerId, k, chunk, c, CUSTOMER_ID, nulls, STRING_ABSENT);
    out.number('total', k, nulls & TOTAL_NULL ? null : chunk.total[row]!);
    out.number('balance', k, nulls & BALANCE_NULL ? null : chunk.balance[row]!);
    if (!figures) continue;
    // Only an invoice with applications is made as a row (what its figures are counted from).
    const paid = figures.has(text.slice(starts[c + ID], starts[c + ID + 1])) ? figures.of(table.rowAt(positions[k]!)) : NO_FIGURES;
    out.number('paid', k, paid.paid);
    out.number('credited', k, paid.credited);
    lastPaymentDate[k] = paid.lastPaymentDate === null ? STRING_NULL : out.place(paid.lastPaymentDate);
    fullyPaidOn[k] = paid.fullyPaidOn === null ? STRING_NULL : out.place(paid.fullyPaidOn);
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
 * one process, alternating, load ~11); of the 100k copy 152–219 vs 171–301 ms (mostly in the cache either way).
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
    let touched = 0;
    for (let j = k; j < to; j++) {
      table.locate(positions[j]!, at);
      const chunk = at.chunk!;
      const row = at.row;
      chunks[j - k] = chunk;
      rows[j - k] = row;
      const { text, starts } = chunk;
      const from = starts[row * TEXT_CELL_COUNT]!;
      // A row's text is ~120 characters, one byte each: its first three cache lines.
      touched += chunk.nulls[row]! + chunk.total[row]! + chunk.balance[row]! + text.charCodeAt(from) + text.charCodeAt(from + 64) + text.charCodeAt(from + 128);
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

/**
 * The window's shared values found where they lie in the copy's text: per cell number the last value met (rows of the
 * default order come in runs of one date …), then an open-addressing table of places in the window's strings by a hash
 * of the cell's characters. A value is made a string (sliced) only the first time the window meets it: a slice and a
 * Map lookup per cell were the largest part of encoding a window at 1,000,000 invoices (core26, CPU profile).
 */
class SharedRuns {
  private readonly last = new Int32Array(TEXT_CELL_COUNT).fill(-1);
  private slots: Int32Array;
  private used = 0;
  /**
   * The characters of each value placed by this table, one after the other (`bounds[2 × place]` to `bounds[2 × place + 1]`):
   * what a cell is compared with. Its string would do, but a value of 13 characters or more sliced from a chunk's text
   * is a view of that text (V8's sliced string) where the value was first met — anywhere in the copy — so every compare
   * with a customer or an account id was one more cache miss (core28: the compares were ~20 % of a 1M window pass's
   * samples once the rows were touched first). These stay together in a few hundred KiB.
   */
  private chars: Uint16Array;
  private charsUsed = 0;
  private bounds = new Int32Array(2048);

  /** `rows`: the window's; the table starts large enough for a few distinct values a row (grown if not). */
  constructor(
    private readonly out: InvoiceColumnsWriter,
    rows: number,
  ) {
    let size = 1024;
    while (size < rows * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.chars = new Uint16Array(Math.max(1024, rows * 16));
  }

  /** Row k's cell `cell` of a chunk (its row's cells start at `c`) into `cells`: `none` when its null bit is set. */
  cell(cells: Uint32Array, k: number, chunk: ColumnChunk, c: number, cell: number, nulls: number, none: number): void {
    if (nulls & (1 << cell)) {
      cells[k] = none;
      return;
    }
    const from = chunk.starts[c + cell]!;
    const to = chunk.starts[c + cell + 1]!;
    const last = this.last[cell]!;
    if (last >= 0 && this.same(last, chunk.text, from, to)) {
      cells[k] = last;
      return;
    }
    cells[k] = this.last[cell] = this.place(chunk.text, from, to);
  }

  /** The place of text[from, to) in the window's strings (added the first time). */
  private place(text: string, from: number, to: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOfText(text, from, to) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        const place = this.out.place(text.slice(from, to));
        this.keep(place, text, from, to);
        this.slots[slot] = place + 1;
        if (++this.used * 2 > this.slots.length) this.grow();
        return place;
      }
      if (this.same(entry - 1, text, from, to)) return entry - 1;
    }
  }

  /** Whether the value placed at `place` is text[from, to), last character first (values that differ mostly differ at their end). */
  private same(place: number, text: string, from: number, to: number): boolean {
    const start = this.bounds[2 * place]!;
    let k = this.bounds[2 * place + 1]! - start;
    if (k !== to - from) return false;
    const chars = this.chars;
    while (k-- > 0) if (chars[start + k] !== text.charCodeAt(from + k)) return false;
    return true;
  }

  /** Keeps the characters of the value at `place` (text[from, to)). */
  private keep(place: number, text: string, from: number, to: number): void {
    if (2 * place + 1 >= this.bounds.length) {
      const bounds = new Int32Array(Math.max(this.bounds.length * 2, 2 * place + 2));
      bounds.set(this.bounds);
      this.bounds = bounds;
    }
    const start = this.charsUsed;
    const end = start + (to - from);
    if (end > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, end));
      chars.set(this.chars.subarray(0, start));
      this.chars = chars;
    }
    for (let k = from, at = start; k < to; k++) this.chars[at++] = text.charCodeAt(k);
    this.bounds[2 * place] = start;
    this.bounds[2 * place + 1] = this.charsUsed = end;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      const value = this.out.stringAt(entry - 1);
      let slot = hashOfText(value, 0, value.length) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }
}
