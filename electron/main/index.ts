import { app, BrowserWindow, net, session } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { machinePolicyPath } from '../core/policy/policy-reader';
import { reportOsTrustTo } from '../core/salesforce/os-certificate-store';
import { systemClock } from '../core/ports';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { BUILT_IN_CLIENT_IDS } from './build-config';
import { createAppUpdater } from './app-updater';
import { demoOrgFromEnv } from './demo-org';
import { createElectronStoreAdapter } from './electron-store-adapter';
import { registerIpc, windowEventSink } from './ipc';
import { LoginWindowAgent } from './login-window-agent';
import { openMainWindow } from './main-window';
import { electronLaunchRequests } from './launch-requests';
import { nativeConfirm } from './native-confirm';
import { installMenu } from './menu';
import { APP_ORIGIN } from './navigation-policy';
import { createSafeStorageSecretBox } from './safe-storage-secret-box';
import { denyAllPermissions } from './security';
import { consoleLogger, nativeFolderDialog, nativeOpenDialog, nativeSaveDialog, osShell, powerEvents } from './shell-ports';
import { electronPdfPrinter } from './pdf-printer';
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
  // Nothing read at launch: the OS's certificate store is read off this thread at the first certificate Node's list refuses
  // (os-certificate-store.ts); its outcome is logged.
  reportOsTrustTo(consoleLogger);
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  const getWindow = () => mainWindow;
  const focusWindow = () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  };
  // Links and .budgetly files (open-url must be registered before ready); a second launch focuses this window.
  const launchRequests = electronLaunchRequests(app, process.argv, focusWindow);
  app.on('second-instance', focusWindow);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    const here = import.meta.dirname;
    serveRenderer(join(here, '../renderer'));
    denyAllPermissions(session.defaultSession, { appClipboardWrite: true });

    const store = createElectronStoreAdapter();
    const demo = demoOrgFromEnv(process.env, { packaged: app.isPackaged });
    const extraLoginOrigins = demo ? [demo.loginUrl] : [];
    const shell = osShell(demo?.loginUrl ?? null);
    const openExternal = (url: string) => void shell.openExternal(url).catch(() => {});
    core = createCore({
      identity: { version: app.getVersion(), platform: process.platform, locale: app.getLocale(), demo, builtInClientIds: BUILT_IN_CLIENT_IDS },
      rendererUrl: `${APP_ORIGIN}/index.html`,
      dataDir: app.getPath('userData'),
      secretBox: await createSafeStorageSecretBox(),
      store,
      loginAgents: {
        window: new LoginWindowAgent({ parent: () => mainWindow ?? undefined, extraOrigins: extraLoginOrigins, title: () => core?.words.t('loginWindowTitle'), notSecure: () => core?.words.t('coreMessages:loginNotSecure') }),
        browser: createSystemBrowserAgent({ words: () => core?.words }),
      },
      clock: systemClock,
      events: windowEventSink(getWindow),
      shell,
      saveDialog: nativeSaveDialog(getWindow),
      folderDialog: nativeFolderDialog(getWindow),
      pdfPrinter: electronPdfPrinter(),
      openDialog: nativeOpenDialog(getWindow),
      confirm: nativeConfirm(getWindow),
      logger: consoleLogger,
      extraLoginOrigins,
      power: powerEvents,
      launchRequests,
      updater: createAppUpdater(consoleLogger),
      policyFile: machinePolicyPath(process.platform, process.env),
    });
    registerIpc(core.dispatch);
    // The menu speaks the language of Settings, and again whenever it changes.
    const words = core.words;
    installMenu(process.platform === 'darwin', words.t);
    core.settings.onChange((next, previous) => {
      if (next.language !== previous.language) installMenu(process.platform === 'darwin', words.t);
    });
    // Background syncs (launch, reconnect, back online, wake from sleep, interval); the window reports online/offline after this.
    core.freshness.setOnline(net.isOnline());
    void core.start();

    const createWindow = () => {
      mainWindow = openMainWindow({ preloadPath: join(here, '../preload/index.cjs'), store, devTools: !app.isPackaged, openExternal, demoOrigin: demo?.loginUrl ?? null });
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
