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
