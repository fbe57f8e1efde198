/// <reference lib="dom" />
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ScriptedSaveDialog } from '../../tests/index';

/** What summary.json says of the customer's statement. */
export interface StatementPdfSummary {
  customer: string;
  asOf: string;
  /** `statement.pdf` in --out, or null when it was not written (`problem` says why). */
  file: string | null;
  problem: string | null;
}

/**
 * `demo:headless` step for issue #15: from the open customer view (the customer of the invoice whose detail was
 * opened), "Statement…" opens the dialog (screenshot) as of the aging date, and Save… writes the statement to
 * <out>/statement.pdf through the app's own channel (the save dialog answered by the harness); Escape closes it.
 */
export async function demoStatementPdf(page: Page, saveDialog: ScriptedSaveDialog, out: string, step: (name: string, action: () => Promise<void>) => Promise<void>): Promise<StatementPdfSummary> {
  const file = join(out, 'statement.pdf');
  rmSync(file, { force: true }); // a file from an earlier run must not pass for this one's
  const dialog = page.getByTestId('statement-dialog');
  await step('statement-dialog', async () => {
    await page.getByTestId('customer-statement').click();
    await dialog.waitFor();
  });
  const customer = (await dialog.getByTestId('statement-customer').textContent()) ?? '';
  const asOf = (await dialog.getByTestId('statement-as-of').getAttribute('data-value')) ?? '';
  saveDialog.answer = file;
  await dialog.getByTestId('statement-save').click();
  await dialog.locator('[data-testid="statement-status"][data-state="saved"], [data-testid="statement-status"][data-state="failed"]').waitFor({ timeout: 60_000 });
  saveDialog.answer = null;
  const problem = (await dialog.getByTestId('statement-status').getAttribute('data-state')) === 'failed' ? await dialog.getByTestId('statement-status').textContent() : null;
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const saved = existsSync(file);
  console.log(saved ? `statement.pdf: ${customer} as of ${asOf} → ${file}` : `statement.pdf: not written (${customer}: ${problem ?? 'not saved'})`);
  return { customer, asOf, file: saved ? file : null, problem };
}
