import type { InvoiceColumnsWriter } from '../../../contract/invoice-columns';
import { TEXT_CELL_COUNT, type ColumnChunk } from '../snapshot/row-columns';
import { hashOfText } from '../snapshot/text-in-place';

/**
 * When a list's table of values is started again (at a window's start): beyond this many distinct values it holds
 * more than any few windows need (a copy whose customers are all different); a window itself meets at most ~6 per row.
 */
const MOST_VALUES = 1 << 17;

/**
 * A list's shared values (customer, account id, dates, status, currency, the payment figures' dates), each found once
 * for every window of the list, and each window's table of strings made from them (issue #19, every invoice loaded).
 *
 * Rows of the default order come in runs of one date, one status …: each shared cell is compared in place with the
 * previous row's value of its field first (no string made for a repeat), then found by a hash of its characters in an
 * open-addressing table of the values met so far. Those values are the list's, not one window's: at 1,000,000
 * invoices a 10,000-row window meets ~3,300 customers and as many account ids for the first time in that window, but
 * the whole copy holds only ~5,000 of each (core29, counted over the bench's 1M copy: 670,000 first meetings in the
 * windows, 11,000 distinct values in the list). Each first meeting in a window made a string (a slice of the chunk's
 * text), hashed it again in the window's Map and copied its characters; now a value found before costs a look at
 * two small arrays (is it in this window's strings yet, and where), and only a value new to the list is sliced.
 */
export class SharedValues {
  private slots = new Int32Array(4096);
  private used = 0;
  /**
   * Per value: its string, and its characters in `chars` (`bounds[2v]` to `bounds[2v + 1]`): what a cell is compared
   * with. Its string would do, but a value of 13 characters or more sliced from a chunk's text is a view of that text
   * (V8's sliced string) where the value was first met — anywhere in the copy — so every compare with a customer or an
   * account id was one more cache miss (core28: ~20 % of a 1M window pass's samples). These stay together.
   */
  private strings: string[] = [];
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private bounds = new Int32Array(4096);
  /** Per value: its place in the current window's strings, valid where `stamps` holds the window's serial. */
  private places = new Int32Array(2048);
  private stamps = new Int32Array(2048);
  private serial = 0;
  private out: InvoiceColumnsWriter | null = null;
  /** Per cell number, the value (and its window place) of the previous row, -1 for none. */
  private readonly lastValue = new Int32Array(TEXT_CELL_COUNT);
  private readonly lastPlace = new Int32Array(TEXT_CELL_COUNT);

  /** `mostValues`: how many distinct values the list keeps before it starts again at a window's start (MOST_VALUES). */
  constructor(private readonly mostValues = MOST_VALUES) {}
  /** Per cell number, what `cell`'s `by` keeps (besides()). */
  private beside: (Int32Array | undefined)[] = [];

  /** A window starts: its strings are `out`'s. */
  begin(out: InvoiceColumnsWriter): void {
    this.out = out;
    this.lastValue.fill(-1);
    if (this.strings.length > this.mostValues) this.clear();
    // A new serial leaves every value out of the new window's strings; stamps start again before the serial could wrap.
    if (++this.serial === 0x4000_0000) {
      this.stamps.fill(0);
      this.serial = 1;
    }
  }

  /**
   * Row k's cell `cell` of a chunk (its row's cells start at `c`) into `cells` as a place in the window's strings: `none`
   * when its null bit is set. Its value (-1 for null) is returned. `by`: the value of another of the row's cells this
   * one mostly goes with (a customer's account id and currency: one each), or -1 — the value last met beside it is
   * compared before the table is searched: at 1,000,000 invoices 994,640 of the 999,617 account ids that differ from
   * the previous row's are the one last met with the row's customer, as are 720,919 of the 724,522 currencies (core29,
   * counted over the bench's 1M copy).
   */
  cell(cells: Uint32Array, k: number, chunk: ColumnChunk, c: number, cell: number, nulls: number, none: number, by = -1): number {
    if (nulls & (1 << cell)) {
      cells[k] = none;
      return -1;
    }
    const text = chunk.text;
    const from = chunk.starts[c + cell]!;
    const to = chunk.starts[c + cell + 1]!;
    const last = this.lastValue[cell]!;
    if (last >= 0 && this.same(last, text, from, to)) {
      cells[k] = this.lastPlace[cell]!;
      return last;
    }
    let value: number;
    if (by >= 0) {
      const beside = this.besides(cell);
      const met = beside[by]! - 1;
      if (met >= 0 && this.same(met, text, from, to)) value = met;
      else beside[by] = (value = this.find(text, from, to)) + 1;
    } else value = this.find(text, from, to);
    this.lastValue[cell] = value;
    cells[k] = this.lastPlace[cell] = this.placeOf(value);
    return value;
  }

  /** Per value of another cell, the value of cell `cell` last met beside it, + 1 (0: none yet). */
  private besides(cell: number): Int32Array {
    let beside = this.beside[cell];
    if (!beside || beside.length < this.places.length) beside = this.beside[cell] = beside ? grown(beside, this.places.length) : new Int32Array(this.places.length);
    return beside;
  }

  /** The place of a value given as a string (a payment figure's date) in the window's strings. */
  string(value: string): number {
    return this.placeOf(this.find(value, 0, value.length));
  }

  /** The value's place in the window's strings: added there the first time the window meets it. */
  private placeOf(value: number): number {
    if (this.stamps[value] === this.serial) return this.places[value]!;
    this.stamps[value] = this.serial;
    return (this.places[value] = this.out!.add(this.strings[value]!));
  }

  /** The value text[from, to) (added to the list's values the first time). */
  private find(text: string, from: number, to: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOfText(text, from, to) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        const value = this.keep(text, from, to);
        this.slots[slot] = value + 1;
        if (++this.used * 2 > this.slots.length) this.grow();
        return value;
      }
      if (this.same(entry - 1, text, from, to)) return entry - 1;
    }
  }

  /** Whether value `value` is text[from, to), last character first (values that differ mostly differ at their end). */
  private same(value: number, text: string, from: number, to: number): boolean {
    const start = this.bounds[2 * value]!;
    let k = this.bounds[2 * value + 1]! - start;
    if (k !== to - from) return false;
    const chars = this.chars;
    while (k-- > 0) if (chars[start + k] !== text.charCodeAt(from + k)) return false;
    return true;
  }

  /** A new value, text[from, to): its string and its characters kept. */
  private keep(text: string, from: number, to: number): number {
    const value = this.strings.push(text.slice(from, to)) - 1;
    if (2 * value + 1 >= this.bounds.length) this.bounds = grown(this.bounds, 2 * value + 2);
    if (value >= this.places.length) {
      this.places = grown(this.places, value + 1);
      this.stamps = grown(this.stamps, value + 1);
    }
    const start = this.charsUsed;
    const end = start + (to - from);
    if (end > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, end));
      chars.set(this.chars.subarray(0, start));
      this.chars = chars;
    }
    for (let k = from, at = start; k < to; k++) this.chars[at++] = text.charCodeAt(k);
    this.bounds[2 * value] = start;
    this.bounds[2 * value + 1] = this.charsUsed = end;
    return value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      const value = this.strings[entry - 1]!;
      let slot = hashOfText(value, 0, value.length) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }

  private clear(): void {
    this.slots = new Int32Array(4096);
    this.used = 0;
    this.strings = [];
    this.charsUsed = 0;
    this.beside = [];
  }
}

/** `array` with room for at least `size` entries (doubled), its entries kept. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(array.length * 2, size));
  bigger.set(array);
  return bigger;
}
