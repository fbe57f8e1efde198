import type { RecordTable, RelatedRecord, RelatedValue } from '../related/related-copy';
import type { RelatedRole } from '../related/related-specs';
import { isoDayOf, localDay, localDayNumber } from './local-day';

/** One entry of the ledger's index: a payment, credit note or application, with its record. */
interface Indexed {
  role: RelatedRole;
  object: string;
  record: RelatedRecord;
}

/** An application with its day (applied day, else created; local-day.ts), worked out once per copy, not at every count. */
interface IndexedApplication extends Indexed {
  date: string | null;
}

/**
 * An entry of a record kept as columns (a Bulk object's CSV parts: related-copy.ts tableOf): its record is read from the
 * columns each time it is asked for — a short-lived object — so the index keeps no object per record of its own.
 */
class TableEntry {
  constructor(
    readonly role: RelatedRole,
    readonly object: string,
    private readonly table: RecordTable,
    private readonly row: number,
    readonly date: string | null = null,
  ) {}

  get record(): RelatedRecord {
    return this.table.record(this.row);
  }
}

/** Where the index's entries come from: one related object, kept as columns (a table) or as records. */
export interface Origin {
  role: RelatedRole;
  object: string;
  table: RecordTable | null;
  records: readonly RelatedRecord[] | null;
  /** A table's columns by key, as first asked (`cellOf`). */
  columns?: Map<string, number>;
}

/** What `record[key]` holds for one row of an origin (null for a key it does not have), read from that cell alone. */
export function cellOf(origin: Origin, row: number, key: string): RelatedValue {
  const table = origin.table;
  if (!table) return origin.records![row]![key] ?? null;
  const columns = (origin.columns ??= new Map());
  let column = columns.get(key);
  if (column === undefined) columns.set(key, (column = table.column(key)));
  return table.value(row, column);
}

/** The id of one row of an origin. */
export const idOf = (origin: Origin, row: number): string => (origin.table ? origin.table.id(row) : origin.records![row]!.id);

/** The entry of one row of an origin: a table's made afresh when asked (short-lived), a record's holding the record itself. */
function entryOf(origin: Origin, row: number, date: string | null): IndexedApplication {
  return origin.table ? new TableEntry(origin.role, origin.object, origin.table, row, date) : { role: origin.role, object: origin.object, record: origin.records![row]!, date };
}

/** An application whose source was not looked up yet (ApplicationsByInvoice.sourceSlot). */
export const NOT_LOOKED_UP = -2;

/** A column of small integers that doubles as it fills (one typed array: no boxed number or object per entry). */
class IntColumn {
  values: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(capacity, 16));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const more = new Int32Array(this.values.length * 2);
      more.set(this.values);
      this.values = more;
    }
    this.values[this.length++] = value;
  }
}

/** The origins of a ledger, each by a small number (a slot keeps that number, not the object). */
class Origins {
  private readonly list: Origin[] = [];

  code(origin: Origin): number {
    const known = this.list.indexOf(origin);
    return known >= 0 ? known : this.list.push(origin) - 1;
  }

  at(code: number): Origin {
    return this.list[code]!;
  }
}

/**
 * The payments and credit notes by id: each id's origin and row, kept as numbers — its entry made when asked — not an object
 * per source (140k payments at 100k invoices: the first list window after a sync made and kept one each, BENCHMARKS session 19).
 * A later record of the same id takes the place of an earlier one, as a Map's set did.
 */
export class SourcesById {
  private readonly slots = new Map<string, number>();
  private readonly origins = new Origins();
  private readonly originOf: IntColumn;
  private readonly rows: IntColumn;

  constructor(capacity = 0) {
    this.originOf = new IntColumn(capacity);
    this.rows = new IntColumn(capacity);
  }

  add(origin: Origin, row: number, id: string): void {
    this.slots.set(id, this.rows.length);
    this.originOf.push(this.origins.code(origin));
    this.rows.push(row);
  }

  get(id: string): Indexed | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.entry(slot);
  }

  /** The slot of an id, -1 when there is none (then neither `cell` nor `entry` may be asked). */
  slotOf(id: string): number {
    return this.slots.get(id) ?? -1;
  }

  /** One cell of the source in a slot (`cellOf`): no whole record made for it. */
  cell(slot: number, key: string): RelatedValue {
    return cellOf(this.origins.at(this.originOf.values[slot]!), this.rows.values[slot]!, key);
  }

  entry(slot: number): Indexed {
    return entryOf(this.origins.at(this.originOf.values[slot]!), this.rows.values[slot]!, null);
  }
}

/**
 * The days of a ledger's applications, each by a small code (0: no day): a day number (local-day.ts localDayNumber) read from
 * the value's digits — no Date, no day string made per application — and its text made once per day. A value those rules do not
 * decide (a daylight-saving hour off the hour, an offset other than UTC's, a day that does not exist) keeps localDay's answer.
 */
class DayCodes {
  private readonly texts: (string | null)[] = [null];
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();

  /** The code of a value's day (local-day.ts), 0 when it has none. */
  code(value: unknown): number {
    const day = localDayNumber(value);
    if (!Number.isNaN(day)) {
      let code = this.byNumber.get(day);
      if (code === undefined) this.byNumber.set(day, (code = this.texts.push(isoDayOf(day)) - 1));
      return code;
    }
    const text = localDay(value);
    if (text === null) return 0;
    let code = this.byText.get(text);
    if (code === undefined) this.byText.set(text, (code = this.texts.push(text) - 1));
    return code;
  }

  text(code: number): string | null {
    return this.texts[code]!;
  }
}

/**
 * The applications (payment and credit) by invoice id: each invoice's applications as a chain of slots (origin, row, day code) in
 * typed arrays, in the order they were added — an invoice's entries are made when asked (short-lived), none kept per application
 * (157k at 100k invoices). `keys` gives the invoices in the order first met, as the Map of arrays did.
 */
export class ApplicationsByInvoice {
  /** Invoice id → its group. */
  private readonly groups = new Map<string, number>();
  private readonly first: IntColumn;
  private readonly last: IntColumn;
  /** Per slot: the next slot of its invoice (-1: none), its origin, row and day. */
  private readonly next: IntColumn;
  private readonly originOf: IntColumn;
  private readonly rows: IntColumn;
  private readonly dayOf: IntColumn;
  private readonly origins = new Origins();
  private readonly days = new DayCodes();
  /** Per slot: its source's slot once looked up (made at the first count: the index is complete by then). */
  private sourceSlots: Int32Array | null = null;

  constructor(capacity = 0) {
    this.first = new IntColumn(capacity);
    this.last = new IntColumn(capacity);
    this.next = new IntColumn(capacity);
    this.originOf = new IntColumn(capacity);
    this.rows = new IntColumn(capacity);
    this.dayOf = new IntColumn(capacity);
  }

  /** One application: its day is `date`'s (local-day.ts), else `created`'s. */
  add(origin: Origin, row: number, invoiceId: string, date: unknown, created: unknown): void {
    const slot = this.rows.length;
    this.next.push(-1);
    this.originOf.push(this.origins.code(origin));
    this.rows.push(row);
    const day = this.days.code(date);
    this.dayOf.push(day === 0 ? this.days.code(created) : day);
    const group = this.groups.get(invoiceId);
    if (group === undefined) {
      this.groups.set(invoiceId, this.first.length);
      this.first.push(slot);
      this.last.push(slot);
    } else {
      this.next.values[this.last.values[group]!] = slot;
      this.last.values[group] = slot;
    }
  }

  has(invoiceId: string): boolean {
    return this.groups.has(invoiceId);
  }

  /** The invoice's applications, in the order added (new entries: a caller may keep them). */
  get(invoiceId: string): IndexedApplication[] | undefined {
    const group = this.groups.get(invoiceId);
    if (group === undefined) return undefined;
    const out: IndexedApplication[] = [];
    const next = this.next.values;
    for (let slot = this.first.values[group]!; slot !== -1; slot = next[slot]!) {
      out.push(entryOf(this.origins.at(this.originOf.values[slot]!), this.rows.values[slot]!, this.days.text(this.dayOf.values[slot]!)));
    }
    return out;
  }

  /** Each of the invoice's applications in the order added, as its origin, row, day and slot: no entry or record made. */
  visit(invoiceId: string, visitor: (origin: Origin, row: number, date: string | null, slot: number) => void): void {
    const group = this.groups.get(invoiceId);
    if (group === undefined) return;
    const next = this.next.values;
    for (let slot = this.first.values[group]!; slot !== -1; slot = next[slot]!) {
      visitor(this.origins.at(this.originOf.values[slot]!), this.rows.values[slot]!, this.days.text(this.dayOf.values[slot]!), slot);
    }
  }

  /**
   * The slot in SourcesById of an application's payment or credit note as first looked up (`keepSourceSlot`; -1: not in the
   * copy), NOT_LOOKED_UP before: each application's source id is hashed and looked up once per copy, not at every count — the
   * list's figures are counted several times after a sync (the first window after a later sync compares every row with the
   * previous list's: ~0.7 s of main-thread CPU was that lookup and the invoice's, profile in BENCHMARKS session 23).
   */
  sourceSlot(slot: number): number {
    return this.sourceSlots === null ? NOT_LOOKED_UP : this.sourceSlots[slot]!;
  }

  keepSourceSlot(slot: number, source: number): number {
    (this.sourceSlots ??= new Int32Array(this.rows.length).fill(NOT_LOOKED_UP))[slot] = source;
    return source;
  }

  keys(): IterableIterator<string> {
    return this.groups.keys();
  }
}
