import type { Browser } from 'playwright-core';
import type { PdfPrinter } from '../../electron/core/ports';
import { statementPdfOptions } from '../../electron/core/statements/pdf-options';
import { launchChromium } from './chromium';

/**
 * The tests' and headless runs' PdfPrinter: Chromium's `page.pdf()` (the engine Electron's `printToPDF` is), with the
 * shell's printer's conditions — JavaScript off, offline, every request refused — and the same options
 * (statementPdfOptions). Chromium starts at the first print (a core that prints nothing launches nothing), in a
 * fresh context per print; `close()` ends it unless the browser was lent.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null;

  constructor(private readonly lent?: Browser) {
    this.browser = lent ? Promise.resolve(lent) : null;
  }

  async print(html: string): Promise<Uint8Array> {
    this.browser ??= launchChromium();
    const context = await (await this.browser).newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const { format, landscape, printBackground, preferCSSPageSize, displayHeaderFooter } = statementPdfOptions;
      const bytes = await page.pdf({ format, landscape, printBackground, preferCSSPageSize, displayHeaderFooter });
      return new Uint8Array(bytes);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    if (this.lent || !this.browser) return;
    const browser = this.browser;
    this.browser = null;
    await (await browser).close().catch(() => undefined);
  }
}
