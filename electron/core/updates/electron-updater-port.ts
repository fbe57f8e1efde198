import type { AppUpdater, ProgressInfo } from 'electron-updater';
import type { Logger } from '../ports';
import { UpdateFailure, type InstallKind, type UpdaterPort } from './updater-port';

/**
 * The updater port over an electron-updater `AppUpdater` (AppImageUpdater, NsisUpdater, MacUpdater …).
 *
 * Why electron-updater's own code does the work, not ours: it reads `app-update.yml` (the feed URL the build
 * wrote), fetches and parses `latest*.yml` (js-yaml), compares versions (semver), downloads into its cache with
 * the sha512 of the metadata checked while the bytes stream in (builder-util-runtime's DigestTransform) and
 * deletes a file that does not match, keeps a verified download across launches, and applies it the way each
 * platform needs. This file only turns its events and promises into the port. It imports no Electron: the
 * package loads Electron lazily (only its default `autoUpdater`, its Electron HTTP transport and
 * `quitAndInstall` touch it), so the integration tests run this adapter over the real AppImageUpdater with an
 * app adapter and Node's HTTP transport against a local update server.
 */
export function electronUpdaterPort(
  updater: AppUpdater,
  options: { install: Exclude<InstallKind, 'none'>; downloadPage: string | null; logger: Logger },
): UpdaterPort {
  // The core decides when to download (policy) and when to restart (the user); a downloaded update is
  // applied when the user quits the app (never a restart we force).
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = options.install === 'self';
  updater.logger = {
    info: (message?: unknown) => options.logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => options.logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => options.logger.error(`updater: ${String(message).split('\n')[0]}`),
  };
  return {
    install: options.install,
    downloadPage: options.downloadPage,
    async check() {
      const result = await updater.checkForUpdates().catch((error: unknown) => {
        throw failure(error);
      });
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo) => onProgress({ transferred: progress.transferred, total: progress.total });
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } catch (error) {
        throw failure(error);
      } finally {
        updater.off('download-progress', listener);
      }
    },
    restartAndApply() {
      // Not silent (the installer may show its progress), and run the new version afterwards.
      updater.quitAndInstall(false, true);
    },
  };
}

/** electron-updater's errors carry a code; the core only needs to know which kind of trouble it was. */
function failure(error: unknown): UpdateFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) return new UpdateFailure('integrity', message, { cause: error });
  if (name === 'YAMLException' || (typeof code === 'string' && /^ERR_UPDATER_(INVALID|NO_FILES|NO_CHECKSUM)/.test(code)) || /Cannot parse update info/i.test(message)) {
    return new UpdateFailure('metadata', message, { cause: error });
  }
  return new UpdateFailure('network', message, { cause: error });
}
