import { describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import { TestSecretBox } from '../../support/test-ports';
import { startHarness, CONNECTION_ID, type Harness } from './support/invoice-harness';

type Row = Record<string, unknown> & { id: string };
const connectionId = CONNECTION_ID;
const FIELDS = ['id', 'number', 'customer', 'customerId', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'currency', 'lastModified'] as const;

/** The list an accountant should see, computed here from the org's own records (no app code): newest first, blanks last, ties by number then id. */
function expectedList(records: Record<string, unknown>[]): Row[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const iso = (value: unknown) => (typeof value === 'string' ? new Date(Date.parse(value.replace('+0000', 'Z'))).toISOString() : null);
  const rows = records.map((r) => ({
    id: r.Id as string,
    number: (r.DocumentNumber as string | null) ?? (r.Id as string),
    customer: (r.BillingAccount as { Name: string } | null)?.Name ?? null,
    customerId: (r.BillingAccountId as string | null) ?? undefined,
    invoiceDate: (r.InvoiceDate as string | null) ?? null,
    dueDate: (r.DueDate as string | null) ?? null,
    status: (r.Status as string | null) ?? null,
    total: (r.TotalAmountWithTax as number | null) ?? null,
    balance: (r.Balance as number | null) ?? null,
    currency: r.CurrencyIsoCode as string,
    lastModified: iso(r.LastModifiedDate),
  }));
  return rows.sort((a, b) => {
    if (a.invoiceDate !== b.invoiceDate) {
      if (a.invoiceDate === null) return 1;
      if (b.invoiceDate === null) return -1;
      return a.invoiceDate < b.invoiceDate ? 1 : -1;
    }
    return collator.compare(a.number, b.number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

const pick = (row: Row) => Object.fromEntries(FIELDS.map((f) => [f, row[f]]));

describe('the list against the org: full, incremental, restart from the copy', () => {
  const box = new TestSecretBox();
  const world = useOrgHarness({ invoices: 3000, multiCurrency: true }, {
    secretBox: box,
    tuning: { pageSize: 500 },
    prepare: (org) => {
      // Ties, blanks and signed zeros the sort and the columns must keep.
      const ids = org.control.records('Invoice').map((r) => r.Id as string);
      org.control.updateInvoices(ids.slice(0, 40), { InvoiceDate: null });
      org.control.updateInvoices(ids.slice(40, 400), { InvoiceDate: '2026-06-30' });
      org.control.updateInvoices(ids.slice(400, 420), { Balance: -0 });
      org.control.updateInvoices(ids.slice(420, 440), { Balance: 0, DueDate: null });
    },
  });

  const whole = async (h: Harness) => {
    const answer = await h.call('invoices.list', { connectionId });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.value as { invoices: Row[]; total: number };
  };
  const windows = async (h: Harness, total: number) => {
    const out: Row[] = [];
    for (let offset = 0; offset < total; offset += 700) out.push(...(await h.call('invoices.list', { connectionId, offset, limit: 700 })).value.invoices);
    return out;
  };
  const check = async (h: Harness) => {
    const expected = expectedList(JSON.parse(JSON.stringify(world.org.control.records('Invoice'))) as Record<string, unknown>[]);
    const list = await whole(h);
    expect(list.total).toBe(expected.length);
    const got = list.invoices.map(pick);
    // -0 and 0 told apart (Object.is), every field, in order.
    for (let k = 0; k < expected.length; k++) {
      const e = expected[k]!;
      const g = got[k]!;
      for (const f of FIELDS) if (!Object.is(g[f], e[f])) expect({ at: k, field: f, got: g[f], id: g.id }).toEqual({ at: k, field: f, got: e[f], id: e.id });
    }
    expect((await windows(h, list.total)).map(pick)).toEqual(got);
  };


  it('after a full sync every row, field and place equals the org', async () => {
    const sync = await world.harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    await check(world.harness);
  });

  it('after an incremental sync (new, changed, deleted) too', async () => {
    const ids = world.org.control.records('Invoice').map((r) => r.Id as string);
    world.org.control.createInvoices(60, 'Invoice');
    world.org.control.updateInvoices(ids.slice(500, 540));
    world.org.control.updateInvoices(ids.slice(540, 560), { InvoiceDate: '2026-06-30', Balance: -0 });
    world.org.control.updateInvoices(ids.slice(10, 20), { InvoiceDate: '2026-06-30' });
    world.org.control.deleteInvoices(ids.slice(600, 625));
    const sync = await world.harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(sync.value.mode).toBe('incremental');
    await check(world.harness);
  });

  it('after a restart from the copy, offline', async () => {
    await world.harness.dispose();
    world.harness = await startHarness(world.org, world.dir, { secretBox: box, tokens: world.harness.tokens });
    world.harness.sessions.offline = true;
    await check(world.harness);
  });

  it('after a restart from a copy a full sync wrote (columns), offline', async () => {
    world.harness.sessions.offline = false;
    const sync = await world.harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    await world.harness.dispose();
    world.harness = await startHarness(world.org, world.dir, { secretBox: box, tokens: world.harness.tokens });
    world.harness.sessions.offline = true;
    await check(world.harness);
  });
});
