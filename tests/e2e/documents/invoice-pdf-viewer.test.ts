import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '../../../electron/contract';
import { ENCRYPTED_PDF_PASSWORD } from '../../org/documents/document-store';
import { tempDir } from '../../support/test-ports';
import { renderedNumbers } from '../workspace/workspace-driver';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * The invoice PDF inside the app (issue #15): "Invoice PDF" in the detail panel opens the document Salesforce holds,
 * drawn by pdf.js in the sandboxed renderer under the CSP, its worker from 'self' under a CSP of its own. Against the
 * local org's real PDFs (pdfkit), checked with poppler's pdftotext, never with pdf.js itself.
 */
describe('the invoice PDF viewer', () => {
  let w: WorkspaceFixture;
  let records: Record<string, unknown>[];
  const temp = tempDir();
  const violations: string[] = [];
  const withDocument = (n: number) => records.filter((r) => w.org.control.documentOf(String(r.Id)) !== null)[n]!;
  const withoutDocument = () => records.find((r) => w.org.control.documentOf(String(r.Id)) === null)!;
  const viewer = () => w.page.getByTestId('document-viewer');

  /** Finds the invoice by its number and opens its PDF from the detail panel. */
  async function openPdf(record: Record<string, unknown>) {
    const search = w.page.getByTestId('search');
    await search.fill(String(record.DocumentNumber));
    await poll(async () => (await renderedNumbers(w.page))[0]).toBe(String(record.DocumentNumber));
    await search.press('Enter');
    await poll(() => w.page.getByTestId('detail-panel').locator('h2').textContent()).toContain(String(record.DocumentNumber));
    await w.page.getByTestId('open-invoice-pdf').click();
    await viewer().waitFor();
  }
  async function closeViewer() {
    await w.page.keyboard.press('Escape');
    await poll(() => viewer().count()).toBe(0);
  }
  /** Pages of the PDF by poppler, from the bytes the org serves (read through the app's core, as a check of pdf.js). */
  async function pagesByPoppler(record: Record<string, unknown>): Promise<number> {
    const answer = await w.harness.testCore.call('invoices.document', { connectionId: await connectionId(), id: record.Id });
    const file = join(temp.dir, `${String(record.Id)}.pdf`);
    writeFileSync(file, (answer as { value: InvoiceDocument }).value.bytes);
    // pdftotext ends every page with a form feed.
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').length - 1;
  }
  async function connectionId(): Promise<string> {
    const list = await w.harness.testCore.call('connections.list');
    return (list as { value: { id: string }[] }).value[0]!.id;
  }
  const shownPage = () => w.page.getByTestId('pdf-page').getAttribute('data-rendered');

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 60, multiCurrency: false }, connect: true });
    records = w.org.control.records('Invoice');
    w.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => {
    await w?.close();
    temp.remove();
  });

  it('opens "Invoice PDF" inside the app: page 1 of N drawn on a canvas, pages and zoom by keyboard, Escape returns focus', async () => {
    const record = withDocument(0);
    const pages = await pagesByPoppler(record);
    expect(pages).toBeGreaterThan(1);
    await openPdf(record);
    expect(await viewer().locator('h2').textContent()).toContain(String(record.DocumentNumber));
    await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toBe(`Page 1 of ${pages}`);
    await poll(shownPage).toMatch(/^1@/);
    expect(await w.page.getByTestId('pdf-kept').count()).toBe(0); // Salesforce answered: not an offline copy
    // The page is drawn: the canvas has ink on white, not a blank.
    const ink = await w.page.getByTestId('pdf-page').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) dark++;
      return dark;
    });
    expect(ink).toBeGreaterThan(500);
    // Fit width by default: the page fills the scroll area's width (no horizontal scroll bar).
    const fit = await w.page.getByTestId('pdf-scroller').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, canvas: el.querySelector('canvas')!.getBoundingClientRect().width }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.canvas).toBeGreaterThan(fit.client * 0.8);
    expect(await w.page.getByTestId('pdf-fit-width').getAttribute('aria-pressed')).toBe('true');

    // Page Down / Page Up, and the buttons' limits.
    await w.page.getByTestId('pdf-scroller').focus();
    await w.page.keyboard.press('PageDown');
    await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toBe(`Page 2 of ${pages}`);
    await poll(shownPage).toMatch(/^2@/);
    await w.page.keyboard.press('End');
    expect(await w.page.getByTestId('pdf-next').isDisabled()).toBe(true);
    await w.page.keyboard.press('PageUp');
    await w.page.keyboard.press('Home');
    await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toBe(`Page 1 of ${pages}`);
    expect(await w.page.getByTestId('pdf-previous').isDisabled()).toBe(true);

    // Ctrl+= zooms in a step, Ctrl+- out; the page is drawn again at that scale.
    const scale = async () => Number(await w.page.getByTestId('pdf-zoom').getAttribute('data-scale'));
    const before = await scale();
    await w.page.keyboard.press('Control+Equal');
    await poll(scale).toBeGreaterThan(before);
    const zoomed = await scale();
    await poll(shownPage).toBe(`1@${zoomed}`);
    expect(await w.page.getByTestId('pdf-fit-width').getAttribute('aria-pressed')).toBe('false');
    await w.page.keyboard.press('Control+Minus');
    await w.page.keyboard.press('Control+Minus');
    await poll(scale).toBeLessThan(before);
    await w.page.getByTestId('pdf-fit-width').click();
    await poll(scale).toBe(before);

    await w.harness.screenshot('invoice-pdf-viewer-light');
    await expectAccessible(w.page, 'the invoice PDF viewer');
    await w.page.emulateMedia({ colorScheme: 'dark' });
    await w.harness.screenshot('invoice-pdf-viewer-dark');
    await expectAccessible(w.page, 'the invoice PDF viewer, dark');
    await w.page.emulateMedia({ colorScheme: 'light' });

    await closeViewer();
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-invoice-pdf');
    expect(violations).toEqual([]);
  });

  it("runs pdf.js's worker from 'self' under a CSP of its own: it cannot fetch", async () => {
    const record = withDocument(1);
    await openPdf(record);
    await poll(shownPage).toMatch(/^1@/);
    const workers = w.page.workers();
    expect(workers.map((worker) => new URL(worker.url()).origin)).toEqual([new URL(w.harness.url).origin]);
    // The worker's policy is the one its script was served with (default-src 'none'), not the page's: a fetch from
    // inside it is refused. (eval cannot be tried this way: code run through DevTools is exempt from CSP's eval
    // check, in the page too; tests/security/pdf-worker-policy.test.ts checks the header and the built worker's code.)
    const fetched = await workers[0]!.evaluate(async () => {
      try {
        await fetch(location.origin + '/index.html');
        return 'fetch ran';
      } catch {
        return 'fetch refused';
      }
    });
    expect(fetched).toBe('fetch refused');
    await closeViewer();
  });

  it('says plainly what is wrong: no document, not a PDF (with Try again), password-protected (asks, then shows it), unreadable', async () => {
    await openPdf(withoutDocument());
    await poll(() => w.page.getByTestId('pdf-problem').textContent()).toContain('No PDF in Salesforce for this invoice');
    expect(await w.page.getByTestId('pdf-retry').count()).toBe(0);
    await closeViewer();

    const notPdf = withDocument(2);
    w.org.control.setDocumentFault(String(notPdf.Id), 'notPdf');
    await openPdf(notPdf);
    await poll(() => w.page.getByTestId('pdf-problem').textContent()).toContain('not a whole PDF');
    expect(await w.page.getByTestId('pdf-page').count()).toBe(0);
    w.org.control.setDocumentFault(String(notPdf.Id), null);
    await w.page.getByTestId('pdf-retry').click();
    await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toMatch(/^Page 1 of \d+$/);
    await closeViewer();

    const locked = withDocument(3);
    w.org.control.setDocumentFault(String(locked.Id), 'encrypted');
    await openPdf(locked);
    await poll(() => w.page.getByTestId('pdf-password-message').textContent()).toContain('password-protected');
    expect(await w.page.getByTestId('pdf-page').count()).toBe(0);
    await w.page.getByTestId('pdf-password-input').fill('not-the-password');
    await w.page.keyboard.press('Enter');
    await poll(() => w.page.getByTestId('pdf-password-message').textContent()).toContain('does not open');
    await w.page.getByTestId('pdf-password-input').fill(ENCRYPTED_PDF_PASSWORD);
    await w.page.keyboard.press('Enter');
    await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toBe('Page 1 of 2');
    await poll(shownPage).toMatch(/^1@/);
    // The attempts without and with the wrong password left no pdf.js worker behind: only the open document's runs.
    await poll(() => w.page.workers().length).toBe(1);
    await w.harness.screenshot('invoice-pdf-viewer-password');
    await closeViewer();
    w.org.control.setDocumentFault(String(locked.Id), null);

    // Framed like a PDF (so the core keeps it) but no reader can draw it: said, never a blank page.
    const garbled = withDocument(4);
    w.org.control.setDocumentFault(String(garbled.Id), 'garbled');
    await openPdf(garbled);
    await poll(() => w.page.getByTestId('pdf-problem').getAttribute('data-kind')).toBe('unreadable');
    expect(await w.page.getByTestId('pdf-problem').textContent()).toContain('cannot be shown');
    expect(await w.page.getByTestId('pdf-page').count()).toBe(0);
    await closeViewer();
    w.org.control.setDocumentFault(String(garbled.Id), null);
    // Nothing left running once the viewer is closed, not even the worker of a PDF that could not be read.
    await poll(() => w.page.workers().length).toBe(0);
  });

  it('offline: the copy kept when it was last opened, saying when; without one, says so, and Try again works once back', async () => {
    w.org.control.injectFault({ kind: 'drop', count: 10_000, pathPrefix: '/services/' });
    try {
      await openPdf(withDocument(0)); // opened in the first test: kept
      await poll(() => w.page.getByTestId('pdf-kept').textContent()).toMatch(/^Salesforce is out of reach: showing the copy kept on .*\d/);
      await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toMatch(/^Page 1 of \d+$/);
      await closeViewer();

      await openPdf(withDocument(5)); // never opened
      await poll(() => w.page.getByTestId('pdf-problem').getAttribute('data-kind')).toBe('offline');
      expect(await w.page.getByTestId('pdf-problem').textContent()).toContain('has not been kept on this computer');
    } finally {
      w.org.control.clearFaults();
    }
    await w.page.getByTestId('pdf-retry').click();
    await poll(() => w.page.getByTestId('pdf-page-of').textContent()).toMatch(/^Page 1 of \d+$/);
    expect(await w.page.getByTestId('pdf-kept').count()).toBe(0);
    await closeViewer();
  });

  it("Save as… writes Salesforce's PDF where the user picks (pdftotext: its number and the total of its lines and tax); Print puts every page, and only them, on paper", async () => {
    const record = withDocument(6);
    const pages = await pagesByPoppler(record);
    await openPdf(record);
    await poll(shownPage).toMatch(/^1@/);

    const target = join(temp.dir, 'saved invoice.pdf');
    w.harness.testCore.saveDialog.answer = target;
    await w.page.getByTestId('pdf-save-as').click();
    await poll(() => w.page.getByTestId('pdf-action-message').textContent()).toBe(`Saved to ${target}`);
    expect(w.harness.testCore.saveDialog.asked.at(-1)).toMatch(/\.pdf$/);
    const saved = readFileSync(target);
    expect(createHash('md5').update(saved).digest('hex')).toBe(w.org.control.documentOf(String(record.Id))!.checksum);
    // The total computed from the org's records, not from the app: the invoice's lines summed, plus its tax.
    const lines = w.org.control.records('InvoiceLine').filter((line) => line.InvoiceId === record.Id);
    const cents = lines.reduce((sum, line) => sum + Math.round(Number(line.LineAmount) * 100), 0) + Math.round(Number(record.TotalTaxAmount) * 100);
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Invoice ${String(record.DocumentNumber)}`);
    expect(text).toContain(`Total: USD ${(cents / 100).toFixed(2)}`);
    w.harness.testCore.saveDialog.answer = null; // cancelled: nothing said, nothing written
    await w.page.getByTestId('pdf-save-as').click();
    await poll(() => w.page.getByTestId('pdf-action-message').count()).toBe(0);

    await w.page.getByTestId('pdf-print-button').click();
    await poll(() => w.page.getByTestId('pdf-print').getAttribute('data-ready')).toBe('true');
    expect(await w.page.getByTestId('pdf-print-page').count()).toBe(pages);
    expect(await w.page.getByTestId('pdf-print').isVisible()).toBe(false); // not on screen
    await w.page.emulateMedia({ media: 'print' });
    try {
      expect(await w.page.locator('#root').isVisible()).toBe(false);
      expect(await viewer().isVisible()).toBe(false);
      for (let page = 1; page <= pages; page++) {
        const sheet = w.page.locator(`[data-testid="pdf-print-page"][data-page="${page}"]`);
        expect(await sheet.isVisible(), `page ${page} printed`).toBe(true);
        const ink = await sheet.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
          return dark;
        });
        expect(ink, `page ${page} has its text`).toBeGreaterThan(200);
      }
      await w.harness.screenshot('invoice-pdf-print');
    } finally {
      await w.page.emulateMedia({ media: 'screen' });
    }
    await closeViewer();
  });
});
