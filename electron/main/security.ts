import type { Session, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './navigation-policy';

/**
 * Denies every permission request and check (camera, notifications, geolocation …). With
 * `appClipboardWrite`, the app's own page (app://budgetly) may still write text to the clipboard:
 * Electron routes `navigator.clipboard.writeText` through the `clipboard-sanitized-write` permission,
 * so denying it broke Connection details → Copy diagnostics. Reading the clipboard stays denied.
 */
export function denyAllPermissions(session: Session, options: { appClipboardWrite?: boolean } = {}): void {
  const allowed = (permission: string, url: string | undefined) =>
    options.appClipboardWrite === true && permission === 'clipboard-sanitized-write' && url !== undefined && isAppUrl(url);
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl || contents.getURL())),
  );
  session.setPermissionCheckHandler((contents, permission, _origin, details) => allowed(permission, details.requestingUrl || contents?.getURL()));
  session.setDevicePermissionHandler(() => false);
  if (!session.listeners('will-download').length) session.on('will-download', (event) => event.preventDefault());
}

/**
 * The app window stays on the app: navigation away is denied, new windows are denied,
 * and https links go to the OS browser instead.
 */
export function lockDownAppContents(contents: WebContents, openExternal: (url: string) => void, demoOrigin: string | null = null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url, demoOrigin)) openExternal(url);
    return { action: 'deny' };
  });
}
