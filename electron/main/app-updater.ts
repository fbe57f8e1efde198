import { app } from 'electron';
// The default import: the CJS module object, whose `autoUpdater` getter builds the platform's updater only when read
// (named ESM imports of a CJS module read every export at load time).
import electronUpdater from 'electron-updater';
import { electronUpdaterPort } from '../core/updates/electron-updater-port';
import { noUpdater, type UpdaterPort } from '../core/updates/updater-port';
import type { Logger } from '../core/ports';

/** Where people download Budgetly by hand (deb/rpm installations, which the package manager updates). */
export const DOWNLOAD_PAGE = 'https://budgetly.example/download';

/**
 * The updater port in the app: electron-updater's `autoUpdater` for this platform (NSIS on Windows, zip on
 * macOS, AppImage on Linux), reading the feed the build wrote into `resources/app-update.yml` (the generic
 * provider of electron-builder.yml). deb and rpm installations belong to the package manager: the app
 * tells the user about a newer version and links the download page instead of installing it.
 * A development run (not packaged) has no feed.
 */
export function createAppUpdater(logger: Logger): UpdaterPort {
  if (!app.isPackaged) return noUpdater(DOWNLOAD_PAGE);
  const { autoUpdater: updater, DebUpdater, RpmUpdater, PacmanUpdater } = electronUpdater;
  const packageManaged = updater instanceof DebUpdater || updater instanceof RpmUpdater || updater instanceof PacmanUpdater;
  return electronUpdaterPort(updater, { install: packageManaged ? 'manual' : 'self', downloadPage: DOWNLOAD_PAGE, logger });
}
