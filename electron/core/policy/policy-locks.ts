import type { PolicyLocks, Settings, SyncInterval } from '../../contract';
import { intervalWithinBounds } from '../../contract/sync-interval-bounds';
import { POLICY_TEXT as T, type Said } from './policy-text';

/** Settings as the policy has them: locked values win over what the user saved. */
export function applyLocks(settings: Settings, locks: PolicyLocks): Settings {
  return {
    ...settings,
    ...(locks.signInMethod ? { signInMethod: locks.signInMethod } : {}),
    ...(locks.weakStorageNeverAllowed ? { allowWeakStorage: false } : {}),
    ...(locks.updates ? { updates: locks.updates } : {}),
    syncInterval: boundInterval(settings.syncInterval, locks),
  };
}

/** The saved interval moved inside the policy's bounds ('off' is longer than any: with a `max` it becomes the max). */
function boundInterval(interval: SyncInterval, locks: PolicyLocks): SyncInterval {
  const bounds = locks.syncInterval;
  if (!bounds) return interval;
  if (interval === 'off') return bounds.max ?? 'off';
  if (bounds.min !== null && interval < bounds.min) return bounds.min;
  if (bounds.max !== null && interval > bounds.max) return bounds.max;
  return interval;
}

/** Why `patch` may not be saved under `locks` (naming the setting and the file), or null when it may. The interval rule is Settings' too. */
export function lockViolation(patch: Partial<Settings>, locks: PolicyLocks, path: string): Said | null {
  if (locks.signInMethod && patch.signInMethod !== undefined && patch.signInMethod !== locks.signInMethod) return T.lockedSignInMethod(path);
  if (locks.weakStorageNeverAllowed && patch.allowWeakStorage === true) return T.lockedWeakStorage(path);
  if (locks.updates && patch.updates !== undefined && patch.updates !== locks.updates) return T.lockedUpdates(path);
  if (patch.syncInterval !== undefined && !intervalWithinBounds(patch.syncInterval, locks.syncInterval)) return T.lockedInterval(path);
  return null;
}
