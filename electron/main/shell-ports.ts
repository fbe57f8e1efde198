import { dialog, powerMonitor, shell, type BrowserWindow } from 'electron';
import type { FolderDialog, Logger, OpenDialog, PowerEvents, SaveDialog, Shell } from '../core/ports';
import { redactTokens } from '../core/salesforce/salesforce-errors';
import { isSafeExternalUrl } from './navigation-policy';

/** The OS browser, for https links only, plus the demo org's exact origin (http on 127.0.0.1) when it runs; and the OS's own program or file manager for an exported file. */
export function osShell(demoOrigin: string | null): Shell {
  return {
    async openExternal(url) {
      if (!isSafeExternalUrl(url, demoOrigin)) throw new Error('Refused to open a link that is not https');
      await shell.openExternal(url);
    },
    // Only paths the core's export just wrote reach these (electron/core/export/exported-files.ts).
    async openPath(path) {
      const error = await shell.openPath(path);
      // never-user-facing: the core turns this into its own catalogue message (exportOpenFailed)
      if (error) throw new Error(error);
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}

export function nativeSaveDialog(getWindow: () => BrowserWindow | null): SaveDialog {
  return {
    async choosePath({ defaultName, filters }) {
      const window = getWindow();
      const options = { defaultPath: defaultName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/** A folder for many files (statements); `createDirectory` lets the user make one on macOS. */
export function nativeFolderDialog(getWindow: () => BrowserWindow | null): FolderDialog {
  return {
    async chooseFolder({ title }) {
      const window = getWindow();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** One file to open (Import views); the core checks what it reads. */
export function nativeOpenDialog(getWindow: () => BrowserWindow | null): OpenDialog {
  return {
    async choosePath({ filters }) {
      const window = getWindow();
      const options = { filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** Wake-ups from sleep (`powerMonitor` works only after `app.whenReady()`: the core subscribes when it is created there). */
export const powerEvents: PowerEvents = {
  onResume(listener) {
    powerMonitor.on('resume', listener);
    return () => powerMonitor.off('resume', listener);
  },
};

/** Console logging with every token-looking string removed before it is written. */
export const consoleLogger: Logger = {
  info: (message, details) => console.info(redactTokens(format(message, details))),
  warn: (message, details) => console.warn(redactTokens(format(message, details))),
  error: (message, details) => console.error(redactTokens(format(message, details))),
};

function format(message: string, details?: Record<string, unknown>): string {
  return details ? `${message} ${JSON.stringify(details)}` : message;
}
