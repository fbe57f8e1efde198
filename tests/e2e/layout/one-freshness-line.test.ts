import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * How fresh the invoices are is said once, in one sentence beside Sync ("Updated just now · 3 changed"), not three
 * times (the top bar's "Updated … · N new" and "Last synced …", the status bar's "Synced …"). While a sync runs its
 * progress stands there; when syncing fails the sentence says why.
 */
let w: WorkspaceFixture;

beforeAll(async () => {
  w = await startWorkspace({ org: { invoices: 300, multiCurrency: true }, connect: true, harness: { viewport: { width: 1280, height: 720 } } });
});
afterAll(async () => w?.close());

/** Every sentence on screen that says when the invoices were synced or updated. */
const freshnessSentences = () =>
  w.page.evaluate(() =>
    document.body.innerText
      .split('\n')
      .filter((line) => /\b(synced|updated)\b/i.test(line))
      .map((line) => line.trim()),
  );

describe('the freshness of the invoices', () => {
  it('is one sentence beside Sync: when the copy was refreshed and what that changed', async () => {
    const { page } = w;
    const line = page.getByTestId('freshness-status');
    // The connection's first sync loaded its invoices: none of them is announced as "new" (chase, #23).
    await poll(() => line.textContent()).toBe('Updated just now · 300 invoices loaded');
    expect(await freshnessSentences()).toEqual(['Updated just now · 300 invoices loaded']);
    expect(await page.locator('.topbar [data-testid="freshness-status"]').count()).toBe(1);
    expect(await page.locator('.status-bar').textContent()).not.toMatch(/synced|updated/i);
    // What the sync changed is its own part (the change log opens from it).
    expect(await line.getByTestId('freshness-changes').textContent()).toBe('300 invoices loaded');
    expect(await line.getAttribute('title')).toMatch(/^Updated just now · 300 invoices loaded\nLast successful sync: /);
    await w.harness.screenshot('freshness-one-line');
  });

  it('gives way to the progress while a sync runs, and comes back with what it changed', async () => {
    const { page, org } = w;
    const [first] = org.control.records('Invoice') as { Id: string }[];
    org.control.updateInvoices([first!.Id], { Balance: 7.5 });
    await page.getByTestId('sync-button').click();
    await poll(() => page.getByTestId('freshness-status').textContent()).toBe('Updated just now · 1 changed');
    expect(await freshnessSentences()).toEqual(['Updated just now · 1 changed']);
    expect(await page.locator('[data-testid="sync-progress"]').count()).toBe(0);
  });

  it('says why, in the same sentence, when the invoices cannot be refreshed', async () => {
    const { page } = w;
    await w.harness.context.setOffline(true);
    const line = page.getByTestId('freshness-status');
    await poll(() => line.getAttribute('data-reason')).toBe('offline');
    expect(await line.textContent()).toMatch(/^Updated just now · 1 changed · Offline · updates when back online$/);
    expect(await freshnessSentences()).toHaveLength(1);
    await w.harness.screenshot('freshness-one-line-offline');
    await w.harness.context.setOffline(false);
    await poll(() => line.getAttribute('data-reason')).toBe('');
  });
});
