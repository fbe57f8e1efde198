import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Resident memory of this process from /proc (Linux): current (VmRSS) and peak (VmHWM).
 * `resetPeak()` writes 5 to /proc/self/clear_refs, which resets VmHWM to the current RSS, so a
 * worker can measure the peak of one phase after its set-up.
 */

function statusKiB(field: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
  return match ? Number(match[1]) : Number.NaN;
}

const MiB = (kib: number) => Math.round((kib / 1024) * 10) / 10;

export const rssMiB = (): number => MiB(statusKiB('VmRSS'));
export const peakRssMiB = (): number => MiB(statusKiB('VmHWM'));

/** Collects garbage (when run with --expose-gc) and resets the peak to the current RSS; returns that RSS. */
export function resetPeak(): number {
  (globalThis as { gc?: () => void }).gc?.();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux or not allowed: the peak then covers the whole process
  }
  return rssMiB();
}

/** How long a timed window waits after the forced collection (appcpu34 measured the tail with 500 ms: it was gone). */
const SETTLE_MS = 500;

/**
 * resetPeak(), then half a second before the timed window opens, for the forced collection's own tail to finish: its
 * concurrent work on V8's threads (sweeping, the compile jobs it held back) and what it leaves the main thread. The app
 * never forces a collection before a sync, so that tail is the harness's, not the app's — appcpu34 (BENCHMARKS, session 34)
 * measured it at 10–25 ms of a zero-change incremental's CPU (V8's threads 12–26 ms in the window without the wait, 2–4 ms
 * with it). Every timed sync of sync-worker.ts opens its window this way, the full and the baseline as the incremental.
 */
export async function resetPeakSettled(): Promise<number> {
  const rss = resetPeak();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return rss;
}
