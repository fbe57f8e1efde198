import type { InvoiceListRow } from '../../../electron/contract';

/**
 * The global search's text: every row's number and customer, lower-cased once per sync, in one string
 * (rows separated by U+0000) with each row's start. A search is then `indexOf` jumps through one string
 * (after a match, on to the next row) instead of one `includes` per row: ~1 ms at 100,000 rows.
 */
export interface SearchText {
  text: string;
  /** Row i's text is text[starts[i] … starts[i + 1] − 1) (the separator excluded); starts has n + 1 entries. */
  starts: Uint32Array;
}

/**
 * The same text in two parts, for a query that matches many rows (a first letter): the numbers (one per row) and the
 * distinct customers (~1 per 40 rows), each joined as `text` is; a customer is searched once, not once per invoice.
 */
interface Parts {
  numbers: Joined;
  customers: Joined;
  customerOf: Uint32Array;
  /** What every number starts with (`inv-`): a query within it is in every number, so every row holds it. */
  numberPrefix: string;
  /**
   * Room for one search's rows and its numbers' hits (n entries each), made on the first search and reused: at
   * 1,000,000 rows a first letter otherwise allocated ~5 MB only to copy its rows out of, and each allocation that size
   * brings the renderer's next full collection (of the whole list's heap) nearer.
   */
  scratch: { rows: Uint32Array; hits: Uint8Array } | null;
}

/** Strings joined by SEPARATOR, with each one's start (n + 1 entries). */
interface Joined {
  text: string;
  starts: Uint32Array;
}

/** Between rows. A query holding it matches nothing; any other match lies within one row. */
const SEPARATOR = '\u0000';
/** Between a row's number and its customer. */
const NUMBER_END = '\u0001';

const built = new WeakMap<readonly InvoiceListRow[], SearchText>();

/** The search text of these rows (built once per list: preparing the same rows under other rules reuses it). */
export function buildSearchText(rows: readonly InvoiceListRow[]): SearchText {
  let search = built.get(rows);
  if (!search) built.set(rows, (search = joinRows(rows)));
  return search;
}

function joinRows(rows: readonly InvoiceListRow[]): SearchText {
  const search = searchTextPiece(rows);
  rowsOf.set(search, rows);
  return search;
}

/**
 * The search text of one window of a list (as `buildSearchText` makes it of the whole list): made while the next window
 * crosses, joined once every window is in (`joinSearchPieces`).
 */
export function searchTextPiece(rows: readonly InvoiceListRow[]): SearchText {
  const n = rows.length;
  const parts = new Array<string>(n);
  const starts = new Uint32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    // Lower-cased per row: a lower-case letter may be longer than its capital (İ), the starts must count it.
    const part = `${row.number}${NUMBER_END}${row.customer ?? ''}`.toLocaleLowerCase();
    parts[i] = part;
    starts[i] = at;
    at += part.length + 1;
  }
  starts[n] = at;
  return { text: parts.join(SEPARATOR), starts };
}

/**
 * The search text of `rows` from the pieces of its windows, in order (the rows are those windows' rows, one after the
 * other: workspace/list-parts.ts checks it) — what `buildSearchText(rows)` then answers: the same text and starts as one pass
 * over the rows makes. Joined by SEPARATOR as the rows within a piece are; each piece's starts moved by where it begins.
 */
export function joinSearchPieces(rows: readonly InvoiceListRow[], pieces: readonly SearchText[]): void {
  const n = rows.length;
  const starts = new Uint32Array(n + 1);
  const texts: string[] = [];
  let row = 0;
  let at = 0;
  for (const piece of pieces) {
    const count = piece.starts.length - 1;
    // A window of no rows adds no text (and no separator).
    if (count === 0) continue;
    // A piece's last start (its text's length + 1) is where the next piece begins.
    for (let i = 0; i < count; i++) starts[row + i] = piece.starts[i]! + at;
    row += count;
    at += piece.starts[count]!;
    texts.push(piece.text);
  }
  starts[n] = at;
  const search = { text: texts.join(SEPARATOR), starts };
  rowsOf.set(search, rows);
  built.set(rows, search);
}

const rowsOf = new WeakMap<SearchText, readonly InvoiceListRow[]>();
/** The parts of a search text once made (null: a number holds a separator, the parts could not be told apart). */
const partsOf = new WeakMap<SearchText, Parts | null>();

/**
 * Makes the parts of `search` (~40 ms at 100,000 rows: the workspace asks in an idle moment after the load). Until
 * then, and for a text whose rows are unknown, a search runs through the whole text: the same rows, more slowly.
 */
export function warmSearchParts(search: SearchText): void {
  const rows = rowsOf.get(search);
  if (rows && !partsOf.has(search)) partsOf.set(search, splitRows(search, rows));
}

function splitRows({ text, starts }: SearchText, rows: readonly InvoiceListRow[]): Parts | null {
  const n = rows.length;
  const numbers = new Array<string>(n);
  const customerOf = new Uint32Array(n);
  const customerPlaces = new Map<string, number>();
  const customers: string[] = [];
  for (let i = 0; i < n; i++) {
    const number = rows[i]!.number;
    if (number.includes(NUMBER_END) || number.includes(SEPARATOR)) return null;
    // The number's part ends at the row's first U+0001 (lower-casing makes none; U+0001 is no letter, so the number
    // and the customer lower-case as they would alone).
    const start = starts[i]!;
    const cut = text.indexOf(NUMBER_END, start);
    numbers[i] = text.slice(start, cut);
    const customer = text.slice(cut + 1, starts[i + 1]! - 1);
    let place = customerPlaces.get(customer);
    if (place === undefined) {
      customerPlaces.set(customer, (place = customers.length));
      customers.push(customer);
    }
    customerOf[i] = place;
  }
  return { numbers: join(numbers), customers: join(customers), customerOf, numberPrefix: commonPrefix(numbers), scratch: null };
}

/** The longest start all of `strings` share ('' for none). */
function commonPrefix(strings: readonly string[]): string {
  let prefix = strings[0] ?? '';
  for (let i = 1; i < strings.length && prefix !== ''; i++) {
    const s = strings[i]!;
    if (s.startsWith(prefix)) continue;
    let k = 0;
    while (k < prefix.length && k < s.length && prefix.charCodeAt(k) === s.charCodeAt(k)) k++;
    prefix = prefix.slice(0, k);
  }
  return prefix;
}

function join(strings: string[]): Joined {
  const starts = new Uint32Array(strings.length + 1);
  let at = 0;
  for (let i = 0; i < strings.length; i++) {
    starts[i] = at;
    at += strings[i]!.length + 1;
  }
  starts[strings.length] = at;
  return { text: strings.join(SEPARATOR), starts };
}

/**
 * The last search answered: a longer query that contains it can only match among its rows. `numbersHit` — whether
 * any number held it (null: not known, the parts did not answer) — since a number that does not hold it does not hold
 * a longer query either (typing on in a customer's name searches no number again).
 */
let last: { search: SearchText; query: string; rows: Uint32Array; numbersHit: boolean | null } | null = null;

/**
 * The rows whose text contains `query` (already lower-cased), ascending. A query holding the separator matches
 * nothing (no row's text holds it). When the query extends the last one (typing on), only the last one's rows are
 * looked at: each of them by its customer's and number's hit (the parts, once made), or by its own text when the last
 * one matched few rows. Deleting a letter (a shorter query) searches every row again. The rows returned are never
 * written to afterwards.
 */
export function rowsMatching(search: SearchText, query: string): Uint32Array {
  if (query.includes(SEPARATOR)) return new Uint32Array(0);
  const n = search.starts.length - 1;
  const within = last !== null && last.search === search && last.query !== '' && query.includes(last.query) ? last : null;
  const parts = partsOf.get(search);
  let found: Uint32Array;
  let numbersHit: boolean | null = null;
  if (parts && !query.includes(NUMBER_END)) {
    const numbers = numberHits(parts, query, within?.numbersHit === false);
    numbersHit = numbers !== NONE;
    found = within ? withinParts(parts, within.rows, query, numbers) : scanParts(parts, n, query, numbers);
  } else {
    found = within && within.rows.length * 8 <= n ? narrow(search, within.rows, query) : scan(search, query);
  }
  last = { search, query, rows: found, numbersHit };
  return found;
}

/** Which rows' numbers hold a query: every row's (ALL), none (NONE), or 1 for each row whose number does. */
type NumberHits = Uint8Array | typeof ALL | typeof NONE;
const ALL = 'all';
const NONE = 'none';

/** `noneBefore`: the query extends one that no number held. */
function numberHits(parts: Parts, query: string, noneBefore: boolean): NumberHits {
  if (parts.numberPrefix.includes(query)) return ALL;
  if (noneBefore) return NONE;
  const scratch = scratchOf(parts);
  scratch.hits.fill(0);
  return holding(parts.numbers, query, scratch.hits) ? scratch.hits : NONE;
}

function scratchOf(parts: Parts): NonNullable<Parts['scratch']> {
  const n = parts.customerOf.length;
  return (parts.scratch ??= { rows: new Uint32Array(n), hits: new Uint8Array(n) });
}

/** Marks in `hit` (1 each) which of the joined strings hold `query`; whether any does. */
function holding({ text, starts }: Joined, query: string, hit: Uint8Array): boolean {
  let at = 0;
  let from = 0;
  let any = false;
  for (;;) {
    const found = text.indexOf(query, from);
    if (found < 0) break;
    while (starts[at + 1]! <= found) at++;
    hit[at] = 1;
    any = true;
    from = starts[at + 1]!;
  }
  return any;
}

/** Which customers hold the query (each distinct customer searched once). */
function customerHits({ customers }: Parts, query: string): Uint8Array {
  const hit = new Uint8Array(customers.starts.length - 1);
  holding(customers, query, hit);
  return hit;
}

/**
 * Every row whose number or customer holds the query (one without U+0001 never spans the two): the customers are
 * searched once each, the numbers in one run through their text, then one pass over the rows' customers.
 */
function scanParts(parts: Parts, n: number, query: string, numbers: NumberHits): Uint32Array {
  if (numbers === ALL) return everyRow(n);
  const customerHit = customerHits(parts, query);
  const { customerOf } = parts;
  const out = scratchOf(parts).rows;
  let count = 0;
  // Without a branch (as sort.ts's visibleIndexes): each row is written at the next place, which moves on when it is
  // a match; count ≤ i, so the write stays inside.
  if (numbers === NONE) {
    for (let i = 0; i < n; i++) {
      out[count] = i;
      count += customerHit[customerOf[i]!]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      out[count] = i;
      count += customerHit[customerOf[i]!]! | numbers[i]!;
    }
  }
  return out.slice(0, count);
}

/** scanParts over only `rows` (ascending: the rows of a query this one extends, which hold every row it matches). */
function withinParts(parts: Parts, rows: Uint32Array, query: string, numbers: NumberHits): Uint32Array {
  if (numbers === ALL) return rows.slice();
  const customerHit = customerHits(parts, query);
  const { customerOf } = parts;
  const out = scratchOf(parts).rows;
  let count = 0;
  // Without a branch, as scanParts.
  if (numbers === NONE) {
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      out[count] = i;
      count += customerHit[customerOf[i]!]!;
    }
  } else {
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      out[count] = i;
      count += customerHit[customerOf[i]!]! | numbers[i]!;
    }
  }
  return out.slice(0, count);
}

function everyRow(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Every row, by jumps through the whole text. */
function scan({ text, starts }: SearchText, query: string): Uint32Array {
  const n = starts.length - 1;
  const out = new Uint32Array(n);
  let count = 0;
  let row = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(query, from);
    if (at < 0) break;
    while (starts[row + 1]! <= at) row++;
    out[count++] = row;
    from = starts[row + 1]!;
  }
  return out.slice(0, count);
}

/** Only the rows an earlier, shorter query matched, each on its own. */
function narrow({ text, starts }: SearchText, rows: Uint32Array, query: string): Uint32Array {
  const out = new Uint32Array(rows.length);
  let count = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (text.slice(starts[row]!, starts[row + 1]! - 1).includes(query)) out[count++] = row;
  }
  return out.slice(0, count);
}
