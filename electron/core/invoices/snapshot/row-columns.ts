import type { InvoiceRow } from '../../../contract';

/**
 * A copy's invoice rows as columns (issue #19, #22): a full sync keeps no row object per invoice. Each chunk (a page
 * of a sync, a segment of the copy) holds its text cells as ONE string (every cell of every row, one after the other)
 * with the cells' start offsets, which cells are null as bits, and the amounts in typed arrays. A chunk is a handful of
 * heap objects whatever its size — the collector has nothing to trace per row — and the copy's segment is encoded from
 * it without JSON (cache/column-segment.ts). Rows are made on demand (`rowAt`, `materialize`).
 */

/** The text cells, in the order a chunk holds them. */
export const TEXT_CELLS = ['id', 'number', 'customer', 'invoiceDate', 'dueDate', 'status', 'currency', 'lastModified', 'customerId'] as const;
export const TEXT_CELL_COUNT = TEXT_CELLS.length;
/** Null bits: one per text cell (bit k = TEXT_CELLS[k]), then the two amounts. */
export const TOTAL_NULL = 1 << TEXT_CELL_COUNT;
export const BALANCE_NULL = 1 << (TEXT_CELL_COUNT + 1);
/** Every bit a chunk's null mask may have. */
export const NULL_BITS = (1 << (TEXT_CELL_COUNT + 2)) - 1;

export interface ColumnChunk {
  rows: number;
  /** Every text cell of every row, row after row, in TEXT_CELLS order (a null cell is empty). */
  text: string;
  /**
   * Where each cell starts in `text` (rows × TEXT_CELL_COUNT + 1 offsets; the last is where the last cell ends). A chunk
   * made by a sync or read from the copy starts at 0 and ends at text.length; a view of a run of another chunk's rows
   * (`chunkView`) shares that chunk's text and arrays, and its offsets are where its run lies in that text.
   */
  starts: Uint32Array;
  /** Per row: which cells are null (bits as above). */
  nulls: Uint16Array;
  total: Float64Array;
  balance: Float64Array;
}

const cellAt = (chunk: ColumnChunk, row: number, cell: number): string | null => {
  if (chunk.nulls[row]! & (1 << cell)) return null;
  const at = row * TEXT_CELL_COUNT + cell;
  return chunk.text.slice(chunk.starts[at], chunk.starts[at + 1]);
};

/** One row of a chunk as the `InvoiceRow` the mapper makes (same keys, same order: one hidden class). No closure per row. */
export function chunkRow(chunk: ColumnChunk, row: number): InvoiceRow {
  const nulls = chunk.nulls[row]!;
  const { text, starts } = chunk;
  const at = row * TEXT_CELL_COUNT;
  return {
    id: text.slice(starts[at], starts[at + 1]),
    number: text.slice(starts[at + 1], starts[at + 2]),
    customer: nulls & 4 ? null : text.slice(starts[at + 2], starts[at + 3]),
    invoiceDate: nulls & 8 ? null : text.slice(starts[at + 3], starts[at + 4]),
    dueDate: nulls & 16 ? null : text.slice(starts[at + 4], starts[at + 5]),
    status: nulls & 32 ? null : text.slice(starts[at + 5], starts[at + 6]),
    total: nulls & TOTAL_NULL ? null : chunk.total[row]!,
    balance: nulls & BALANCE_NULL ? null : chunk.balance[row]!,
    currency: text.slice(starts[at + 6], starts[at + 7]),
    lastModified: nulls & 128 ? null : text.slice(starts[at + 7], starts[at + 8]),
    customerId: nulls & 256 ? undefined : text.slice(starts[at + 8], starts[at + 9]),
  };
}

/** One row of a chunk written into `into` (chunkRow's values, no new object): a reader of many rows one at a time reuses one. */
export function fillChunkRow(chunk: ColumnChunk, row: number, into: InvoiceRow): InvoiceRow {
  const nulls = chunk.nulls[row]!;
  const { text, starts } = chunk;
  const at = row * TEXT_CELL_COUNT;
  into.id = text.slice(starts[at], starts[at + 1]);
  into.number = text.slice(starts[at + 1], starts[at + 2]);
  into.customer = nulls & 4 ? null : text.slice(starts[at + 2], starts[at + 3]);
  into.invoiceDate = nulls & 8 ? null : text.slice(starts[at + 3], starts[at + 4]);
  into.dueDate = nulls & 16 ? null : text.slice(starts[at + 4], starts[at + 5]);
  into.status = nulls & 32 ? null : text.slice(starts[at + 5], starts[at + 6]);
  into.total = nulls & TOTAL_NULL ? null : chunk.total[row]!;
  into.balance = nulls & BALANCE_NULL ? null : chunk.balance[row]!;
  into.currency = text.slice(starts[at + 6], starts[at + 7]);
  into.lastModified = nulls & 128 ? null : text.slice(starts[at + 7], starts[at + 8]);
  into.customerId = nulls & 256 ? undefined : text.slice(starts[at + 8], starts[at + 9]);
  return into;
}

/**
 * Rows [from, to) of a chunk as a chunk of their own, with no copy: its text, and views of its arrays over the run (an
 * incremental sync's fold keeps a chunk's unchanged runs this way instead of copying its text: columns-fold.ts).
 */
export function chunkView(chunk: ColumnChunk, from: number, to: number): ColumnChunk {
  if (from === 0 && to === chunk.rows) return chunk;
  return {
    rows: to - from,
    text: chunk.text,
    starts: chunk.starts.subarray(from * TEXT_CELL_COUNT, to * TEXT_CELL_COUNT + 1),
    nulls: chunk.nulls.subarray(from, to),
    total: chunk.total.subarray(from, to),
    balance: chunk.balance.subarray(from, to),
  };
}

/** The text a chunk's cells lie in, from its first cell to its last (a view's run of its chunk's text; else the whole). */
export function chunkText(chunk: ColumnChunk): string {
  const from = chunk.starts[0]!;
  const to = chunk.starts[chunk.rows * TEXT_CELL_COUNT]!;
  return from === 0 && to === chunk.text.length ? chunk.text : chunk.text.slice(from, to);
}

/** The id of one row of a chunk (ids are never null). */
export const chunkId = (chunk: ColumnChunk, row: number): string => cellAt(chunk, row, 0)!;

/**
 * A chunk's text of at least this many characters is kept outside V8's heap when it is Latin-1: Node makes a string this
 * long from bytes (`chunk()`: `toString('latin1')`) an external string, its characters in memory of its own
 * (`EXTERN_APEX` = 0xFBEE9, src/string_bytes.cc, the same since Node 0.10; Electron's main process runs Node's code).
 * What a full sync keeps is this text (~115 MiB at 1,000,000 invoices). On the heap, every byte of it survived V8's
 * young generation once, and V8 doubles the young generation each time as many bytes as its size survived: it grew to
 * its largest, 128 MiB of the 1M sync's peak RSS. Outside, only each string's header does (issue #19; BENCHMARKS.md,
 * session 29: peak 398–400 → 379–389 MiB with the young generation held, 460–465 → 410–445 without). Text with a
 * character past U+00FF stays on the heap (a rope, flattened).
 */
export const EXTERNAL_TEXT_CHARS = 0xfbee9;

/** A builder's bytes before its first text cell (it takes a buffer only once it writes one). */
const NO_BYTES = Buffer.alloc(0);

/** Gathers rows into chunks: `add` each row, `chunk()` when a page (or segment) is complete. */
export class ColumnChunkBuilder {
  /** The chunk's text so far: appended to cell by cell (a rope V8 flattens once, in `chunk`; cheaper than joining parts). */
  private text = '';
  /**
   * While every character of the chunk is Latin-1 (U+0000–U+00FF: Salesforce's ids, numbers, dates, codes and the names
   * of Western Europe and the Americas), its text is written here as bytes instead, one a character, and made one flat
   * string at once in `chunk` (issue #22: no cons string per cell for the collector, no rope to flatten, and the copy's
   * segment gets a flat string to write; issue #19: a long one is kept outside V8's heap, `EXTERNAL_TEXT_CHARS`). The
   * first cell with a character past U+00FF turns the text so far into the rope's start, and the rest goes there.
   */
  private bytes = NO_BYTES;
  private used = 0;
  private latin1 = true;
  private starts = new Uint32Array(TEXT_CELL_COUNT * 256 + 1);
  private nulls = new Uint16Array(256);
  private totals = new Float64Array(256);
  private balances = new Float64Array(256);
  private count = 0;
  private cells = 0;

  get rows(): number {
    return this.count;
  }

  /** The characters of text the rows since the last chunk hold. */
  get textLength(): number {
    return this.latin1 ? this.used : this.text.length;
  }

  /** Whether every character since the last chunk is Latin-1 (its text is then made from bytes: `EXTERNAL_TEXT_CHARS`). */
  get allLatin1(): boolean {
    return this.latin1;
  }

  add(row: InvoiceRow): void {
    this.beginRow();
    let nulls = 0;
    nulls |= this.cell(row.id, 0);
    nulls |= this.cell(row.number, 1);
    nulls |= this.cell(row.customer, 2);
    nulls |= this.cell(row.invoiceDate, 3);
    nulls |= this.cell(row.dueDate, 4);
    nulls |= this.cell(row.status, 5);
    nulls |= this.cell(row.currency, 6);
    nulls |= this.cell(row.lastModified, 7);
    nulls |= this.cell(row.customerId ?? null, 8);
    this.endRow(nulls, row.total, row.balance);
  }

  /*
   * Writing a row cell by cell, with no row object (mapping/column-writer.ts): `beginRow`, then each of the
   * TEXT_CELLS in order — `putText` (or `putTextZ`) for a value, `putNull` for a null one, the caller keeping the null
   * bits — then `endRow` with the bits and the amounts.
   */

  /** Room for one more row. */
  beginRow(): void {
    if (this.count === this.nulls.length) this.grow();
  }

  /**
   * Rows [from, to) of a chunk as they are: the text as one slice, the cells' starts shifted, the null bits and the
   * amounts copied (an incremental sync's fold copies the unchanged runs of a chunk this way: no row object, no cell string).
   */
  copyRows(chunk: ColumnChunk, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    while (this.nulls.length < this.count + n) this.grow();
    this.leaveBytes();
    const first = from * TEXT_CELL_COUNT;
    const last = to * TEXT_CELL_COUNT;
    const shift = this.text.length - chunk.starts[first]!;
    this.text += chunk.text.slice(chunk.starts[first], chunk.starts[last]);
    for (let k = first + 1; k <= last; k++) this.starts[++this.cells] = chunk.starts[k]! + shift;
    this.nulls.set(chunk.nulls.subarray(from, to), this.count);
    this.totals.set(chunk.total.subarray(from, to), this.count);
    this.balances.set(chunk.balance.subarray(from, to), this.count);
    this.count += n;
  }

  /** The next text cell is `value`. */
  putText(value: string): void {
    if (this.latin1 && this.latin1Bytes(value)) {
      this.starts[++this.cells] = this.used;
      return;
    }
    this.text += value;
    this.starts[++this.cells] = this.text.length;
  }

  /**
   * The next text cell is `value`'s first `length` characters followed by 'Z' (an ISO instant rewritten from
   * Salesforce's +0000 form, without a slice of it made first).
   */
  putTextZ(value: string, length = value.length): void {
    if (this.latin1 && this.latin1Bytes(value, length)) {
      this.bytes[this.used++] = 90; // 'Z' (latin1Bytes keeps room for one more byte)
      this.starts[++this.cells] = this.used;
      return;
    }
    this.text += length === value.length ? value : value.slice(0, length);
    this.text += 'Z';
    this.starts[++this.cells] = this.text.length;
  }

  /** The next text cell is null (its bit goes into `endRow`'s `nulls`). */
  putNull(): void {
    this.starts[++this.cells] = this.latin1 ? this.used : this.text.length;
  }

  /** The chunk's text so far becomes the rope's start (exact: Latin-1 bytes are their characters); cells go there from now on. */
  private leaveBytes(): void {
    if (!this.latin1) return;
    this.text = this.bytes.toString('latin1', 0, this.used);
    this.latin1 = false;
  }

  /**
   * `value`'s first `length` characters appended as bytes when they are Latin-1 (true, with room for one more byte
   * after them); else nothing appended, the chunk's text so far handed to the rope (`leaveBytes`), and false.
   */
  private latin1Bytes(value: string, length = value.length): boolean {
    let bytes = this.bytes;
    const used = this.used;
    if (used + length + 1 > bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(bytes.length * 2, used + length + 1, 1 << 16));
      bytes.copy(grown, 0, 0, used);
      this.bytes = bytes = grown;
    }
    for (let k = 0; k < length; k++) {
      const code = value.charCodeAt(k);
      if (code > 255) {
        this.leaveBytes();
        return false;
      }
      bytes[used + k] = code;
    }
    this.used = used + length;
    return true;
  }

  /** The row's null bits (TEXT_CELLS' and the amounts') and its amounts. */
  endRow(nulls: number, total: number | null, balance: number | null): void {
    if (total === null) nulls |= TOTAL_NULL;
    else this.totals[this.count] = total;
    if (balance === null) nulls |= BALANCE_NULL;
    else this.balances[this.count] = balance;
    this.nulls[this.count++] = nulls;
  }

  private cell(value: string | null, cell: number): number {
    if (value === null) {
      this.putNull();
      return 1 << cell;
    }
    this.putText(value);
    return 0;
  }

  private grow(): void {
    const rows = this.nulls.length * 2;
    const grown = <T extends Uint32Array | Uint16Array | Float64Array>(from: T, to: T): T => (to.set(from), to);
    this.starts = grown(this.starts, new Uint32Array(rows * TEXT_CELL_COUNT + 1));
    this.nulls = grown(this.nulls, new Uint16Array(rows));
    this.totals = grown(this.totals, new Float64Array(rows));
    this.balances = grown(this.balances, new Float64Array(rows));
  }

  /** The rows added since the last chunk (null when none), and a fresh start. */
  chunk(): ColumnChunk | null {
    const rows = this.count;
    if (rows === 0) return null;
    // The Latin-1 bytes as one flat string; or the rope, which ToNumber flattens into one (the `flatstr` idiom): kept as
    // one object, not one per cell.
    const text = this.latin1 ? this.bytes.toString('latin1', 0, this.used) : this.text;
    if (!this.latin1) void Number(text);
    const chunk: ColumnChunk = {
      rows,
      text,
      starts: this.starts.slice(0, rows * TEXT_CELL_COUNT + 1),
      nulls: this.nulls.slice(0, rows),
      total: this.totals.slice(0, rows),
      balance: this.balances.slice(0, rows),
    };
    // The arrays are reused, and a null amount's place is not written: zeroed for the next chunk.
    this.totals.fill(0, 0, rows);
    this.balances.fill(0, 0, rows);
    this.text = '';
    this.used = 0;
    this.latin1 = true;
    this.count = 0;
    this.cells = 0;
    return chunk;
  }
}

/** Rows as chunks; chunks of rows (any sizes). */
export function chunksOf(rows: readonly InvoiceRow[], size: number): ColumnChunk[] {
  const chunks: ColumnChunk[] = [];
  const builder = new ColumnChunkBuilder();
  for (let i = 0; i < rows.length; i++) {
    builder.add(rows[i]!);
    if (builder.rows === size) chunks.push(builder.chunk()!);
  }
  const last = builder.chunk();
  if (last) chunks.push(last);
  return chunks;
}

/** A copy's rows as chunks, with what readers need: the count, one row, each id, every row. */
export class RowColumns {
  readonly length: number;
  /** Index of each chunk's first row. */
  private readonly firsts: number[] = [];

  constructor(readonly chunks: readonly ColumnChunk[]) {
    let length = 0;
    for (const chunk of chunks) {
      this.firsts.push(length);
      length += chunk.rows;
    }
    this.length = length;
  }

  rowAt(index: number): InvoiceRow | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    let low = 0;
    let high = this.firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.firsts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return chunkRow(this.chunks[low]!, index - this.firsts[low]!);
  }

  *ids(): Generator<string> {
    for (const chunk of this.chunks) for (let row = 0; row < chunk.rows; row++) yield chunkId(chunk, row);
  }

  /** Every row as an object (what the readers of a snapshot's `rows` get), in order. */
  materialize(): InvoiceRow[] {
    const rows = new Array<InvoiceRow>(this.length);
    let k = 0;
    for (const chunk of this.chunks) for (let row = 0; row < chunk.rows; row++) rows[k++] = chunkRow(chunk, row);
    return rows;
  }
}
