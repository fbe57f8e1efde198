/// <reference lib="dom" />
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ScriptedSaveDialog } from '../../tests/index';

/** What summary.json says of the open invoice's PDF. */
export interface InvoicePdfSummary {
  number: string;
  /** `invoice.pdf` in --out (the bytes the app checked against Salesforce's Checksum and saved through Save as…), or null. */
  file: string | null;
  pages: number | null;
  /** Why there is no file (the viewer's own message: no document in Salesforce, refused, password-protected). */
  problem: string | null;
}

/**
 * `demo:headless` step for issue #15: from the open detail panel, "Invoice PDF" opens the viewer (screenshots in the
 * theme of the run and in the other one), then Save as… writes the document to <out>/invoice.pdf through the app's
 * own channel (the save dialog answered by the harness), and Escape closes the viewer.
 */
export async function demoInvoicePdf(
  page: Page,
  saveDialog: ScriptedSaveDialog,
  out: string,
  step: (name: string, action: () => Promise<void>) => Promise<void>,
  theme: 'light' | 'dark',
): Promise<InvoicePdfSummary> {
  const file = join(out, 'invoice.pdf');
  rmSync(file, { force: true }); // a file from an earlier run must not pass for this one's
  const number = ((await page.getByTestId('detail-panel').locator('h2').textContent()) ?? '').replace(/^\S+\s/, '');
  const viewer = page.getByTestId('document-viewer');
  let problem: string | null = null;
  await step(`invoice-pdf-${theme}`, async () => {
    await page.getByTestId('open-invoice-pdf').click();
    await viewer.locator('[data-testid="pdf-page"][data-rendered], [data-testid="pdf-problem"], [data-testid="pdf-password"]').first().waitFor({ timeout: 60_000 });
    if ((await viewer.getByTestId('pdf-page').count()) === 0) problem = (await viewer.locator('[role="alert"]').first().textContent()) ?? 'not shown';
  });
  const other = theme === 'light' ? 'dark' : 'light';
  await page.emulateMedia({ colorScheme: other });
  await step(`invoice-pdf-${other}`, async () => undefined);
  await page.emulateMedia({ colorScheme: theme });
  let pages: number | null = null;
  if (problem === null) {
    pages = Number(/of (\d+)/.exec((await viewer.getByTestId('pdf-page-of').textContent()) ?? '')?.[1] ?? Number.NaN);
    saveDialog.answer = file;
    await viewer.getByTestId('pdf-save-as').click();
    await viewer.getByTestId('pdf-action-message').waitFor();
    saveDialog.answer = null;
  }
  await page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'detached' });
  const saved = existsSync(file);
  console.log(saved ? `invoice.pdf: ${number}, ${pages} pages → ${file}` : `invoice.pdf: not written (${number}: ${problem ?? 'not saved'})`);
  return { number, file: saved ? file : null, pages, problem };
}
