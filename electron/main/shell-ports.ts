import { dialog, powerMonitor, shell, type BrowserWindow } from 'electron';
import type { Logger, PowerEvents, SaveDialog, Shell } from '../core/ports';
import { redactTokens } from '../core/salesforce/salesforce-errors';
import { isSafeExternalUrl } from './navigation-policy';

/** The OS browser, for https links only. */
export const osShell: Shell = {
  async openExternal(url) {
    if (!isSafeExternalUrl(url) && !isLoopbackHttp(url)) throw new Error('Refused to open a non-https link');
    await shell.openExternal(url);
  },
};

/** The local demo org is http on 127.0.0.1; nothing else may be opened over plain http. */
function isLoopbackHttp(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
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
