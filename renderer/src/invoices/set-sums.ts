/**
 * Sums over a set of rows (the cards' totals, the aging chart, DSO) when the set is most of the rows: the sums of every
 * row (once per data set) less those of the rows left out. A search's first letter matches 50–90 % of 100,000
 * invoices; its figures then add up the 10–50 % it left out instead of the 50–90 % it kept.
 *
 * Exact, not approximately so: every summed value is a whole number (amounts in SUM_SCALE thousandths or minor units,
 * counts), and a sum of whole numbers below 2^53 is exact in any order; `wholeBelow` checks that the absolute values of
 * every row together stay below it (then so does any sum of some of them), else the set is summed row by row.
 */

/** The rows 0…n−1 not in `members`, ascending; null when `members` is not ascending and without repeats (nothing is assumed). */
export function rowsLeftOut(members: ArrayLike<number>, n: number): Uint32Array | null {
  const m = members.length;
  if (m > n) return null;
  const out = new Uint32Array(n - m);
  let k = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (k < m && members[k] === i) k++;
    else if (j < out.length) out[j++] = i;
    else return null;
  }
  return k === m && j === out.length ? out : null;
}

const leftOuts = new WeakMap<Uint32Array, { n: number; m: number; left: Uint32Array | null }>();

/**
 * rowsLeftOut, once per set of members (a keystroke's totals, aging and DSO each sum the same set: one pass over the
 * 100,000 rows, not three). Kept for a view's index array (a Uint32Array, never changed once made); any other list is
 * gone through each time.
 */
function leftOutOnce(members: ArrayLike<number>, n: number): Uint32Array | null {
  if (!(members instanceof Uint32Array)) return rowsLeftOut(members, n);
  const known = leftOuts.get(members);
  if (known && known.n === n && known.m === members.length) return known.left;
  const left = rowsLeftOut(members, n);
  leftOuts.set(members, { n, m: members.length, left });
  return left;
}

/** Σ |value| of a column; NaN when one of its values is not a whole number (see wholeBelow). */
export function absoluteSum(column: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < column.length; i++) {
    const value = column[i]!;
    if (!Number.isInteger(value)) return Number.NaN;
    sum += Math.abs(value);
  }
  return sum;
}

/** Columns joined from windows whose absolute sum is known already (see `knowAbsoluteSum`). */
const knownSums = new WeakMap<object, number>();

/**
 * A column joined from windows (workspace/list-parts.ts): its absolute sum is the sum of its windows' (each made while
 * the next window crossed), so wholeBelow need not read its values again. Exact as a test: a sum of whole numbers is
 * exact in any order below 2^53, and at or above it no order brings it back below (the addends are not negative).
 */
export function knowAbsoluteSum(column: object, sum: number): void {
  knownSums.set(column, sum);
}

/** Whether every sum of these values (any subset, any order) is exact: the sum of their absolute values is below 2^53. */
export function wholeBelow(...columns: ArrayLike<number>[]): boolean {
  for (const column of columns) if (!((knownSums.get(column) ?? absoluteSum(column)) < Number.MAX_SAFE_INTEGER)) return false;
  return true;
}

/**
 * The sums `pass` makes over `members` (ascending row indexes out of `n`): when they are more than half of the rows and
 * `all()` gives the sums of every row (null: not exact, see wholeBelow), `all − pass(the rows left out)`.
 */
export function sumsOfSet(members: ArrayLike<number>, n: number, pass: (indexes: ArrayLike<number>) => Float64Array, all: () => Float64Array | null): Float64Array {
  if (members.length * 2 <= n) return pass(members);
  const everything = all();
  // Every row (the view of a list before any filter: the first complete render's): the sums of every row themselves.
  if (everything && members.length === n && isEveryRow(members)) return everything.slice();
  const left = everything && leftOutOnce(members, n);
  if (!everything || !left) return pass(members);
  const sums = pass(left);
  for (let s = 0; s < sums.length; s++) sums[s] = everything[s]! - sums[s]!;
  return sums;
}

/** Whether `members` is 0…length−1 (a pass of one comparison per row, no array made). */
function isEveryRow(members: ArrayLike<number>): boolean {
  for (let i = 0; i < members.length; i++) if (members[i] !== i) return false;
  return true;
}

const identities = new WeakMap<object, Uint32Array>();

/** 0…n−1, once per data set (`owner`): the indexes of every row. */
export function everyRow(owner: object, n: number): Uint32Array {
  let all = identities.get(owner);
  if (!all || all.length !== n) {
    all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    identities.set(owner, all);
  }
  return all;
}

/**
 * Sums of every row made window by window as the list loaded (receivable-pieces.ts), by the kinds they were made with —
 * a prepared set's `kind` column: joined for those rows under those rules (prepared.ts), so a set prepared otherwise
 * never meets them — and by what else they are over (a key: the sums' name, the as-of day, the basis).
 */
const joinedSums = new WeakMap<Uint8Array, Map<string, Float64Array | Int8Array>>();

export function keepJoinedSums(kind: Uint8Array, key: string, sums: Float64Array | Int8Array): void {
  let byKey = joinedSums.get(kind);
  if (!byKey) joinedSums.set(kind, (byKey = new Map()));
  byKey.set(key, sums);
}

/** The sums kept for this `kind` column and key (see keepJoinedSums), else undefined. */
export function joinedSumsOf(kind: Uint8Array, key: string): Float64Array | Int8Array | undefined {
  return joinedSums.get(kind)?.get(key);
}
