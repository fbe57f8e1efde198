import { app, BrowserWindow, net, session } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { systemClock } from '../core/ports';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createAppUpdater } from './app-updater';
import { demoOrgFromEnv } from './demo-org';
import { createElectronStoreAdapter } from './electron-store-adapter';
import { registerIpc, windowEventSink } from './ipc';
import { LoginWindowAgent } from './login-window-agent';
import { openMainWindow } from './main-window';
import { installMenu } from './menu';
import { APP_ORIGIN } from './navigation-policy';
import { createSafeStorageSecretBox } from './safe-storage-secret-box';
import { denyAllPermissions } from './security';
import { consoleLogger, nativeSaveDialog, osShell, powerEvents } from './shell-ports';
import { createSystemBrowserAgent } from './system-browser-agent';

/**
 * The composition root of the Electron shell: lifecycle, the app window, security handlers,
 * Electron-backed ports, and the one IPC entry point into the Electron-free core.
 */
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  const getWindow = () => mainWindow;

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    const here = import.meta.dirname;
    serveRenderer(join(here, '../renderer'));
    denyAllPermissions(session.defaultSession);
    installMenu(process.platform === 'darwin');

    const store = createElectronStoreAdapter();
    const demo = demoOrgFromEnv(process.env);
    const extraLoginOrigins = demo ? [demo.loginUrl] : [];
    const openExternal = (url: string) => void osShell.openExternal(url).catch(() => {});
    core = createCore({
      identity: { version: app.getVersion(), platform: process.platform, demo },
      rendererUrl: `${APP_ORIGIN}/index.html`,
      dataDir: app.getPath('userData'),
      secretBox: await createSafeStorageSecretBox(),
      store,
      loginAgents: {
        window: new LoginWindowAgent({ parent: () => mainWindow ?? undefined, extraOrigins: extraLoginOrigins }),
        browser: createSystemBrowserAgent(),
      },
      clock: systemClock,
      events: windowEventSink(getWindow),
      shell: osShell,
      saveDialog: nativeSaveDialog(getWindow),
      logger: consoleLogger,
      extraLoginOrigins,
      power: powerEvents,
      updater: createAppUpdater(consoleLogger),
    });
    registerIpc(core.dispatch);
    // Background syncs (launch, reconnect, back online, wake from sleep, interval); the window reports online/offline after this.
    core.freshness.setOnline(net.isOnline());
    void core.start();

    const createWindow = () => {
      mainWindow = openMainWindow({ preloadPath: join(here, '../preload/index.cjs'), store, devTools: !app.isPackaged, openExternal });
      mainWindow.on('closed', () => (mainWindow = null));
    };
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    void core?.dispose();
  });
}
