import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Mapping, Result } from '../../../electron/contract';
import { holdChannel } from '../../support/held-channel';
import { expectedSummary, fromOrgRecords } from '../workspace/expected';
import { expectView } from '../workspace/view-assertions';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { readSummary } from '../workspace/workspace-driver';
import { BILLING_FIELDS, CUSTOM_FIELDS, invoicesOf, type ObjectFields } from './object-records';

/**
 * Choosing where an org's invoices come from, and which fields fill them: an org with all three
 * invoice objects (the standard Invoice, Salesforce Billing's, a custom one). Everything the test
 * expects is computed from the org's own records.
 */
const ORG_OBJECTS = ['Invoice', 'blng__Invoice__c', 'Invoice__c'] as const;
let w: WorkspaceFixture;

const dialog = () => w.page.getByTestId('invoice-source-dialog');
const editor = () => dialog().getByTestId('mapping-editor');
const fieldSelect = (label: string) => editor().getByRole('combobox', { name: label, exact: true });
const finishedSyncs = () => w.harness.testCore.events.of('invoices.syncProgress').filter((p) => p.phase === 'done').length;
const call = async <T>(channel: string, input?: unknown) => {
  const result = (await w.harness.testCore.call(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const connection = async () => (await call<Connection[]>('connections.list'))[0]!;

async function openFromMenu(item: string | RegExp): Promise<void> {
  const switcher = w.page.getByTestId('connection-switcher');
  await switcher.locator('summary').click();
  await switcher.getByRole('button', { name: item }).click();
}

/** Clicks "Sync now" in the dialog's saved note and waits for that sync to finish. */
async function syncFromDialog(): Promise<void> {
  const before = finishedSyncs();
  await dialog().getByTestId('invoice-source-sync').click();
  await poll(() => dialog().isVisible()).toBe(false);
  await poll(finishedSyncs).toBeGreaterThan(before);
}

/** The workspace shows exactly `object`'s records read through `fields`: totals first (they change with the reload), then the whole view. */
async function expectObjectShown(object: string, fields: ObjectFields): Promise<void> {
  const invoices = invoicesOf(w.org.control.records(object), fields);
  const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
  const expected = expectedSummary(invoices, asOf).map((c) => ({ currency: c.currency, count: c.count, total: c.total, balance: c.balance }));
  await poll(async () => (await readSummary(w.page)).map((c) => ({ currency: c.currency, count: c.count, total: c.total, balance: c.balance }))).toEqual(expected);
  await expectView(w.page, invoices, {}, { key: 'invoiceDate', desc: true });
}

beforeAll(async () => {
  w = await startWorkspace({ org: { objects: [...ORG_OBJECTS], invoices: 400, multiCurrency: true }, connect: true });
});
afterAll(async () => w?.close());

describe('invoice source', () => {
  it('offers the choice once, and lists exactly the org’s invoice objects in plain words, recommended first', async () => {
    const offer = w.page.getByTestId('invoice-source-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(`in ${ORG_OBJECTS.length} places`);
    await w.harness.screenshot('invoice-source-offer');
    await offer.getByRole('button', { name: 'Choose invoice source…' }).click();
    await dialog().getByTestId('invoice-objects').waitFor();
    await editor().waitFor();
    const listed = await dialog().locator('[data-object]').evaluateAll((els) => els.map((el) => el.getAttribute('data-object')));
    expect([...listed].sort()).toEqual([...ORG_OBJECTS].sort());
    expect(listed).not.toContain('SalesforceInvoice');
    // The standard Invoice (Revenue Cloud) is where Salesforce is heading: recommended, and first.
    expect(listed[0]).toBe('Invoice');
    const recommended = dialog().locator('[data-object]').filter({ hasText: 'Recommended' });
    expect(await recommended.count()).toBe(1);
    expect(await recommended.getAttribute('data-object')).toBe('Invoice');
    const words = { Invoice: 'Revenue Cloud invoices', blng__Invoice__c: 'Salesforce Billing', Invoice__c: 'Custom object' };
    for (const [object, title] of Object.entries(words)) {
      expect(await dialog().locator(`[data-object="${object}"]`).textContent()).toContain(title);
    }
    // The object in use (synced automatically at sign-in) is mapped field by field.
    expect(await fieldSelect('Invoice number').inputValue()).toBe('DocumentNumber');
    expect(await fieldSelect('Balance').inputValue()).toBe('Balance');
    await w.harness.screenshot('invoice-source-picker');
    await expectAccessible(w.page, 'invoice source picker');
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    // Offered once: gone after the user looked.
    await poll(() => offer.count()).toBe(0);
  });

  it('switches to Salesforce Billing and the next sync shows exactly its invoices', async () => {
    const billing = invoicesOf(w.org.control.records('blng__Invoice__c'), BILLING_FIELDS);
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    // The two objects hold different invoices, so the totals tell them apart.
    expect(expectedSummary(billing, asOf)).not.toEqual(expectedSummary(fromOrgRecords(w.org.control.records('Invoice')), asOf));

    await openFromMenu('Invoice source…');
    await dialog().getByRole('radio', { name: /Salesforce Billing/ }).check();
    await dialog().getByTestId('use-object').click();
    await dialog().getByTestId('invoice-source-saved').waitFor();
    await poll(() => fieldSelect('Total').inputValue()).toBe('blng__TotalAmount__c');
    await w.harness.screenshot('invoice-source-billing-saved');
    await syncFromDialog();
    await expectObjectShown('blng__Invoice__c', BILLING_FIELDS);
  });

  it('saves a custom Invoice__c mapping edited in the UI, and the next sync uses it', async () => {
    const records = w.org.control.records('Invoice__c');
    await openFromMenu('Invoice source…');
    await dialog().getByRole('radio', { name: /Custom object/ }).check();
    await dialog().getByTestId('use-object').click();
    await poll(() => fieldSelect('Balance').inputValue()).toBe(CUSTOM_FIELDS.balance);
    // Only fields holding amounts are offered for an amount.
    const amountFields = Object.keys(records[0]!).filter((name) => typeof records[0]![name] === 'number').sort();
    const offered = await fieldSelect('Balance')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect([...offered].sort()).toEqual(amountFields);

    await fieldSelect('Balance').selectOption('Tax__c');
    await w.harness.screenshot('invoice-source-custom-edited');
    await expectAccessible(w.page, 'field mapping editor');
    // While the save is on its way, the note of the previous save ("Saved — Sync now") is gone: a sync started
    // from it would still read the old fields.
    expect(await dialog().getByTestId('invoice-source-saved').count()).toBe(1);
    const held = holdChannel(w.harness.testCore.core, 'invoices.mapping.set');
    try {
      await editor().getByTestId('save-mapping').click();
      expect(await dialog().getByTestId('invoice-source-saved').count()).toBe(0);
    } finally {
      held.release();
    }
    await dialog().getByTestId('invoice-source-saved').waitFor();
    const saved = await call<Mapping>('invoices.mapping.get', { connectionId: (await connection()).id });
    expect({ object: saved.object, balance: saved.fields.balance }).toEqual({ object: 'Invoice__c', balance: 'Tax__c' });
    await syncFromDialog();
    await expectObjectShown('Invoice__c', { ...CUSTOM_FIELDS, balance: 'Tax__c' });

    // Opened again, the editor shows the saved choice.
    await openFromMenu('Invoice source…');
    expect(await fieldSelect('Balance').inputValue()).toBe('Tax__c');
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
 
    // A custom invoice object has no payment objects: the payment columns stay empty and the list says why, once.
    const menu = w.page.getByTestId('columns-menu');
    await menu.locator('summary').click();
    await menu.getByLabel('Paid amount', { exact: true }).check();
    await menu.locator('summary').click();
    await poll(() => w.page.getByTestId('payment-figures-note').textContent()).toContain('has no payment or credit objects');
    expect(await w.page.getByTestId('payment-figures-note').count()).toBe(1);
    expect(await w.page.locator('.grid-body [data-column="paid"]').evaluateAll((cells) => cells.map((c) => c.textContent).filter(Boolean))).toEqual([]);
    expect(await w.page.getByTestId('filter-paidLate').isDisabled()).toBe(true);
    await expectAccessible(w.page, 'payment columns without payment objects');
    await menu.locator('summary').click();
    await menu.getByLabel('Paid amount', { exact: true }).uncheck();
    await menu.locator('summary').click();
    await poll(() => w.page.getByTestId('payment-figures-note').count()).toBe(0);
  });

  it('says what the statuses mean, lets the accountant change it, and the cards follow; without payment objects an as-of view says its balances are the last sync\'s', async () => {
    // Still on the custom object (the previous test): its status picklist, proposed by words.
    await openFromMenu('Invoice source…');
    const kinds = dialog().getByTestId('status-kinds');
    const meaning = (value: string) => kinds.locator(`[data-status="${value}"] select`);
    expect(await Promise.all(['Draft', 'Sent', 'Paid', 'Cancelled'].map((v) => meaning(v).inputValue()))).toEqual(['draft', 'posted', 'posted', 'cancelled']);
    await meaning('Sent').selectOption('draft');
    await editor().getByTestId('save-mapping').click();
    await dialog().getByTestId('invoice-source-saved').waitFor();
    await syncFromDialog();
    // Every Draft and Sent invoice with its balance is now left out, per currency, counted from the org's records.
    const records = w.org.control.records('Invoice__c');
    const leftOut = new Map<string, { count: number; amount: number }>();
    for (const r of records) {
      if (r.Status__c !== 'Draft' && r.Status__c !== 'Sent') continue;
      const e = leftOut.get(r.CurrencyIsoCode as string) ?? { count: 0, amount: 0 };
      e.count++;
      // The balance as mapped by the previous test (Tax__c).
      e.amount = Math.round((e.amount + (r.Tax__c as number)) * 100) / 100;
      leftOut.set(r.CurrencyIsoCode as string, e);
    }
    await poll(async () => Object.fromEntries((await readSummary(w.page)).map((c) => [c.currency, c.excluded.drafts]))).toEqual(
      Object.fromEntries([...leftOut].filter(([currency]) => currency).map(([currency, e]) => [currency, e])),
    );
    await openFromMenu('Invoice source…');
    await meaning('Sent').selectOption('posted');
    await editor().getByTestId('save-mapping').click();
    await dialog().getByTestId('invoice-source-saved').waitFor();
    await syncFromDialog();
    await expectObjectShown('Invoice__c', { ...CUSTOM_FIELDS, balance: 'Tax__c' });

    // No payment applications to go back in time with: said plainly.
    await w.page.getByTestId('as-of').fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    await poll(() => w.page.getByTestId('as-of-last-sync').textContent()).toBe('Balances as of the last sync: this org’s payment applications are not synced.');
    await w.page.getByTestId('as-of-reset').click();
    await poll(() => w.page.getByTestId('as-of-note').count()).toBe(0);
  });

  it('says which field is left empty when field-level security hides it', async () => {
    w.org.control.setFieldHidden('Invoice__c', CUSTOM_FIELDS.status, true);
    try {
      const before = finishedSyncs();
      await w.page.getByTestId('sync-button').click();
      await poll(finishedSyncs).toBeGreaterThan(before);
      // Reachable from Settings too.
      await w.page.getByTestId('open-settings').click();
      await w.page.getByTestId('settings-invoice-source').click();
      await poll(() => w.page.getByTestId('settings-dialog').isVisible()).toBe(false);
      const warnings = dialog().getByTestId('mapping-warnings');
      await warnings.waitFor();
      const text = await warnings.textContent();
      expect(text).toContain(`Status is left empty: the field ${CUSTOM_FIELDS.status}`);
      expect(text).toContain('field-level security');
      expect(await fieldSelect('Status').inputValue()).toBe('');
      await w.harness.screenshot('invoice-source-fls-warning');
      await expectAccessible(w.page, 'field mapping with a warning');
      await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    } finally {
      w.org.control.setFieldHidden('Invoice__c', CUSTOM_FIELDS.status, false);
    }
  });

  it('edits the connection: its name and sign-in method are saved', async () => {
    const before = await connection();
    expect(before.signInMethod).toBe('window');
    await openFromMenu(`Edit ${before.label}…`);
    const edit = w.page.getByTestId('edit-connection-dialog');
    await edit.waitFor();
    // Signed in: where and with which app it signs in stay as they are, and the dialog says why.
    expect(await edit.getByRole('textbox', { name: 'Client id' }).isDisabled()).toBe(true);
    expect(await edit.getByTestId('edit-connection-locked').textContent()).toContain('sign out of the org first');
    await edit.getByRole('radio', { name: /Use my browser/ }).check();
    await edit.getByRole('textbox', { name: 'Name for this connection' }).fill('Acme books');
    await w.harness.screenshot('invoice-source-edit-connection');
    await expectAccessible(w.page, 'edit connection');
    await edit.getByTestId('save-connection').click();
    await poll(() => edit.count()).toBe(0);
    const after = await connection();
    expect({ label: after.label, signInMethod: after.signInMethod, clientId: after.clientId, loginUrl: after.loginUrl }).toEqual({
      label: 'Acme books',
      signInMethod: 'browser',
      clientId: before.clientId,
      loginUrl: before.loginUrl,
    });
    await poll(() => w.page.getByTestId('connection-switcher').locator('.switcher-label').textContent()).toBe('Acme books');
  });

  it('signs out from the edit dialog, then checks and saves a new client id as the add form does', async () => {
    await openFromMenu('Edit Acme books…');
    const edit = w.page.getByTestId('edit-connection-dialog');
    const clientId = edit.getByRole('textbox', { name: 'Client id' });
    await edit.getByTestId('sign-out').click();
    await edit.getByTestId('confirm-sign-out').click();
    await poll(() => clientId.isDisabled()).toBe(false);
    expect((await connection()).status).toBe('disconnected');
    await clientId.fill('');
    await edit.getByTestId('save-connection').click();
    await poll(() => clientId.getAttribute('aria-invalid')).toBe('true');
    expect(await edit.textContent()).toContain('Enter the client id');
    await w.harness.screenshot('invoice-source-edit-connection-signed-out');
    await expectAccessible(w.page, 'edit connection, signed out, with an error');
    await clientId.fill('budgetly-other');
    await edit.getByTestId('save-connection').click();
    await poll(() => edit.count()).toBe(0);
    expect((await connection()).clientId).toBe('budgetly-other');
  });
});
