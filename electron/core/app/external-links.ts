/**
 * Which links the app may hand to the OS browser (the Shell port, the window-open handler, record links):
 * https without credentials, or, on a developer machine, the local demo org's exact origin over http.
 * Nothing else on loopback: another local service (a router page, a dev server) is never opened for a page.
 */
export function isSafeExternalUrl(value: string, demoOrigin: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return demoOrigin !== null && url.protocol === 'http:' && url.origin === demoOrigin;
}
