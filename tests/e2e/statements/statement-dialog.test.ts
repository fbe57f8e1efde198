import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/test-ports';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * "Statement…" (issue #15) from the customer view and "Statements…" over the list, end to end: the dialog names the
 * customer, the day and the period; the core asks where to save, prints (Chromium's page.pdf(), the engine of
 * Electron's printToPDF) and writes; the PDF's text is checked with pdftotext. One workspace for the file.
 */
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('statements from the workspace', () => {
  let w: WorkspaceFixture;
  const temp = tempDir('budgetly-e2e-statements-');

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 1500 } });
  });
  afterAll(async () => {
    await w?.close();
    temp.remove();
  });

  const dialog = () => w.page.getByTestId('statement-dialog');

  it('from the customer view: as of the aging date, with the payments of a period; Save… writes the PDF, Print opens it in the OS', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    const invoice = w.invoices().find((inv) => inv.customer && inv.balance && inv.balance > 0 && inv.status === 'Posted')!;
    const customer = invoice.customer!;
    await w.page.getByTestId('search').fill(invoice.number);
    await poll(() => w.page.locator('.grid-body [role="row"]').count()).toBe(1);
    await w.page.locator('.grid-body [role="row"]').first().locator('.customer-link').click();
    await w.page.getByTestId('customer-statement').click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('statement-customer').textContent()).toBe(customer);
    expect(await dialog().getByTestId('statement-as-of').getAttribute('data-value')).toBe(asOf);
    await dialog().getByTestId('statement-list-payments').check();
    await dialog().getByTestId('statement-period-from').waitFor();
    await w.harness.screenshot('statement-dialog');
    await expectAccessible(w.page, 'statement dialog');

    const path = join(temp.dir, 'statement.pdf');
    w.harness.testCore.saveDialog.answer = path;
    await dialog().getByTestId('statement-save').click();
    await poll(() => dialog().getByTestId('statement-status').getAttribute('data-state')).toBe('saved');
    expect(w.harness.testCore.saveDialog.asked.at(-1)).toMatch(/ - Statement \d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = text(path);
    expect(pdf).toContain('Statement of account');
    expect(pdf).toContain(customer);
    expect(pdf).toContain(invoice.number);
    expect(pdf).toContain('Payments received');

    const opened = w.harness.testCore.shell.openedPaths.length;
    await dialog().getByTestId('statement-print').click();
    await poll(() => dialog().getByTestId('statement-status').getAttribute('data-state')).toBe('opened');
    expect(w.harness.testCore.shell.openedPaths).toHaveLength(opened + 1);
    expect(text(w.harness.testCore.shell.openedPaths.at(-1)!)).toContain(customer);
    await w.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // Closing the statement leaves the customer view open (its own Escape closes it).
    expect(await w.page.getByTestId('customer-view').isVisible()).toBe(true);
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('customer-view').waitFor({ state: 'detached' });
    await w.page.getByTestId('search').fill('');
  });

  it('over the list: one PDF per customer into a chosen folder with progress; Cancel stops and keeps what was written', async () => {
    const customers = new Set(w.invoices().map((inv) => inv.customer).filter(Boolean));
    expect(customers.size).toBeGreaterThan(10);
    const folder = join(temp.dir, 'all');
    mkdirSync(folder);
    w.harness.testCore.folderDialog.answer = folder;
    await w.page.getByTestId('statements-button').click();
    await dialog().waitFor();
    await dialog().getByTestId('statement-save-many').click();
    // Stopped as soon as the first file is written.
    await poll(() => dialog().getByTestId('statement-status').textContent()).toMatch(/^[1-9]\d* of /);
    await dialog().getByTestId('statement-cancel').click();
    await poll(() => dialog().getByTestId('statement-status').getAttribute('data-state')).toBe('many');
    const status = (await dialog().getByTestId('statement-status').textContent())!;
    const written = Number(/Stopped: (\d+) of (\d+)/.exec(status)![1]);
    expect(status).toContain(`of ${customers.size} statements were written to ${folder}`);
    const files = readdirSync(folder);
    expect(files).toHaveLength(written);
    expect(written).toBeLessThan(customers.size);
    for (const file of files) expect(file).toMatch(/ - Statement \d{4}-\d{2}-\d{2}\.pdf$/);
  });
});
