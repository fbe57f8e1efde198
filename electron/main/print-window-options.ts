import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { statementPdfOptions } from '../core/statements/pdf-options';

/** The in-memory session (no `persist:`) the PDF printer's windows use: nothing of theirs is kept on disk. */
export const PRINT_PARTITION = 'budgetly-print';

/**
 * The PDF printer's window, as a pure function so a unit test can assert every flag: never shown, sandboxed,
 * JavaScript off, no preload, no Node, its own in-memory session. `type`-only import: no Electron at run time.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      images: false,
      partition: PRINT_PARTITION,
    },
  };
}

/** `webContents.printToPDF`'s options, the same as the tests' `page.pdf()` (electron/core/statements/pdf-options.ts). */
export function printToPdfOptions(): PrintToPDFOptions {
  const { format, ...rest } = statementPdfOptions;
  return { ...rest, pageSize: format };
}
