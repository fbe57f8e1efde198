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

export function isExternalLinkAllowed(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
