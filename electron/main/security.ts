import type { Session, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './navigation-policy';

/** Denies every permission request and check (camera, notifications, geolocation …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
