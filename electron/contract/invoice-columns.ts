import type { InvoiceListRow } from './models';

/**
 * A window of `invoices.list` as columns (issue #19: "rows as columns from the cache decoder to the grid"): per field one
 * typed array with a cell per row, and the window's text in a few strings. It crosses as a structured clone (Electron) or
 * the harness's serializer as a handful of strings and arrays instead of thousands of objects, and the renderer's rows
 * made from it share each distinct string (a customer, a date, a status, a currency) instead of holding a copy per row.
 * Two kinds of text field: shared ones (each distinct value once in `strings`, the cells point at it) and own ones (id,
 * number, last modified: a value per invoice), whose values lie one after the other in ONE string per field, the cells
 * saying where each ends: a string per invoice and field was most of a window's structured clone (core26, BENCHMARKS
 * session 26: the clone of the 1M load's windows was 1.4–2.0 s of the bench's estimate).
 * Exact: `decodeInvoiceColumns(encodeInvoiceColumns(rows))` gives rows equal to `rows` field by field, with the same
 * fields present (a null stays null, an absent optional field stays absent). Free of zod: the renderer imports it.
 */
export interface InvoiceColumns {
  /** Rows in the window. */
  length: number;
  /** The window's shared values (a customer, an account id, a date, a status, a currency), each once. */
  strings: string[];
  /** Per own field: every row's value, one after the other (a null one adds nothing). */
  own: Record<OwnField, string>;
  /**
   * Per text field, per row: for a shared field the place of its value in `strings`; for an own field where its value
   * ends in `own` (it starts where the previous row's ended, 0 for the first row) — or STRING_NULL / STRING_ABSENT.
   */
  text: Record<TextField, Text>;
  /** Per number field, per row: the value (0 where `missing` says null or absent). */
  numbers: Record<NumberField, Numbers>;
  /** Per number field: per row NUMBER_PRESENT / NUMBER_NULL / NUMBER_ABSENT, or null when every row holds a number. */
  missing: Record<NumberField, Marks | null>;
}

export const textFields = ['id', 'number', 'customer', 'invoiceDate', 'dueDate', 'status', 'currency', 'lastModified', 'customerId', 'lastPaymentDate', 'fullyPaidOn'] as const;
export const numberFields = ['total', 'balance', 'paid', 'credited', 'daysToPay'] as const;
/** Text fields whose values are (nearly) all different, one per invoice: the window's `own` text, not its `strings`. */
const ownFields = ['id', 'number', 'lastModified'] as const;
export type TextField = (typeof textFields)[number];
export type NumberField = (typeof numberFields)[number];
type OwnField = (typeof ownFields)[number];
type SharedField = Exclude<TextField, OwnField>;

/** A text cell that is null. */
export const STRING_NULL = 0xffff_ffff;
/** A text cell whose field the row does not have (an optional field). */
export const STRING_ABSENT = 0xffff_fffe;
export const NUMBER_PRESENT = 0;
export const NUMBER_NULL = 1;
export const NUMBER_ABSENT = 2;

/** One reader per field (a property read by a name in a variable was a third of the encoding's time). */
const readers: Record<TextField | NumberField, (row: InvoiceListRow) => unknown> = {
  id: (row) => row.id,
  number: (row) => row.number,
  customer: (row) => row.customer,
  invoiceDate: (row) => row.invoiceDate,
  dueDate: (row) => row.dueDate,
  status: (row) => row.status,
  currency: (row) => row.currency,
  lastModified: (row) => row.lastModified,
  customerId: (row) => row.customerId,
  lastPaymentDate: (row) => row.lastPaymentDate,
  fullyPaidOn: (row) => row.fullyPaidOn,
  total: (row) => row.total,
  balance: (row) => row.balance,
  paid: (row) => row.paid,
  credited: (row) => row.credited,
  daysToPay: (row) => row.daysToPay,
};
const OWN: ReadonlySet<TextField> = new Set(ownFields);
/** Optional number fields a row has as a number or not at all (never null). */
const NEVER_NULL: ReadonlySet<NumberField> = new Set(['paid', 'credited']);
type Text = Uint32Array<ArrayBuffer>;
type Numbers = Float64Array<ArrayBuffer>;
type Marks = Uint8Array<ArrayBuffer>;

/**
 * A window's columns written cell by cell, each field's cells in row order: by `encodeInvoiceColumns` from rows, and by
 * the core straight from its copy's columns (electron/core/invoices/read/window-columns.ts), with no row object.
 */
export class InvoiceColumnsWriter {
  private readonly strings: string[] = [];
  private readonly places = new Map<string, number>();
  readonly text = {} as Record<TextField, Text>;
  private readonly numbers = {} as Record<NumberField, Numbers>;
  private readonly missing = {} as Record<NumberField, Marks | null>;
  /** Per own field, each row's value (undefined: absent), in row order once written: the cells are their ends. */
  private readonly values: Record<OwnField, (string | null | undefined)[]>;

  constructor(readonly length: number) {
    this.values = { id: new Array(length), number: new Array(length), lastModified: new Array(length) };
    for (const field of textFields) this.text[field] = new Uint32Array(length);
    for (const field of numberFields) {
      this.numbers[field] = new Float64Array(length);
      this.missing[field] = null;
    }
  }

  /** The place of a shared value in the window's strings (added the first time it comes). */
  place(value: string): number {
    let at = this.places.get(value);
    if (at === undefined) {
      at = this.strings.push(value) - 1;
      this.places.set(value, at);
    }
    return at;
  }

  /**
   * A shared value the caller knows the window's strings do not hold yet (it keeps its own table of them:
   * electron/core/invoices/read/shared-values.ts); its place. Not for a writer that also places values by `place`.
   */
  add(value: string): number {
    return this.strings.push(value) - 1;
  }

  /** Row i's value of an own field (rows in any order). */
  own(field: OwnField, i: number, value: string | null | undefined): void {
    this.values[field][i] = value;
  }

  /** Row i's value of a number field. */
  number(field: NumberField, i: number, value: unknown): void {
    if (typeof value === 'number') this.numbers[field][i] = value;
    else (this.missing[field] ??= new Uint8Array(this.length))[i] = value === undefined ? NUMBER_ABSENT : NUMBER_NULL;
  }

  /** No row has these fields (a copy without payment figures). */
  absent(textFields: readonly SharedField[], numberFields: readonly NumberField[]): void {
    for (const field of textFields) this.text[field].fill(STRING_ABSENT);
    for (const field of numberFields) this.missing[field] = new Uint8Array(this.length).fill(NUMBER_ABSENT);
  }

  /** The window's columns; `written`: the own texts when the caller wrote them and their ends itself. */
  columns(written?: Record<OwnField, string>): InvoiceColumns {
    if (written) return { length: this.length, strings: this.strings, own: written, text: this.text, numbers: this.numbers, missing: this.missing };
    const own = {} as Record<OwnField, string>;
    for (const field of ownFields) {
      const values = this.values[field];
      const cells = this.text[field];
      let end = 0;
      for (let i = 0; i < this.length; i++) {
        const value = values[i];
        cells[i] = value === undefined ? STRING_ABSENT : value === null ? STRING_NULL : (end += value.length);
      }
      // join: a null or absent value adds nothing.
      own[field] = values.join('');
    }
    return { length: this.length, strings: this.strings, own, text: this.text, numbers: this.numbers, missing: this.missing };
  }
}

/** The rows as columns (see InvoiceColumns). */
export function encodeInvoiceColumns(rows: readonly InvoiceListRow[]): InvoiceColumns {
  const n = rows.length;
  const out = new InvoiceColumnsWriter(n);
  for (const field of textFields) {
    const read = readers[field];
    if (OWN.has(field)) {
      for (let i = 0; i < n; i++) out.own(field as OwnField, i, read(rows[i]!) as string | null | undefined);
      continue;
    }
    const cells = out.text[field];
    // Rows in the default order come in runs of one date, one status …: the previous cell's place is checked first.
    let last: unknown = undefined;
    let lastAt = 0;
    for (let i = 0; i < n; i++) {
      const value = read(rows[i]!);
      if (value === undefined) cells[i] = STRING_ABSENT;
      else if (value === null) cells[i] = STRING_NULL;
      else if (value === last) cells[i] = lastAt;
      else {
        cells[i] = lastAt = out.place(value as string);
        last = value;
      }
    }
  }
  for (const field of numberFields) {
    const read = readers[field];
    for (let i = 0; i < n; i++) out.number(field, i, read(rows[i]!));
  }
  return out.columns();
}

/** What is wrong with a window's columns (a length that differs, a place outside the string table …), or null. */
export function invoiceColumnsProblem(columns: InvoiceColumns): string | null {
  const n = columns.length;
  const count = columns.strings.length;
  for (const field of textFields) {
    const cells = columns.text[field];
    if (cells.length !== n) return `the ${field} column has ${cells.length} cells for ${n} rows`;
    if (OWN.has(field)) continue;
    for (let i = 0; i < n; i++) {
      const at = cells[i]!;
      if (at >= count && at !== STRING_NULL && at !== STRING_ABSENT) return `the ${field} of row ${i} points outside the window's strings`;
    }
  }
  for (const field of numberFields) {
    if (columns.numbers[field].length !== n) return `the ${field} column has ${columns.numbers[field].length} cells for ${n} rows`;
    const marks = columns.missing[field];
    if (!marks) continue;
    if (marks.length !== n) return `the ${field} marks have ${marks.length} cells for ${n} rows`;
    // A mark is one of the three; paid and credited are a number or absent, never null (invoiceListRowSchema).
    const highest = NEVER_NULL.has(field) ? NUMBER_PRESENT : NUMBER_NULL;
    for (let i = 0; i < n; i++) {
      const mark = marks[i]!;
      if (mark > highest && mark !== NUMBER_ABSENT) return `the ${field} of row ${i} is marked ${mark}`;
    }
  }
  for (const field of ['id', 'number'] as const) {
    const cells = columns.text[field];
    for (let i = 0; i < n; i++) if (cells[i]! >= STRING_ABSENT) return `row ${i} has no ${field}`;
  }
  for (const field of ownFields) {
    const text = columns.own?.[field];
    if (typeof text !== 'string') return `the window has no ${field} text`;
    // Each value ends where the next starts: ends never go back, and the last one is the text's end.
    const cells = columns.text[field];
    let end = 0;
    for (let i = 0; i < n; i++) {
      const at = cells[i]!;
      if (at === STRING_NULL || at === STRING_ABSENT) continue;
      if (at < end || at > text.length) return `the ${field} of row ${i} lies outside the window's ${field} text`;
      end = at;
    }
    if (end !== text.length) return `the window's ${field} text holds more than its rows' values`;
  }
  const currencies = columns.text.currency;
  for (let i = 0; i < n; i++) if (currencies[i]! >= count) return `row ${i} has no currency`;
  // The customer's account id is a string or absent, never null (invoiceRowSchema).
  const customerIds = columns.text.customerId;
  for (let i = 0; i < n; i++) if (customerIds[i] === STRING_NULL) return `the customerId of row ${i} is null`;
  return null;
}

/**
 * One string per distinct shared value (a customer, an account id, a date, a status, a currency) over every window of a
 * load: each window's table holds its own copy of the values its rows share (at 1,000,000 invoices, 100 windows of
 * ~4,300 customers and their account ids each: ~29 MiB of copies kept by the rows; load25's heap snapshot).
 */
export type SharedStrings = Map<string, string>;

/**
 * The window's rows (exactly the rows encoded): each shared value is one string shared by every row that holds it —
 * across windows too, with `shared` (the same map for every window of a load).
 * Throws a clear error for columns that do not fit together (see invoiceColumnsProblem): no row is made from them.
 */
export function decodeInvoiceColumns(columns: InvoiceColumns, shared: SharedStrings = new Map()): InvoiceListRow[] {
  const problem = invoiceColumnsProblem(columns);
  if (problem) throw new Error(`The invoice list window is malformed: ${problem}.`);
  const { length: n, strings, own, text, numbers, missing } = columns;
  // A place of the table → the load's string of that value, looked up once per place (not per cell).
  const canonical = new Array<string | undefined>(strings.length);
  const str = (cells: Uint32Array, i: number): string | null => {
    const at = cells[i]!;
    if (at === STRING_NULL || at === STRING_ABSENT) return null;
    let value = canonical[at];
    if (value === undefined) {
      const held = strings[at]!;
      value = shared.get(held);
      if (value === undefined) shared.set(held, (value = held));
      canonical[at] = value;
    }
    return value;
  };
  // Each column and its marks read once, not by the field's name per cell (issue #19: the renderer decodes every
  // window of the first load; by name it took 13-37 ms per 100,000 rows in Node, load ~10, load19).
  const { id, number, customer, invoiceDate, dueDate, status, currency, lastModified, customerId, lastPaymentDate, fullyPaidOn } = text;
  const { total, balance, paid, credited, daysToPay } = numbers;
  const totalMarks = missing.total;
  const balanceMarks = missing.balance;
  const paidMarks = missing.paid;
  const creditedMarks = missing.credited;
  const daysMarks = missing.daysToPay;
  // The own fields' values, read in row order: each starts where the previous row's ended (ids and numbers are never null).
  const ids = own.id;
  const numberTexts = own.number;
  const instants = own.lastModified;
  let idAt = 0;
  let numberAt = 0;
  let instantAt = 0;
  const nextId = (i: number) => ids.slice(idAt, (idAt = id[i]!));
  const nextNumber = (i: number) => numberTexts.slice(numberAt, (numberAt = number[i]!));
  const modified = (i: number) => {
    const end = lastModified[i]!;
    if (end >= STRING_ABSENT) return null;
    return instants.slice(instantAt, (instantAt = end));
  };
  const amount = (values: Float64Array, marks: Marks | null, i: number) => (marks && marks[i] !== NUMBER_PRESENT ? null : values[i]!);
  const days = (i: number) => (daysMarks && daysMarks[i] === NUMBER_NULL ? null : daysToPay[i]!);
  // The optional fields every row of the window has (or none has) go in the row's literal: a field added to an object
  // after its literal lives in a second object (V8's property array, ~20 bytes a row; load25's heap snapshot). So the
  // literal is written out once per shape (duplicates lists them): a shared helper would add the fields after it.
  const accounts = everywhere(customerId, n);
  const figures = paidEverywhere(columns);
  const rows = new Array<InvoiceListRow>(n);
  for (let i = 0; i < n; i++) {
    if (accounts === ALL && figures === ALL) {
      rows[i] = {
        id: nextId(i),
        number: nextNumber(i),
        customer: str(customer, i),
        invoiceDate: str(invoiceDate, i),
        dueDate: str(dueDate, i),
        status: str(status, i),
        total: amount(total, totalMarks, i),
        balance: amount(balance, balanceMarks, i),
        currency: str(currency, i)!,
        lastModified: modified(i),
        customerId: str(customerId, i)!,
        paid: paid[i]!,
        credited: credited[i]!,
        lastPaymentDate: str(lastPaymentDate, i),
        fullyPaidOn: str(fullyPaidOn, i),
        daysToPay: days(i),
      };
      continue;
    }
    if (accounts === ALL && figures === NONE) {
      rows[i] = {
        id: nextId(i),
        number: nextNumber(i),
        customer: str(customer, i),
        invoiceDate: str(invoiceDate, i),
        dueDate: str(dueDate, i),
        status: str(status, i),
        total: amount(total, totalMarks, i),
        balance: amount(balance, balanceMarks, i),
        currency: str(currency, i)!,
        lastModified: modified(i),
        customerId: str(customerId, i)!,
      };
      continue;
    }
    const row: InvoiceListRow = {
      id: nextId(i),
      number: nextNumber(i),
      customer: str(customer, i),
      invoiceDate: str(invoiceDate, i),
      dueDate: str(dueDate, i),
      status: str(status, i),
      total: amount(total, totalMarks, i),
      balance: amount(balance, balanceMarks, i),
      currency: str(currency, i)!,
      lastModified: modified(i),
    };
    // Optional fields: present exactly where the encoded row had them (null included; paid and credited are never null).
    if (customerId[i] !== STRING_ABSENT) row.customerId = str(customerId, i) as string;
    if (!paidMarks || paidMarks[i] !== NUMBER_ABSENT) row.paid = paid[i]!;
    if (!creditedMarks || creditedMarks[i] !== NUMBER_ABSENT) row.credited = credited[i]!;
    if (lastPaymentDate[i] !== STRING_ABSENT) row.lastPaymentDate = str(lastPaymentDate, i);
    if (fullyPaidOn[i] !== STRING_ABSENT) row.fullyPaidOn = str(fullyPaidOn, i);
    const daysMark = daysMarks ? daysMarks[i]! : NUMBER_PRESENT;
    if (daysMark !== NUMBER_ABSENT) row.daysToPay = days(i);
    rows[i] = row;
  }
  return rows;
}

/** Whether every row of the window has an optional text field (ALL), none has it (NONE), or some have it (SOME). */
const ALL = 0;
const NONE = 1;
const SOME = 2;
function everywhere(cells: Text, n: number): typeof ALL | typeof NONE | typeof SOME {
  let absent = 0;
  for (let i = 0; i < n; i++) if (cells[i] === STRING_ABSENT) absent++;
  return absent === 0 ? ALL : absent === n ? NONE : SOME;
}

/** The same for the payment figures, together (paid, credited, last payment, fully paid on, days to pay): SOME unless all agree. */
function paidEverywhere({ length: n, text, missing }: InvoiceColumns): typeof ALL | typeof NONE | typeof SOME {
  const each = [everywhere(text.lastPaymentDate, n), everywhere(text.fullyPaidOn, n), ...(['paid', 'credited', 'daysToPay'] as const).map((field) => marked(missing[field], n))];
  return each.every((kind) => kind === each[0]) ? each[0]! : SOME;
}

/** everywhere() for a number field's marks (null marks: every row holds a number). */
function marked(marks: Marks | null, n: number): typeof ALL | typeof NONE | typeof SOME {
  if (!marks) return ALL;
  let absent = 0;
  for (let i = 0; i < n; i++) if (marks[i] === NUMBER_ABSENT) absent++;
  return absent === 0 ? ALL : absent === n ? NONE : SOME;
}
