import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../core/ports';
import { PRINT_PARTITION, printToPdfOptions, printWindowOptions } from './print-window-options';
import { denyAllPermissions } from './security';

/**
 * HTML → PDF in a hidden, sandboxed window with JavaScript off and no preload, whose session refuses every request
 * but the page itself (the statement is self-contained: inline CSS, a CSP allowing nothing else). The page is a file
 * in a private temp folder (no 2 MB data-URL limit for a customer with thousands of invoices); window and file are
 * gone after each print. Not run in the tests (no Electron here): tests/support/chromium-pdf-printer.ts is its twin.
 */
export function electronPdfPrinter(): PdfPrinter {
  // The pages being printed now (two prints may overlap): the only URLs the print session lets through.
  const pages = new Set<string>();
  let guarded = false;
  const guard = () => {
    if (guarded) return;
    guarded = true;
    const printSession = session.fromPartition(PRINT_PARTITION);
    printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pages.has(details.url) }));
    denyAllPermissions(printSession);
  };
  return {
    async print(html) {
      guard();
      const folder = await mkdtemp(join(tmpdir(), 'budgetly-print-'));
      const page = join(folder, 'statement.html');
      const pageUrl = pathToFileURL(page).href;
      pages.add(pageUrl);
      const window = new BrowserWindow(printWindowOptions());
      window.webContents.on('will-navigate', (event) => event.preventDefault());
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      try {
        await writeFile(page, html, { encoding: 'utf8', mode: 0o600 });
        await window.loadFile(page);
        return await window.webContents.printToPDF(printToPdfOptions());
      } finally {
        window.destroy();
        pages.delete(pageUrl);
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
