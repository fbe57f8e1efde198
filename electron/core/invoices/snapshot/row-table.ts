import type { InvoiceRow } from '../../../contract';
import { dayOfText } from '../../../contract/invoice-order';
import { chunkRow, fillChunkRow, TEXT_CELL_COUNT, TOTAL_NULL, BALANCE_NULL, type ColumnChunk } from './row-columns';
import { columnsOf, rowIndex, type Snapshot } from './snapshot';
import type { RowColumns } from './row-columns';
import { hashOfText, sameUnits } from './text-in-place';

/**
 * A snapshot's invoices read by position without making a row object per invoice (issue #19): the list's order, its
 * windows, statuses, currencies and lookups by id read the cells where they are — the column chunks of a full sync or
 * a columnar copy, or the rows of a copy that has them (an older format, an incremental sync). `rowAt` makes one row;
 * only the rows a window returns are made.
 */
export interface RowTable {
  readonly length: number;
  /** The row at this position, as the snapshot's `rows[i]` would be (a new object for columns). */
  rowAt(i: number): InvoiceRow;
  id(i: number): string;
  number(i: number): string;
  invoiceDate(i: number): string | null;
  /** The invoice date as days since 1970-01-01 (contract/invoice-order.ts `dayNumber`): NaN when none or not a day. */
  invoiceDay(i: number): number;
  status(i: number): string | null;
  currency(i: number): string;
  customer(i: number): string | null;
  total(i: number): number | null;
  balance(i: number): number | null;
  /** The position of the row with this id (the last one if an id came twice), or -1. */
  indexOfId(id: string): number;
  /** Whether the row at this position has this id (compared where it lies: no string made, no index needed). */
  hasId(i: number, id: string): boolean;
  /** The rows at these positions, in this order (a window of the list: made chunk by chunk, where their cells lie together). */
  rowsAt(positions: ArrayLike<number>): InvoiceRow[];
  /**
   * The row at this position written into `into` (every field of an InvoiceRow set, `customerId` undefined when it has
   * none): a reader of many rows one at a time (an export) reuses one object instead of making one per invoice.
   */
  fillRow(i: number, into: InvoiceRow): InvoiceRow;
  /**
   * Where row i's cells lie when the table is over columns: its chunk and its row in it, written into `at` (true);
   * false over rows. A reader of many rows in place (an export) reads the cells it needs there.
   */
  locate(i: number, at: ChunkPlace): boolean;
}

/** A row's place in the copy's columns (RowTable.locate). */
export interface ChunkPlace {
  chunk: ColumnChunk | null;
  row: number;
}

const tables = new WeakMap<Snapshot, RowTable>();

/** The snapshot's table (one per snapshot): over its columns when it was made from them, else over its rows. */
export function rowTableOf(snapshot: Snapshot): RowTable {
  let table = tables.get(snapshot);
  if (!table) {
    const columns = columnsOf(snapshot);
    table = columns ? new ColumnTable(columns) : new ArrayTable(snapshot.rows);
    tables.set(snapshot, table);
  }
  return table;
}

/** A table over columns that belong to no snapshot yet (a copy's journal folded as it is read). */
export function columnTable(columns: RowColumns): RowTable {
  return new ColumnTable(columns);
}

/**
 * Builds the snapshot's index by id soon, outside the caller's work (after a sync: the next incremental one then finds
 * it ready instead of building it on its own clock). Over columns it is two typed arrays (~12 MB at a million
 * invoices), not a row object per invoice.
 */
export function warmIdIndex(snapshot: Snapshot): void {
  setTimeout(() => rowTableOf(snapshot).indexOfId(''), 0).unref();
}

/** The snapshot's row with this id (made from the columns), or undefined. */
export function rowOfId(snapshot: Snapshot, id: string): InvoiceRow | undefined {
  const table = rowTableOf(snapshot);
  const at = table.indexOfId(id);
  return at < 0 ? undefined : table.rowAt(at);
}

class ArrayTable implements RowTable {
  readonly length: number;

  constructor(private readonly rows: readonly InvoiceRow[]) {
    this.length = rows.length;
  }

  rowAt = (i: number) => this.rows[i]!;
  id = (i: number) => this.rows[i]!.id;
  number = (i: number) => this.rows[i]!.number;
  invoiceDate = (i: number) => this.rows[i]!.invoiceDate;
  invoiceDay = (i: number) => {
    const date = this.rows[i]!.invoiceDate;
    return date === null ? Number.NaN : dayOfText(date, 0, date.length);
  };
  status = (i: number) => this.rows[i]!.status;
  currency = (i: number) => this.rows[i]!.currency;
  customer = (i: number) => this.rows[i]!.customer;
  total = (i: number) => this.rows[i]!.total;
  balance = (i: number) => this.rows[i]!.balance;
  indexOfId = (id: string) => rowIndex(this.rows).get(id) ?? -1;
  hasId = (i: number, id: string) => this.rows[i]!.id === id;
  rowsAt = (positions: ArrayLike<number>) => Array.from(positions, (i) => this.rows[i]!);
  fillRow = (i: number, into: InvoiceRow) => {
    const row = this.rows[i]!;
    into.id = row.id;
    into.number = row.number;
    into.customer = row.customer;
    into.invoiceDate = row.invoiceDate;
    into.dueDate = row.dueDate;
    into.status = row.status;
    into.total = row.total;
    into.balance = row.balance;
    into.currency = row.currency;
    into.lastModified = row.lastModified;
    into.customerId = row.customerId;
    return into;
  };
  locate = () => false;
}

/** Cell numbers in a chunk (row-columns.ts TEXT_CELLS). */
const ID = 0;
const NUMBER = 1;
const CUSTOMER = 2;
const INVOICE_DATE = 3;
const STATUS = 5;
const CURRENCY = 6;

class ColumnTable implements RowTable {
  readonly length: number;
  private readonly chunks: readonly ColumnChunk[];
  /** Per row, its chunk; and each chunk's first row. */
  private readonly chunkOf: Uint32Array;
  private readonly firsts: Uint32Array;
  /** Open-addressing table of row positions + 1 (0 = empty), by a hash of the id's characters; made when first asked. */
  private slots: Int32Array | null = null;

  constructor(columns: RowColumns) {
    this.chunks = columns.chunks;
    this.length = columns.length;
    this.chunkOf = new Uint32Array(this.length);
    this.firsts = new Uint32Array(this.chunks.length);
    let first = 0;
    for (let c = 0; c < this.chunks.length; c++) {
      const rows = this.chunks[c]!.rows;
      this.firsts[c] = first;
      this.chunkOf.fill(c, first, first + rows);
      first += rows;
    }
  }

  private text(i: number, cell: number): string | null {
    const c = this.chunkOf[i]!;
    const chunk = this.chunks[c]!;
    const row = i - this.firsts[c]!;
    if (chunk.nulls[row]! & (1 << cell)) return null;
    const at = row * TEXT_CELL_COUNT + cell;
    return chunk.text.slice(chunk.starts[at], chunk.starts[at + 1]);
  }

  private amount(i: number, bit: number, column: 'total' | 'balance'): number | null {
    const c = this.chunkOf[i]!;
    const chunk = this.chunks[c]!;
    const row = i - this.firsts[c]!;
    return chunk.nulls[row]! & bit ? null : chunk[column][row]!;
  }

  rowAt = (i: number) => {
    const c = this.chunkOf[i]!;
    return chunkRow(this.chunks[c]!, i - this.firsts[c]!);
  };
  fillRow = (i: number, into: InvoiceRow) => {
    const c = this.chunkOf[i]!;
    return fillChunkRow(this.chunks[c]!, i - this.firsts[c]!, into);
  };
  locate = (i: number, at: ChunkPlace) => {
    const c = this.chunkOf[i]!;
    at.chunk = this.chunks[c]!;
    at.row = i - this.firsts[c]!;
    return true;
  };
  id = (i: number) => this.text(i, ID)!;
  number = (i: number) => this.text(i, NUMBER)!;
  invoiceDate = (i: number) => this.text(i, INVOICE_DATE);
  invoiceDay = (i: number) => {
    const c = this.chunkOf[i]!;
    const chunk = this.chunks[c]!;
    const row = i - this.firsts[c]!;
    if (chunk.nulls[row]! & (1 << INVOICE_DATE)) return Number.NaN;
    const at = row * TEXT_CELL_COUNT + INVOICE_DATE;
    return dayOfText(chunk.text, chunk.starts[at]!, chunk.starts[at + 1]!);
  };
  status = (i: number) => this.text(i, STATUS);
  currency = (i: number) => this.text(i, CURRENCY)!;
  customer = (i: number) => this.text(i, CUSTOMER);
  total = (i: number) => this.amount(i, TOTAL_NULL, 'total');
  balance = (i: number) => this.amount(i, BALANCE_NULL, 'balance');

  /**
   * A window's rows in the list's order lie all over the copy: made in chunk order (a counting sort of the places by
   * chunk, O(n)), each chunk's cells are read while they are in the cache, instead of jumping chunk to chunk per row.
   */
  rowsAt = (positions: ArrayLike<number>): InvoiceRow[] => {
    const n = positions.length;
    const starts = new Uint32Array(this.chunks.length + 1);
    for (let k = 0; k < n; k++) starts[this.chunkOf[positions[k]!]! + 1]!++;
    for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
    const byChunk = new Uint32Array(n);
    for (let k = 0; k < n; k++) byChunk[starts[this.chunkOf[positions[k]!]!]!++] = k;
    const rows = new Array<InvoiceRow>(n);
    for (let j = 0; j < n; j++) {
      const k = byChunk[j]!;
      rows[k] = this.rowAt(positions[k]!);
    }
    return rows;
  };

  indexOfId = (id: string): number => {
    const slots = (this.slots ??= this.buildSlots());
    const mask = slots.length - 1;
    for (let slot = hashOfText(id, 0, id.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      if (this.idIs(entry - 1, id, 0, id.length)) return entry - 1;
    }
  };

  hasId = (i: number, id: string): boolean => this.idIs(i, id, 0, id.length);

  /** Whether row i's id is text[from, to), compared in place (no string made). */
  private idIs(i: number, text: string, from: number, to: number): boolean {
    const c = this.chunkOf[i]!;
    const chunk = this.chunks[c]!;
    const at = (i - this.firsts[c]!) * TEXT_CELL_COUNT;
    const start = chunk.starts[at]!;
    if (chunk.starts[at + 1]! - start !== to - from) return false;
    return sameUnits(chunk.text, start, text, from, to - from);
  }

  private buildSlots(): Int32Array {
    let size = 16;
    while (size < this.length * 2) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      const first = this.firsts[c]!;
      for (let row = 0; row < chunk.rows; row++) {
        const at = row * TEXT_CELL_COUNT;
        const from = chunk.starts[at]!;
        const to = chunk.starts[at + 1]!;
        const i = first + row;
        let slot = hashOfText(chunk.text, from, to) & mask;
        // An id seen before (never in a copy Salesforce gave; kept as a Map would): the later row answers.
        while (slots[slot] !== 0 && !this.idIs(slots[slot]! - 1, chunk.text, from, to)) slot = (slot + 1) & mask;
        slots[slot] = i + 1;
      }
    }
    return slots;
  }
}
