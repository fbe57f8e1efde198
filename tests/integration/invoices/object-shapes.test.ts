import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import type { InvoiceDetail } from '../../../electron/contract';
import { tempDir } from '../../support/test-ports';
import { CONNECTION_ID, startHarness, type Harness, withOrgHarness } from './support/invoice-harness';

/** Per shape: the org's field names for number, customer relationship, dates, status, total, balance. */
const SHAPES = {
  Invoice: { number: 'DocumentNumber', account: 'BillingAccountId', invoiceDate: 'InvoiceDate', dueDate: 'DueDate', status: 'Status', total: 'TotalAmountWithTax', balance: 'Balance' },
  blng__Invoice__c: {
    number: 'Name', account: 'blng__Account__c', invoiceDate: 'blng__InvoiceDate__c', dueDate: 'blng__DueDate__c',
    status: 'blng__InvoiceStatus__c', total: 'blng__TotalAmount__c', balance: 'blng__Balance__c',
  },
  Invoice__c: { number: 'Name', account: 'Account__c', invoiceDate: 'Invoice_Date__c', dueDate: 'Due_Date__c', status: 'Status__c', total: 'Amount__c', balance: 'Amount_Due__c' },
} as const;

/** What each shape's status values mean for receivables by default (the org's picklists). */
const STATUS_KINDS = {
  Invoice: [['Draft', 'draft'], ['Posted', 'posted'], ['Paid', 'posted'], ['Cancelled', 'cancelled']],
  blng__Invoice__c: [['Draft', 'draft'], ['Posted', 'posted'], ['Cancelled', 'cancelled']],
  Invoice__c: [['Draft', 'draft'], ['Sent', 'posted'], ['Paid', 'posted'], ['Cancelled', 'cancelled']],
};

type Field = InvoiceDetail['fields'][number];

describe('each invoice object shape, detail and links', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temp = tempDir();
  const connectionId = CONNECTION_ID;

  beforeAll(async () => {
    org = await startOrg({ invoices: 300, objects: ['Invoice', 'blng__Invoice__c', 'Invoice__c'], multiCurrency: true });
    harness = await startHarness(org, temp.dir, { tuning: { pageSize: 200 } });
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop();
    temp.remove();
  });

  it('finds the three invoice objects (queryable, never SalesforceInvoice) and recommends the standard one', async () => {
    const objects = await harness.call('invoices.objects', { connectionId });
    expect(objects.value).toEqual([
      { name: 'Invoice', label: 'Invoice', shape: 'Invoice', recommended: true },
      { name: 'blng__Invoice__c', label: 'Invoice', shape: 'blng__Invoice__c', recommended: false },
      { name: 'Invoice__c', label: 'Invoice', shape: 'custom', recommended: false },
    ]);
  });

  for (const [object, names] of Object.entries(SHAPES)) {
    it(`maps and syncs ${object} onto the canonical invoice`, async () => {
      const mapping = await harness.call('invoices.mapping.set', { connectionId, object });
      expect(mapping.ok, JSON.stringify(mapping.error)).toBe(true);
      expect(mapping.value.fields).toMatchObject({
        number: names.number, customer: names.account, invoiceDate: names.invoiceDate, dueDate: names.dueDate,
        status: names.status, total: names.total, balance: names.balance, currency: 'CurrencyIsoCode',
      });
      expect(mapping.value.warnings).toEqual([]);
      const sync = await harness.call('invoices.sync', { connectionId });
      expect(sync.value).toMatchObject({ mode: 'full', total: 300 });

      const accounts = new Map(org.control.records('Account').map((account) => [account.Id, account.Name]));
      const expected = org.control.records(object).map((record) => ({
        id: record.Id, number: record[names.number], customer: accounts.get(record[names.account]), invoiceDate: record[names.invoiceDate],
        dueDate: record[names.dueDate], status: record[names.status], total: record[names.total], balance: record[names.balance], currency: record.CurrencyIsoCode,
      }));
      const list = await harness.call('invoices.list', { connectionId });
      expect(list.value.object).toBe(object);
      // The invoice's own fields (its payment figures are held to the org's records in tests/integration/receivables).
      const rows = (list.value.invoices as Record<string, unknown>[]).map(({ id, number, customer, invoiceDate, dueDate, status, total, balance, currency }) =>
        ({ id, number, customer, invoiceDate, dueDate, status, total, balance, currency }));
      // The list comes in the workspace's default order (newest first); every record is there, once.
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
      expect(rows.sort(byId)).toEqual(expected.sort(byId));
      // What each status means for receivables: the picklist's values (once each), by the object's defaults, and the
      // list says it for every value its rows hold. The org serves drafts and cancelled invoices with balances in every shape.
      expect(mapping.value.statuses.map(({ value, kind }: { value: string; kind: string }) => [value, kind])).toEqual(STATUS_KINDS[object as keyof typeof SHAPES]);
      const kinds = list.value.statusKinds as Record<string, string>;
      for (const row of rows) expect(kinds[String(row.status)], String(row.status)).toBeDefined();
      for (const kind of ['draft', 'cancelled']) {
        expect(rows.some((row) => kinds[String(row.status)] === kind && Number(row.balance) > 0), kind).toBe(true);
      }
    });
  }

  it('keeps the accountant’s own meaning of a status, for the list too, until the object changes', async () => {
    const set = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice__c', statusKinds: { Sent: 'draft' } });
    expect(set.ok, JSON.stringify(set.error)).toBe(true);
    const sent = set.value.statuses.find((status: { value: string }) => status.value === 'Sent');
    expect(sent).toEqual({ value: 'Sent', label: 'Sent', kind: 'draft', chosen: true });
    await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect((await harness.call('invoices.list', { connectionId })).value.statusKinds).toMatchObject({ Sent: 'draft', Draft: 'draft', Paid: 'posted', Cancelled: 'cancelled' });
    // Saving the fields again (no statusKinds) keeps the choice; another object starts from its defaults.
    const again = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice__c', fields: {} });
    expect(again.value.statuses.find((status: { value: string }) => status.value === 'Sent').kind).toBe('draft');
    const other = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    expect(other.value.statuses.every((status: { chosen: boolean }) => !status.chosen)).toBe(true);
    const refused = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice', statusKinds: { Posted: 'owed' } });
    expect(refused.ok).toBe(false);
  });

  it('opens one invoice with its labelled fields and its line items, fetched on demand', async () => {
    await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    await harness.call('invoices.sync', { connectionId, mode: 'full' });
    const first = org.control.records('Invoice')[0]!;
    const detail = await harness.call('invoices.get', { connectionId, id: first.Id });
    expect(detail.ok, JSON.stringify(detail.error)).toBe(true);
    expect(detail.value.invoice).toMatchObject({ id: first.Id, number: first.DocumentNumber, balance: first.Balance });
    expect(detail.value.fields).toContainEqual({ name: 'DocumentNumber', label: 'Document Number', value: first.DocumentNumber, type: 'string' });
    const lines = org.control.records('InvoiceLine').filter((line) => line.InvoiceId === first.Id);
    expect(lines.length).toBeGreaterThan(0);
    expect(detail.value.lines).toEqual(
      lines.map((line) => ({ id: line.Id, name: line.Name, description: line.Description, quantity: line.Quantity, unitPrice: line.UnitPrice, amount: line.LineAmount })),
    );
  });

  it('names the customer, not its id; folds the bookkeeping under system; reads payment terms where the object has them', async () => {
    const nameOf = (record: Record<string, unknown>, rel: string) => (record[rel] as { Name: string }).Name;
    // Revenue Cloud's Invoice: the billing account by name; the local org's Invoice has no terms field, so none are shown.
    await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    const invoice = org.control.records('Invoice')[3]!;
    const detail = await harness.call('invoices.get', { connectionId, id: invoice.Id });
    expect(detail.ok, JSON.stringify(detail.error)).toBe(true);
    expect(detail.value.fields).toContainEqual({ name: 'BillingAccountId', label: 'Billing Account ID', value: nameOf(invoice, 'BillingAccount'), type: 'string' });
    expect(detail.value.fields.some((field: Field) => field.value === invoice.BillingAccountId)).toBe(false);
    const system = detail.value.fields.filter((field: Field) => field.system).map((field: Field) => field.name);
    expect(system).toEqual(expect.arrayContaining(['Id', 'IsDeleted', 'CreatedDate', 'SystemModstamp']));
    expect(system).not.toContain('DocumentNumber');
    expect(system).not.toContain('LastModifiedDate');
    expect(detail.value.terms ?? null).toBeNull();

    // Salesforce Billing: the account by name, and its payment term as the org states it.
    await harness.call('invoices.mapping.set', { connectionId, object: 'blng__Invoice__c' });
    const billing = org.control.records('blng__Invoice__c')[5]!;
    const blng = await harness.call('invoices.get', { connectionId, id: billing.Id });
    expect(blng.ok, JSON.stringify(blng.error)).toBe(true);
    expect(blng.value.terms).toBe(billing.blng__PaymentTerm__c);
    expect(blng.value.terms).toMatch(/^Net \d+$/);
    expect(blng.value.fields).toContainEqual({ name: 'blng__Account__c', label: 'Account', value: nameOf(billing, 'blng__Account__r'), type: 'string' });
  });

  const LINES = {
    blng__Invoice__c: { object: 'blng__InvoiceLine__c', parent: 'blng__Invoice__c', name: 'Name', description: null, quantity: 'blng__Quantity__c', unitPrice: 'blng__UnitPrice__c', amount: 'blng__Subtotal__c' },
    Invoice__c: { object: 'Invoice_Line__c', parent: 'Invoice__c', name: 'Name', description: 'Product__c', quantity: 'Quantity__c', unitPrice: 'Unit_Price__c', amount: 'Amount__c' },
  } as const;
  for (const [object, line] of Object.entries(LINES)) {
    it(`finds the line items of ${object} through its child relationship`, async () => {
      await harness.call('invoices.mapping.set', { connectionId, object });
      const parent = org.control.records(object)[7]!;
      const detail = await harness.call('invoices.get', { connectionId, id: parent.Id });
      expect(detail.ok, JSON.stringify(detail.error)).toBe(true);
      const expected = org.control.records(line.object).filter((record) => record[line.parent] === parent.Id);
      expect(detail.value.lines).toEqual(
        expected.map((record) => ({
          id: record.Id, name: record[line.name], description: line.description ? record[line.description] : null,
          quantity: record[line.quantity], unitPrice: record[line.unitPrice], amount: record[line.amount],
        })),
      );
    });
  }

  it('an invoice deleted in Salesforce meanwhile: NOT_FOUND with a clear message', async () => {
    await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice' });
    const [id] = org.control.createInvoices(1, 'Invoice');
    org.control.deleteInvoices([id!]);
    const detail = await harness.call('invoices.get', { connectionId, id });
    expect(detail.error).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer exists in Salesforce/) });
  });

  it('opens a record on the instance’s own origin only, and refuses ids that are not Salesforce ids', async () => {
    const id = org.control.records('Invoice')[0]!.Id as string;
    expect((await harness.call('invoices.openInSalesforce', { connectionId, id })).ok).toBe(true);
    expect(harness.shell.opened.at(-1)).toBe(`${org.url}/lightning/r/Invoice/${id}/view`);
    for (const hostile of ['../../evil', 'x@evil.example', `${id}/../../x`]) {
      const refused = await harness.call('invoices.openInSalesforce', { connectionId, id: hostile });
      expect(refused.error?.code).toBe('INVALID_INPUT');
    }
    expect(harness.shell.opened).toHaveLength(1);
  });

  it('rejects mapping names describe does not return, so no user text ever reaches SOQL', async () => {
    const before = org.control.counters().requests.query ?? 0;
    for (const fields of [
      { number: "Name FROM Invoice__c WHERE Name != ''" },
      { total: 'Amount__c, (SELECT Id FROM Invoice_Lines__r)' },
      { customer: "Account__r.Name' OR '1'='1" },
      { balance: 'Status__c' },
    ]) {
      const refused = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice__c', fields });
      expect(refused.error?.code).toBe('INVALID_INPUT');
    }
    const unknownObject = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice__c WHERE Id != null' });
    expect(unknownObject.error?.code).toBe('INVALID_INPUT');
    expect(org.control.counters().requests.query ?? 0).toBe(before);
    // The previous mapping is untouched.
    expect((await harness.call('invoices.mapping.get', { connectionId })).value.object).toBe('Invoice');
  });

  it('accepts a user’s own choice of fields that exist and fit', async () => {
    const mapping = await harness.call('invoices.mapping.set', { connectionId, object: 'Invoice', fields: { total: 'TotalAmount' } });
    expect(mapping.value.fields.total).toBe('TotalAmount');
    await harness.call('invoices.sync', { connectionId });
    const list = await harness.call('invoices.list', { connectionId });
    const expected = new Map(org.control.records('Invoice').map((record) => [record.Id, record.TotalAmount]));
    for (const row of list.value.invoices) expect(row.total).toBe(expected.get(row.id));
  });
});

describe('a single-currency org', () => {
  it('takes the org’s corporate currency from Organization when records carry none', async () => {
    await withOrgHarness({ invoices: 50, objects: ['Invoice__c'] }, async (harness) => {
      expect((await harness.call('invoices.sync', { connectionId: CONNECTION_ID })).ok).toBe(true);
      const list = await harness.call('invoices.list', { connectionId: CONNECTION_ID });
      expect(new Set(list.value.invoices.map((row: { currency: string }) => row.currency))).toEqual(new Set(['USD']));
      expect(list.value.warnings).toEqual([]);
    });
  });

  it('shows amounts in the fallback currency and says so', async () => {
    const temp = tempDir();
    const org = await startOrg({ invoices: 250, objects: ['Invoice__c'] });
    // The org does not say: Organization.DefaultCurrencyIsoCode hidden from this user.
    org.control.setFieldHidden('Organization', 'DefaultCurrencyIsoCode', true);
    const harness = await startHarness(org, temp.dir);
    try {
      const sync = await harness.call('invoices.sync', { connectionId: CONNECTION_ID });
      expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
      const list = await harness.call('invoices.list', { connectionId: CONNECTION_ID });
      expect(list.value.object).toBe('Invoice__c');
      expect(list.value.invoices).toHaveLength(250);
      expect(new Set(list.value.invoices.map((row: { currency: string }) => row.currency))).toEqual(new Set(['USD']));
      expect(list.value.warnings).toEqual([expect.stringMatching(/does not say which currency .* shown as USD/)]);
    } finally {
      await harness.dispose();
      await org.stop();
      temp.remove();
    }
  });
});
