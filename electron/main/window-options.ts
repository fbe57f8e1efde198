import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/**
 * The main window's options, as a pure function so a unit test can assert every security flag.
 * `type`-only import: this file never loads Electron at run time.
 */
export function mainWindowOptions(preloadPath: string, bounds: Partial<Rectangle>, devTools = false): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Budgetly',
    backgroundColor: '#15181c',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
      devTools,
    },
  };
}
