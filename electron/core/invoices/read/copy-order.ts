import { defaultInvoiceOrderBy, invoiceNumberKeysBy } from '../../../contract/invoice-order';

/** What the default order reads of a copy's rows, by position (contract/invoice-order.ts defaultInvoiceOrderBy). */
interface OrderReads {
  dayAt(i: number): number;
  numberAt(i: number): string;
  idAt(i: number): string;
}

/** Doubles hold integers exactly up to here. */
const EXACT = 2 ** 53;
/** The day keys are counted (byDayCounted) while their range is at most this many days a row (else a second sort). */
const COUNTED_DAYS_PER_ROW = 4;

/**
 * The copy's default order (invoice date newest first, no date last, then the invoice number's key, then id) — exactly
 * defaultInvoiceOrderBy's — by two native sorts of packed keys: each row's key and its position (or tie-break rank) in one
 * integer-valued double, `key × M + i` with M ≥ n, sorted by Float64Array#sort with no comparator. The comparator sorts it
 * replaces were most of ordering a copy at start-up (the window's second list waits on it; core26: BENCHMARKS session 26).
 * Falls back to defaultInvoiceOrderBy where packing could be inexact or the id decides (two invoices with one number key).
 */
export function copyOrder(n: number, read: OrderReads): Uint32Array {
  const fallback = () => defaultInvoiceOrderBy(n, read);
  let m = 1;
  while (m < n) m *= 2;
  const numberKey = invoiceNumberKeysBy(n, read.numberAt);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = numberKey[i]!;
    if (!Number.isInteger(key) || key < 0 || (key + 1) * m > EXACT) return fallback();
    packed[i] = key * m + i;
  }
  packed.sort();
  // The rows in the tie-break order; two rows of one number key are ordered by id: the comparator's job.
  const byRank = new Uint32Array(n);
  let previous = -1;
  for (let k = 0; k < n; k++) {
    const key = Math.floor(packed[k]! / m);
    if (key === previous) return fallback();
    previous = key;
    const i = packed[k]! - key * m;
    byRank[k] = i;
  }
  // Newest first, no date (NaN) last: a day's key is how many days it lies before the newest one.
  const days = new Float64Array(n);
  let newest = -Infinity;
  let oldest = Infinity;
  for (let i = 0; i < n; i++) {
    const day = read.dayAt(i);
    days[i] = day;
    if (day !== day) continue;
    if (!Number.isInteger(day)) return fallback();
    if (day > newest) newest = day;
    if (day < oldest) oldest = day;
  }
  const undated = newest === -Infinity ? 0 : newest - oldest + 1;
  if (undated <= COUNTED_DAYS_PER_ROW * n + 1024) return byDayCounted(days, newest, undated, byRank);
  if ((undated + 1) * m > EXACT) return fallback();
  const rank = new Uint32Array(n);
  for (let k = 0; k < n; k++) rank[byRank[k]!] = k;
  for (let i = 0; i < n; i++) {
    const day = days[i]!;
    packed[i] = (day === day ? newest - day : undated) * m + rank[i]!;
  }
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = byRank[packed[k]! % m]!;
  return order;
}

/**
 * The rows newest day first, no date (NaN) last, within a day in the tie-break order (`byRank`: the rows in that order):
 * a counting sort by how many days each lies before the newest one (`undated` for none), taking the rows in the
 * tie-break order, so it is stable. Same order as the packed second sort; one pass to count, one to place, no sort of n
 * doubles (copyOrder of the 1M copy: 311–413 → 217–303 ms of CPU, 8 runs a side in one process, alternating, load ~12; core28).
 */
function byDayCounted(days: Float64Array, newest: number, undated: number, byRank: Uint32Array): Uint32Array {
  const n = byRank.length;
  const key = (day: number) => (day === day ? newest - day : undated);
  // starts[key + 1] counts the rows of that key, then (summed) where they start.
  const starts = new Uint32Array(undated + 2);
  for (let i = 0; i < n; i++) starts[key(days[i]!) + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byRank[k]!;
    order[starts[key(days[i]!)]!++] = i;
  }
  return order;
}
