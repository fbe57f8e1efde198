import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../core/ports';
import { PRINT_PARTITION, printToPdfOptions, printWindowOptions } from './print-window-options';

/**
 * HTML → PDF in a hidden, sandboxed window with JavaScript off and no preload, whose session refuses every request
 * but the page itself (the statement is self-contained: inline CSS, a CSP allowing nothing else). The page is a file
 * in a private temp folder (no 2 MB data-URL limit for a customer with thousands of invoices); window and file are
 * gone after each print. Not run in the tests (no Electron here): tests/support/chromium-pdf-printer.ts is its twin.
 */
export function electronPdfPrinter(): PdfPrinter {
  return {
    async print(html) {
      const folder = await mkdtemp(join(tmpdir(), 'budgetly-print-'));
      const page = join(folder, 'statement.html');
      const pageUrl = pathToFileURL(page).href;
      const printSession = session.fromPartition(PRINT_PARTITION);
      printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== pageUrl }));
      printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      const window = new BrowserWindow(printWindowOptions());
      window.webContents.on('will-navigate', (event) => event.preventDefault());
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      try {
        await writeFile(page, html, { encoding: 'utf8', mode: 0o600 });
        await window.loadFile(page);
        return await window.webContents.printToPDF(printToPdfOptions());
      } finally {
        window.destroy();
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
