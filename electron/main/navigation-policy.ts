/**
 * Pure rules for what the app window may do with a URL (used by security.ts, unit-tested).
 * The renderer is served from app://budgetly; it may never navigate elsewhere. Links the user
 * clicks open in the OS browser only when they are https.
 */
export const APP_ORIGIN = 'app://budgetly';

export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'app:' && url.host === 'budgetly';
  } catch {
    return false;
  }
}

/** Links the user clicks go to the OS browser only when https, or the demo org's exact origin (one rule, shared with the core). */
export { isSafeExternalUrl } from '../core/app/external-links';
