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

/**
 * The interval while the org has fewer than 10% of its daily API requests left: four times the setting, at
 * least an hour. Salesforce's allowance is shared by every integration of the org; a background sync should
 * leave what is left to them.
 */
export function slowedIntervalMs(every: number): number {
  return Math.max(every * 4, 60 * MINUTE);
}
