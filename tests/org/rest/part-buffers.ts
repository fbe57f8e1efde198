/**
 * Buffers for Bulk results parts, used again once a part has been sent. Built into a fresh ~10 MB buffer each (~90 MB a
 * 100k sync with payments), the parts' memory is external to V8's heap and counts towards its collections of the org's
 * whole heap (every record of the org lives there). sync28 (BENCHMARKS, session 28) measured the org's CPU per sync with
 * payments (/proc, 4 pairs, load 12–14): 880–1,310 ms with the buffers used again vs 1,630–1,920 ms fresh, the org's GC
 * pauses 70–604 vs 495–1,147 ms (wall, under load); the same bytes served. Salesforce does that work on its own servers;
 * the local org shares the app's two cores, so its waste is the app's wait. Only Bulk parts use it: the invoices-only
 * sync reads REST pages, so this lowers the with-payments side of #13's ratio alone (figures before and after it are not
 * comparable).
 */
const KEPT = 4;
const free: Buffer[] = [];

/**
 * A buffer of at least `size` bytes: the smallest kept one large enough, else a new one — never a slice of Node's shared
 * pool (`allocUnsafeSlow`), which other code writes into: a kept buffer must be the org's alone.
 */
export function takePartBuffer(size: number): Buffer {
  let at = -1;
  for (let i = 0; i < free.length; i++) if (free[i]!.length >= size && (at < 0 || free[i]!.length < free[at]!.length)) at = i;
  return (at >= 0 ? free.splice(at, 1)[0] : undefined) ?? Buffer.allocUnsafeSlow(size);
}

/** Keeps `buffer` for a later part (the largest KEPT are kept). Only once nothing reads it any more: the answer is sent. */
export function keepPartBuffer(buffer: Buffer): void {
  free.push(buffer);
  if (free.length > KEPT) {
    free.sort((a, b) => b.length - a.length);
    free.length = KEPT;
  }
}
