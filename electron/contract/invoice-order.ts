/**
 * The workspace's default display order of invoices, shared by the core (which sends `invoices.list`
 * in this order, so a first window of rows is already the top of the screen) and the renderer
 * (which sorts the whole set with the same keys once every row has arrived, so nothing jumps).
 * Pure and dependency-free: imported at run time by both sides without pulling in zod.
 *
 * Order: invoice date, newest first; invoices without a date last; ties by invoice number
 * (numeric-aware, case-insensitive collator), then by id.
 */

/** The default sort of the workspace (column + direction). */
export const DEFAULT_SORT = { column: 'invoiceDate', desc: true } as const;

let collator: Intl.Collator | undefined;

/**
 * Text comparison of every sort in the app: numeric-aware ("INV-9" before "INV-10"), case- and accent-insensitive. Made
 * at its first use, not when this module is loaded: the window's first module loads it (its day numbers) and asks for
 * the first rows only after every module it imports has run — a collator made there is the page's first `Intl` object
 * (ICU's start, ~12–15 ms in Chromium here: issue #19, page30), before the asks.
 */
export function sortCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 for a YYYY-MM-DD string (four, two and two ASCII digits); NaN when it is not one. As Date.UTC
 * reads the parts: a day past the month's end carries over, year 0–99 is 1900–1999.
 */
export function dayNumber(iso: string | null | undefined): number {
  return iso ? dayOfText(iso, 0, iso.length) : Number.NaN;
}

/**
 * dayNumber of text[from, to) — a cell read where it lies (the core's copy keeps a chunk's cells in one string). Read
 * digit by digit: the regular expression it replaced (its match, three Numbers) was most of the renderer's 120 ms of
 * day numbers for 100,000 invoices at the end of the first load (issue #19, load19: page CPU profile, load ~6).
 */
export function dayOfText(text: string, from: number, to: number): number {
  if (to - from !== 10 || text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return Number.NaN;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const digit = text.charCodeAt(from + k) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    if (k < 4) year = year * 10 + digit;
    else if (k < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The invoice number as a sort key (numbers the collator finds equal share one). Fast path for the
 * usual shape (one shared prefix without digits, then up to 15 digits): the collator orders those by
 * the digits' value. Otherwise each number's rank among the collator-sorted numbers.
 */
export function invoiceNumberKeys(rows: readonly { number: string }[]): Float64Array {
  return invoiceNumberKeysBy(rows.length, (i) => rows[i]!.number);
}

/** invoiceNumberKeys over rows read by position (the core's columns: no row objects). */
export function invoiceNumberKeysBy(n: number, numberAt: (i: number) => string): Float64Array {
  const prefix = n > 0 ? numberKeyPrefix(numberAt(0)) : undefined;
  const fast = prefix === undefined ? null : prefixedNumberKeys(n, numberAt, prefix);
  if (fast) return fast;
  const value = new Float64Array(n);
  const numbers = Array.from({ length: n }, (_, i) => numberAt(i));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const { compare } = sortCollator();
  order.sort((a, b) => compare(numbers[a]!, numbers[b]!));
  let rank = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && compare(numbers[order[k - 1]!]!, numbers[order[k]!]!) !== 0) rank++;
    value[order[k]!] = rank;
  }
  return value;
}

/** The fast path's shared prefix: what the list's first number has before its 1–15 digits (undefined: no fast path). */
export function numberKeyPrefix(first: string): string | undefined {
  return /^(\D*)\d{1,15}$/.exec(first)?.[1];
}

/**
 * The fast path's keys: each number's digits after `prefix` as a value — or null when one number is not `prefix` and
 * 1–15 digits (then no number of the list has a key of the fast path: invoiceNumberKeysBy ranks them all). For a
 * window of a list, `prefix` is the list's (its first number's: numberKeyPrefix).
 */
export function prefixedNumberKeys(n: number, numberAt: (i: number) => string, prefix: string): Float64Array | null {
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = digitsAfter(numberAt(i), prefix);
    if (key !== key) return null;
    value[i] = key;
  }
  return value;
}

/**
 * The value of `number`'s digits after `prefix` (1 to 15 ASCII digits, nothing else), else NaN — read in place: a
 * slice and a regular expression per invoice were garbage at every complete list (1M: ~24 MB of strings; load25).
 */
function digitsAfter(number: string, prefix: string): number {
  const length = number.length - prefix.length;
  if (length < 1 || length > 15 || !number.startsWith(prefix)) return Number.NaN;
  let value = 0;
  for (let k = prefix.length; k < number.length; k++) {
    const digit = number.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Each row's place in the tie-break order: invoice number key, then id. */
export function tieBreakRanks(rows: readonly { id: string }[], numberKey: Float64Array): Uint32Array {
  return tieBreakRanksBy((i) => rows[i]!.id, numberKey);
}

/** tieBreakRanks over rows read by position (ids are read only where number keys tie). */
export function tieBreakRanksBy(idAt: (i: number) => string, numberKey: Float64Array): Uint32Array {
  const n = numberKey.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    if (numberKey[a]! !== numberKey[b]!) return numberKey[a]! - numberKey[b]!;
    const x = idAt(a);
    const y = idAt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Uint32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]!] = k;
  return rank;
}

/**
 * Sorts indexes by a numeric key (NaN = empty, always last), ties by `tie`. The one comparison of
 * every column sort in the workspace.
 */
export function sortByKey(order: Uint32Array, key: ArrayLike<number>, desc: boolean, tie: Uint32Array): Uint32Array {
  const sign = desc ? -1 : 1;
  return order.sort((a, b) => {
    const x = key[a]!;
    const y = key[b]!;
    const xn = x !== x;
    const yn = y !== y;
    if (xn || yn) return xn === yn ? tie[a]! - tie[b]! : xn ? 1 : -1;
    return x === y ? tie[a]! - tie[b]! : (x < y ? -1 : 1) * sign;
  });
}

/** The default display order of rows read by position (the core's columns): `dayAt` as dayNumber gives it. */
export function defaultInvoiceOrderBy(n: number, read: { dayAt(i: number): number; numberAt(i: number): string; idAt(i: number): string }): Uint32Array {
  const day = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    day[i] = read.dayAt(i);
    order[i] = i;
  }
  return sortByKey(order, day, DEFAULT_SORT.desc, tieBreakRanksBy(read.idAt, invoiceNumberKeysBy(n, read.numberAt)));
}
