import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type IncomingMessage, type RequestOptions } from 'node:http';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { electronUpdaterPort } from '../../electron/core/updates/electron-updater-port';
import type { UpdaterPort } from '../../electron/core/updates/updater-port';
import type { Logger } from '../../electron/core/ports';

export const UPDATER_CACHE_DIR_NAME = 'budgetly-updater';

/**
 * The app's updater port exactly as the shell builds it (electron-updater-port.ts over electron-updater's
 * AppImageUpdater), with the two pieces that need Electron swapped for Node ones:
 * - the app adapter (version, `app-update.yml` path, cache folder) — electron-updater's `AppAdapter` interface,
 *   which its constructor accepts in place of Electron's `app`;
 * - the socket under the HTTP transport: the app's own ElectronHttpExecutor (its download, cancel and error
 *   handling; builder-util-runtime's HttpExecutor underneath, which streams every download through the sha512
 *   DigestTransform) with only `createRequest` opening a Node `http` request instead of Electron's `net.request`
 *   (the same request/response events).
 * Everything else (app-update.yml, the generic provider, latest-linux.yml parsing, semver, the download cache,
 * deleting a file that fails its checksum) is electron-updater's code, unchanged.
 */
export function createLocalUpdater(options: { dir: string; feedUrl: string; currentVersion: string; logger: Logger }): {
  port: UpdaterPort;
  /** Where a verified download lands (electron-updater's pending folder). */
  pendingDir: string;
} {
  const configPath = join(options.dir, 'resources', 'app-update.yml');
  mkdirSync(join(options.dir, 'resources'), { recursive: true });
  // What electron-builder writes into resources/ for the generic provider of electron-builder.yml.
  writeFileSync(configPath, `provider: generic\nurl: ${options.feedUrl}\nupdaterCacheDirName: ${UPDATER_CACHE_DIR_NAME}\n`);
  // The running AppImage electron-updater replaces (it reads $APPIMAGE); a stand-in file here.
  const running = join(options.dir, 'Budgetly.AppImage');
  writeFileSync(running, 'the running version');
  process.env.APPIMAGE = running;
  const app: AppAdapter = {
    version: options.currentVersion,
    name: 'Budgetly',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: join(options.dir, 'user-data'),
    baseCachePath: join(options.dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new AppImageUpdater(null, app);
  Object.assign(updater, { httpExecutor: new NodeSocketHttpExecutor() });
  // Our stand-in AppImage has no embedded blockmap, so a differential download could only fail over to the full
  // one; the full download is the path under test.
  updater.disableDifferentialDownload = true;
  return {
    port: electronUpdaterPort(updater, { install: 'self', downloadPage: 'https://budgetly.example/download', logger: options.logger }),
    pendingDir: join(options.dir, 'cache', UPDATER_CACHE_DIR_NAME, 'pending'),
  };
}

/** electron-updater's executor with Node's `http` in place of Electron's `net` (the only Electron call in it). */
class NodeSocketHttpExecutor extends ElectronHttpExecutor {
  // Typed by electron-updater as Electron's ClientRequest; Node's has the same events (`response`, `error`, `abort`).
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): Electron.ClientRequest {
    return request(options, callback) as unknown as Electron.ClientRequest;
  }
}
