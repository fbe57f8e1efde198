import type { SyncInterval } from '../../contract';

const MINUTE = 60_000;
export const MAX_BACKOFF_MS = 60 * MINUTE;

/** Wait after `failures` background syncs failed in a row: 1, 2, 4, 8 … minutes, at most an hour. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, MINUTE * 2 ** Math.max(0, failures - 1));
}

/** The setting in milliseconds; null when background syncs on a timer are off. */
export function intervalMs(interval: SyncInterval): number | null {
  return interval === 'off' ? null : interval * MINUTE;
}
