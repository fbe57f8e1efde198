import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/** The org's open invoices as the setting means them (a balance, posted): computed from the org's records. */
function openInvoiceCount(w: WorkspaceFixture): number {
  return w.org.control.records('Invoice').filter((r) => Number(r.Balance ?? 0) !== 0 && r.Status === 'Posted').length;
}

describe('Settings → Invoice PDFs: the disk budget and keeping PDFs of open invoices offline, with progress', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 400 } });
  });
  afterAll(async () => w?.close());

  const dialog = () => w.page.getByTestId('settings-dialog');
  const budget = () => dialog().getByTestId('settings-pdf-budget');
  const note = () => dialog().getByTestId('settings-pdf-budget-note');
  const saved = async () => (await w.harness.testCore.call('settings.get')).value as { pdfBudgetMb: number; keepPdfsOffline: boolean };

  it('the budget: 500 MB by default, a bad value is refused and said, 0 says PDFs open online only', async () => {
    await w.page.getByTestId('open-settings').click();
    await expect(budget().inputValue()).resolves.toBe('500');
    for (const bad of ['abc', '-1', '2.5', '100001']) {
      await budget().fill(bad);
      await budget().press('Enter');
      await poll(() => note().textContent()).toBe('Enter a whole number of MB from 0 to 100000.');
      await expect(budget().getAttribute('aria-invalid')).resolves.toBe('true');
      expect((await saved()).pdfBudgetMb).toBe(500);
    }
    await budget().fill('0');
    await budget().press('Tab');
    await poll(async () => (await saved()).pdfBudgetMb).toBe(0);
    await poll(() => note().textContent()).toBe('No PDFs are kept on this computer: they open while you are online, but not offline.');
    await budget().fill('2');
    await budget().press('Enter');
    await poll(async () => (await saved()).pdfBudgetMb).toBe(2);
    await expect(dialog().getByTestId('settings-keep-pdfs').isChecked()).resolves.toBe(false);
    await expectAccessible(w.page, 'the Settings dialog with Invoice PDFs');
  });

  it('switched on: the status bar says how far it is ("… of N · … MB of 2 MB") with Cancel, which stops it', async () => {
    // Slow downloads, so the line is seen while it runs.
    w.org.control.injectFault({ kind: 'latency', pathPrefix: '/services/data/v67.0/sobjects/ContentVersion/', ms: 300, count: 10_000 });
    await dialog().getByTestId('settings-keep-pdfs').check();
    await poll(async () => (await saved()).keepPdfsOffline).toBe(true);
    await dialog().getByRole('button', { name: 'Done' }).click();
    const line = w.page.getByTestId('prefetch-status');
    const total = openInvoiceCount(w);
    await poll(async () => (await line.getAttribute('data-state')) === 'running' && /: [1-9]\d* of/.test((await line.textContent()) ?? '')).toBe(true);
    expect(await line.textContent()).toMatch(new RegExp(`^Keeping PDFs offline: \\d+ of ${total} · [\\d.]+ MB of 2 MB`));
    await expectAccessible(w.page, 'the workspace with the PDF progress line');
    await line.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => line.count()).toBe(0);
    w.org.control.clearFaults();
  });

  it('says how it ended ("kept offline: N of N"), and the line goes when the setting is switched off', async () => {
    const line = w.page.getByTestId('prefetch-status');
    // The next sync goes on where Cancel stopped it.
    await w.page.getByTestId('sync-button').click();
    await poll(() => line.getAttribute('data-state')).toBe('done');
    const total = openInvoiceCount(w);
    expect(await line.textContent()).toMatch(new RegExp(`^PDFs of open invoices kept offline: \\d+ of ${total} · [\\d.]+ MB of 2 MB`));
    await w.page.getByTestId('open-settings').click();
    await dialog().getByTestId('settings-keep-pdfs').uncheck();
    await poll(async () => (await saved()).keepPdfsOffline).toBe(false);
    await dialog().getByRole('button', { name: 'Done' }).click();
    await poll(() => line.count()).toBe(0);
  });
});
