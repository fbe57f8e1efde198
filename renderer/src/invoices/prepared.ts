import type { InvoiceListRow } from '../../../electron/contract';
import { kindOfStatus, type StatusKind, type StatusKindMap } from '../../../electron/contract/invoice-status';
import { dayNumber } from './plain-date';
import { buildSearchText, type SearchText } from './text-search';
import { customerKey, NO_CUSTOMER } from '../../../electron/contract/customer-aging';

export { customerKey, NO_CUSTOMER };

/** An invoice's status kind, as prepared.kind holds it. */
const KIND_POSTED = 0;
export const KIND_DRAFT = 1;
export const KIND_CANCELLED = 2;
const KIND_CODES = { posted: KIND_POSTED, draft: KIND_DRAFT, cancelled: KIND_CANCELLED } as const;

/** What counts as a receivable: posted invoices, and drafts when the user includes them. */
export interface ReceivableRules {
  /** What each status value means (from the invoice-source mapping); absent: every status counts as posted. */
  statusKinds?: StatusKindMap;
  /**
   * Each row's own meanings, over `statusKinds` (All connections: the row's org's — one org's "Pending" may be a
   * draft where another's is posted, and each org's invoices count as in that org's own view).
   */
  statusKindsOf?: (row: InvoiceListRow) => StatusKindMap | undefined;
  includeDrafts?: boolean;
}

/** A row's status kind under the rules (its own map when the rules give one per row). */
const kindOfRow = (row: InvoiceListRow, rules: ReceivableRules) => kindOfStatus(rules.statusKindsOf ? rules.statusKindsOf(row) : rules.statusKinds, row.status);

/**
 * The invoice list with what every filter, sort and total needs computed once per sync
 * (not once per keystroke): day numbers of the dates and the lower-cased search text.
 */
export interface PreparedInvoices {
  rows: readonly InvoiceListRow[];
  /** Day numbers (NaN when the date is empty). */
  invoiceDay: Float64Array;
  dueDay: Float64Array;
  /** number + customer, lower-cased, for the global search (one string: text-search.ts). */
  search: SearchText;
  /** Distinct values present, sorted, for the filter pickers. */
  statuses: string[];
  currencies: string[];
  /** Distinct customers (see customerKey), sorted, NO_CUSTOMER last when some invoice has none. */
  customers: string[];
  /** KIND_POSTED / KIND_DRAFT / KIND_CANCELLED per row. */
  kind: Uint8Array;
  /** 1 when the row counts in receivables (balance, aging, overdue, the cards' figures). */
  counted: Uint8Array;
}

export const NO_STATUS = '(no status)';
export function prepareInvoices(rows: readonly InvoiceListRow[], rules: ReceivableRules = {}): PreparedInvoices {
  // What does not depend on the rules: made window by window as the list loaded (workspace/list-parts.ts), else here, once per list.
  const facts = rowFactsOf(rows);
  // The kinds too, when the list's windows were read under these same rules (receivable-pieces.ts).
  const joined = joinedKinds.get(rows);
  const kinds = joined && joined.rules !== null && joined.rules === rulesKey(rules) ? joined.kinds : kindsPiece(rows, rules);
  return { rows, ...facts, search: buildSearchText(rows), ...kinds };
}

/** Each row's status kind and whether it counts in receivables, under the rules. */
export type Kinds = Pick<PreparedInvoices, 'kind' | 'counted'>;

/** The kinds of these rows (one window's as the list loads: receivable-pieces.ts; every row's in prepareInvoices). */
export function kindsPiece(rows: readonly InvoiceListRow[], rules: ReceivableRules): Kinds {
  const n = rows.length;
  const kind = new Uint8Array(n);
  const counted = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // The status's kind read once per row (it was twice: for the kind and for counted).
    const rowKind = kindOfRow(rows[i]!, rules);
    kind[i] = KIND_CODES[rowKind];
    counted[i] = countsOfKind(rowKind, rules) ? 1 : 0;
  }
  return { kind, counted };
}

/** What the kinds depend on, as a key; null for rules of a row's own (All connections': never joined). */
export function rulesKey(rules: ReceivableRules): string | null {
  return rules.statusKindsOf ? null : JSON.stringify([rules.statusKinds ?? null, rules.includeDrafts === true]);
}

/** Kinds joined from a list's windows, and the rules they were made under (rulesKey). */
const joinedKinds = new WeakMap<readonly InvoiceListRow[], { rules: string | null; kinds: Kinds }>();

/**
 * The kinds of `rows` from the pieces of its windows in order (the rows are those windows' rows, one after the other:
 * workspace/list-parts.ts checks it), made under `rules`: what prepareInvoices then takes for these rows under the
 * same rules (under other rules it reads the rows again).
 */
export function joinKinds(rows: readonly InvoiceListRow[], rules: ReceivableRules, pieces: readonly Kinds[]): Kinds {
  const n = rows.length;
  const kinds = pieces.length === 1 ? pieces[0]! : { kind: new Uint8Array(n), counted: new Uint8Array(n) };
  let at = 0;
  for (const piece of pieces) {
    if (piece !== kinds) {
      kinds.kind.set(piece.kind, at);
      kinds.counted.set(piece.counted, at);
    }
    at += piece.kind.length;
  }
  joinedKinds.set(rows, { rules: rulesKey(rules), kinds });
  return kinds;
}

/** What prepareInvoices reads of a list whatever the rules: the dates' day numbers and the distinct values, sorted. */
type RowFacts = Pick<PreparedInvoices, 'invoiceDay' | 'dueDay' | 'statuses' | 'currencies' | 'customers'>;

/** The same of one window of a list, its distinct values in the order they first come (joined by `joinRowFacts`). */
export interface RowFactsPiece {
  invoiceDay: Float64Array;
  dueDay: Float64Array;
  statuses: Set<string>;
  currencies: Set<string>;
  customers: Set<string>;
}

const factsOf = new WeakMap<readonly InvoiceListRow[], RowFacts>();

function rowFactsOf(rows: readonly InvoiceListRow[]): RowFacts {
  let facts = factsOf.get(rows);
  if (!facts) {
    joinRowFacts(rows, [rowFactsPiece(rows)]);
    facts = factsOf.get(rows)!;
  }
  return facts;
}

/** The day numbers and distinct values of one window's rows (made while the next window crosses: workspace/list-parts.ts). */
export function rowFactsPiece(rows: readonly InvoiceListRow[]): RowFactsPiece {
  const n = rows.length;
  const piece = { invoiceDay: new Float64Array(n), dueDay: new Float64Array(n), statuses: new Set<string>(), currencies: new Set<string>(), customers: new Set<string>() };
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    piece.invoiceDay[i] = dayNumber(row.invoiceDate);
    piece.dueDay[i] = dayNumber(row.dueDate);
    piece.statuses.add(row.status ?? NO_STATUS);
    piece.currencies.add(row.currency);
    piece.customers.add(customerKey(row));
  }
  return piece;
}

/**
 * What prepareInvoices then reads of `rows`, from the pieces of its windows in order (the rows are those windows'
 * rows, one after the other: workspace/list-parts.ts checks it). The distinct values are put together in the order they first
 * come, as one pass over the rows meets them (values the sort finds equal keep that order).
 */
export function joinRowFacts(rows: readonly InvoiceListRow[], pieces: readonly RowFactsPiece[]): void {
  const n = rows.length;
  const one = pieces.length === 1 ? pieces[0]! : null;
  const invoiceDay = one?.invoiceDay ?? new Float64Array(n);
  const dueDay = one?.dueDay ?? new Float64Array(n);
  const statuses = new Set<string>();
  const currencies = new Set<string>();
  const customers = new Set<string>();
  let at = 0;
  for (const piece of pieces) {
    if (!one) {
      invoiceDay.set(piece.invoiceDay, at);
      dueDay.set(piece.dueDay, at);
    }
    at += piece.invoiceDay.length;
    for (const value of piece.statuses) statuses.add(value);
    for (const value of piece.currencies) currencies.add(value);
    for (const value of piece.customers) customers.add(value);
  }
  factsOf.set(rows, {
    invoiceDay,
    dueDay,
    statuses: [...statuses].sort((a, b) => a.localeCompare(b)),
    currencies: [...currencies].sort(),
    customers: sortedCustomers(customers),
  });
}

function sortedCustomers(customers: Set<string>): string[] {
  const none = customers.delete(NO_CUSTOMER);
  const sorted = [...customers].sort((a, b) => a.localeCompare(b));
  return none ? [...sorted, NO_CUSTOMER] : sorted;
}

/**
 * Days past due as of a day: how late the open balance is. 0 when not yet due, when nothing
 * is owed (balance ≤ 0), when there is no due date or when the invoice is not a receivable (a draft, a cancelled one).
 */
export function daysOverdueAt(prepared: PreparedInvoices, i: number, asOfDay: number): number {
  if (!prepared.counted[i]) return 0;
  const due = prepared.dueDay[i]!;
  const balance = prepared.rows[i]!.balance ?? 0;
  if (Number.isNaN(due) || balance <= 0) return 0;
  return Math.max(0, asOfDay - due);
}

/** The same, from a row alone (for rendering one cell), under the same receivable rules. */
export function daysOverdueOfRow(row: InvoiceListRow, asOfDay: number, rules: ReceivableRules = {}): number {
  if (!countsAsReceivable(row, rules)) return 0;
  const due = dayNumber(row.dueDate);
  if (Number.isNaN(due) || (row.balance ?? 0) <= 0) return 0;
  return Math.max(0, asOfDay - due);
}

/** Whether an invoice counts in receivables: posted, or a draft when drafts are included. */
function countsAsReceivable(row: InvoiceListRow, rules: ReceivableRules): boolean {
  return countsOfKind(kindOfRow(row, rules), rules);
}

const countsOfKind = (kind: StatusKind, rules: ReceivableRules) => kind === 'posted' || (kind === 'draft' && rules.includeDrafts === true);
