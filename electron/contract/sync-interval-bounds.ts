import type { PolicyLocks } from './policy';
import type { SyncInterval } from './models';

/**
 * The one rule for the machine policy's sync-interval bounds, zod-free so the renderer can use it too: whether
 * `interval` lies within them ('off' is longer than any interval, so a `max` excludes it). Settings disables the
 * choices outside; the core refuses them (policy-locks.ts).
 */
export function intervalWithinBounds(interval: SyncInterval, bounds: PolicyLocks['syncInterval']): boolean {
  if (!bounds) return true;
  if (interval === 'off') return bounds.max === null;
  return (bounds.min === null || interval >= bounds.min) && (bounds.max === null || interval <= bounds.max);
}
