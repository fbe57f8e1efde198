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

/** Whether every sum of these values (any subset, any order) is exact: the sum of their absolute values is below 2^53. */
export function wholeBelow(...columns: ArrayLike<number>[]): boolean {
  for (const column of columns) {
    let sum = 0;
    for (let i = 0; i < column.length; i++) {
      const value = column[i]!;
      if (!Number.isInteger(value)) return false;
      sum += Math.abs(value);
    }
    if (!(sum < Number.MAX_SAFE_INTEGER)) return false;
  }
  return true;
}

/**
 * The sums `pass` makes over `members` (ascending row indexes out of `n`): when they are more than half of the rows and
 * `all()` gives the sums of every row (null: not exact, see wholeBelow), `all − pass(the rows left out)`.
 */
export function sumsOfSet(members: ArrayLike<number>, n: number, pass: (indexes: ArrayLike<number>) => Float64Array, all: () => Float64Array | null): Float64Array {
  if (members.length * 2 <= n) return pass(members);
  const everything = all();
  const left = everything && leftOutOnce(members, n);
  if (!everything || !left) return pass(members);
  const sums = pass(left);
  for (let s = 0; s < sums.length; s++) sums[s] = everything[s]! - sums[s]!;
  return sums;
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
