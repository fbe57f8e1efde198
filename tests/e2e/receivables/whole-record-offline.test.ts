import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectDemo, waitForSynced } from '../workspace/workspace-driver';

/** What the detail panel shows of an invoice: its lines and every field (those under More too), as text. */
async function panelText(w: WorkspaceFixture) {
  const panel = w.page.getByTestId('detail-panel');
  await panel.getByTestId('detail-lines').waitFor();
  return {
    lines: await panel.getByTestId('detail-lines').innerText(),
    fields: await panel.getByTestId('detail-fields').innerText(),
    // Folded under More (closed): read as text, not as what is visible.
    more: await panel.getByTestId('detail-system-fields').textContent(),
    terms: await panel.getByTestId('detail-terms').textContent(),
  };
}

/**
 * Issue #13: the whole invoice record offline, for every invoice. Sync, let the background phase keep every invoice's
 * record, lose Salesforce, open an invoice never opened before: its lines and all its fields read exactly as the
 * online panel shows them. Over Salesforce Billing (lines in blng__InvoiceLine__c, payment terms, currency fields).
 */
describe('an invoice never opened, offline: the panel shows what it shows online', () => {
  let w: WorkspaceFixture;
  let records: Record<string, unknown>[];

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 400, objects: ['blng__Invoice__c'] }, harness: { recordPhase: true } });
    await connectDemo(w.page, w.agent());
    records = w.org.control.records('blng__Invoice__c');
    await waitForSynced(w.page, records.length);
  });
  afterAll(async () => w?.close());

  it('keeps every invoice’s lines and fields after the sync, then shows them offline as online', async () => {
    // The background phase after the sync: its progress in the status bar, then gone once every record is kept.
    const ended = () => w.harness.testCore.events.of('invoices.recordProgress').filter((p) => p.phase === 'done').length;
    await poll(ended).toBe(1);
    await poll(() => w.page.getByTestId('record-status').count()).toBe(0);

    const row = w.page.locator('.grid-body [aria-rowindex="4"]');
    const number = (await row.locator('[data-column="number"]').textContent())!;
    const record = records.find((r) => r.Name === number)!;
    // Salesforce out of reach (every request fails as a network that is down would).
    w.org.control.injectFault({ kind: 'drop', count: 100_000 });
    let offline;
    const panel = w.page.getByTestId('detail-panel');
    try {
      await row.click();
      await panel.getByTestId('detail-kept').waitFor();
      offline = await panelText(w);
      expect(await panel.getByTestId('detail-cached-only').count()).toBe(0);
      await w.harness.screenshot('detail-offline-never-opened');
      await expectAccessible(w.page, 'detail panel offline from the record copy');
      await w.page.keyboard.press('Escape');
      await poll(() => panel.count()).toBe(0);
    } finally {
      w.org.control.clearFaults();
    }

    await row.click();
    await poll(() => panel.getByTestId('detail-lines').count()).toBe(1);
    const online = await panelText(w);
    expect(await panel.getByTestId('detail-kept').count()).toBe(0);
    expect(offline).toEqual(online);

    // And it is the org's record: its lines (by product), the payment terms, the money in the invoice's currency.
    const lines = w.org.control.records('blng__InvoiceLine__c').filter((l) => l.blng__Invoice__c === record.Id);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(offline.lines).toContain(String(line.Name));
    expect(offline.terms).toBe(`Payment terms: ${String(record.blng__PaymentTerm__c)}`);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: String(record.CurrencyIsoCode), currencySign: 'accounting' });
    expect(offline.fields).toContain(money.format(record.blng__TotalAmount__c as number));
  });

  it('a line field hidden from the user: the panel, offline, says which one and why it is blank', async () => {
    w.org.control.setFieldHidden('blng__InvoiceLine__c', 'blng__Quantity__c', true);
    const panel = w.page.getByTestId('detail-panel');
    try {
      const phases = () => w.harness.testCore.events.of('invoices.recordProgress').filter((p) => p.phase === 'done').length;
      const before = phases();
      await w.page.getByTestId('sync-button').click();
      await poll(phases).toBe(before + 1);
      w.org.control.injectFault({ kind: 'drop', count: 100_000 });
      await w.page.locator('.grid-body [aria-rowindex="6"]').click();
      await panel.getByTestId('detail-kept').waitFor();
      await poll(() => panel.getByTestId('detail-record-warning').textContent()).toBe(
        'Lines kept offline: the field blng__Quantity__c of blng__InvoiceLine__c is hidden from you (field-level security) and left blank.',
      );
      await expectAccessible(w.page, 'detail panel offline with a field hidden from the record copy');
    } finally {
      w.org.control.clearFaults();
      w.org.control.setFieldHidden('blng__InvoiceLine__c', 'blng__Quantity__c', false);
    }
  });
});
