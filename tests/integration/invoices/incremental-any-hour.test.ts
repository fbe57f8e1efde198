import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../../electron/core/ports';
import { signIn, startOrg, type RunningOrg } from '../../org';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from './support/invoice-harness';

/**
 * The org's stamps at any hour of the UTC day, and the app's incremental sync over them with its own clock ahead of the
 * org's or behind it. Salesforce never stamps a record in the future; the local org clamped its seeded stamps to "now",
 * so after midnight UTC every stamp of the rest of "today" sat in the minute before it — inside the next incremental
 * sync's 5-minute overlap: ~930 of 100k invoices (and ~20k related records) fetched again at 00:30, ~8 at 23:50.
 */
const DAY_MS = 86_400_000;
const OVERLAP_MS = 5 * 60_000;
const instant = (value: unknown) => Date.parse(String(value).replace(/\+0000$/, 'Z'));
/** The latest instant, not after now, whose UTC time of day is hh:mm. */
function lastAt(hh: number, mm: number): number {
  const now = Date.now();
  const at = Math.floor(now / DAY_MS) * DAY_MS + (hh * 60 + mm) * 60_000;
  return at <= now ? at : at - DAY_MS;
}

/** Objects with audit stamps: every one the app syncs with the invoices, the documents (ContentDocumentLink, whose SOQL needs a filter, has ContentDocument's), accounts, currencies. */
const STAMPED = [
  'Account', 'Invoice', 'InvoiceLine', 'Payment', 'PaymentLineInvoice', 'CreditMemo', 'CreditMemoInvApplication', 'Refund', 'RefundLinePayment',
  'blng__Invoice__c', 'blng__InvoiceLine__c', 'blng__Payment__c', 'blng__PaymentAllocationInvoice__c', 'blng__CreditNote__c',
  'blng__CreditNoteAllocation__c', 'blng__Refund__c', 'blng__RefundLinePayment__c', 'blng__DebitNote__c', 'blng__CreditNoteLine__c',
  'blng__RefundLineCreditNoteLine__c', 'ContentDocument', 'ContentVersion', 'InvoiceDocument', 'CurrencyType', 'DatedConversionRate',
];
/** Synced whole at every sync (related-specs.ts `whole`), never by their changes: the overlap does not apply. */
const WHOLE = new Set(['CurrencyType', 'DatedConversionRate']);

type Row = Record<string, unknown>;
/** Every record a SOQL query selects, page after page, as any client reads them. */
async function query(org: RunningOrg, token: string, soql: string): Promise<Row[]> {
  const rows: Row[] = [];
  let path: string | undefined = `/services/data/v66.0/query?q=${encodeURIComponent(soql)}`;
  while (path) {
    const response = await fetch(new URL(path, org.url), { headers: { Authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { records: Row[]; nextRecordsUrl?: string };
    expect(response.status, soql).toBe(200);
    rows.push(...page.records);
    path = page.nextRecordsUrl;
  }
  return rows;
}

describe.each([
  ['00:30', 0, 30],
  ['23:50', 23, 50],
])('the local org with its clock at %s UTC', (_hour, hh, mm) => {
  let org: RunningOrg;
  let token: string;
  const temps = [tempDir(), tempDir()];
  const harnesses: Harness[] = [];
  const offset = lastAt(hh, mm) - Date.now();
  const orgNow = () => Date.now() + offset;

  beforeAll(async () => {
    org = await startOrg({ invoices: 3000, objects: ['Invoice', 'blng__Invoice__c'], multiCurrency: true, datedRates: true, now: orgNow });
    token = (await signIn(org.url)).access_token;
  });
  afterAll(async () => {
    for (const harness of harnesses) await harness.dispose();
    await org?.stop();
    for (const temp of temps) temp.remove();
  });

  it('stamps no record after its clock, and only a few in the 5 minutes before an object\'s latest stamp', async () => {
    const now = orgNow();
    const future: string[] = [];
    const crowded: Record<string, number> = {};
    for (const object of STAMPED) {
      const records = await query(org, token, `SELECT Id, CreatedDate, LastModifiedDate, SystemModstamp FROM ${object}`);
      expect(records.length, object).toBeGreaterThan(0);
      let latest = -Infinity;
      for (const record of records) {
        for (const field of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) {
          if (record[field] !== undefined && instant(record[field]) > now) future.push(`${object} ${String(record.Id)} ${field} ${String(record[field])}`);
        }
        latest = Math.max(latest, instant(record.SystemModstamp));
      }
      // A real org's last 5 minutes hold about as many changes as any other 5 minutes of the day: a few here (an invoice's
      // lines share its stamp). Clamped to "now", 28 of 3,000 invoices and 110 of 4,148 payments sat there at 00:30.
      const near = records.filter((record) => instant(record.SystemModstamp) > latest - OVERLAP_MS).length;
      if (!WHOLE.has(object) && near > 3 + records.length / 1000) crowded[object] = near;
    }
    expect(future.slice(0, 10)).toEqual([]);
    expect(crowded).toEqual({});
  });

  /** Full sync, 1% of the invoices changed at the org, incremental sync: what it fetched, and the changes in the copy. */
  async function incrementalWith(clock: Clock, dir: string) {
    const box = new TestSecretBox();
    const harness = await startHarness(org, dir, { clock, tuning: { pageSize: 2000 }, secretBox: box });
    harnesses.push(harness);
    const full = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(full.ok, JSON.stringify(full.error)).toBe(true);
    // How long the full query was being read (two pages of 3,000 invoices): the next incremental reaches back that much
    // more than the overlap (sync/overlap.ts, review19); 0 for an answer of one page.
    const span = (await new InvoiceCacheStore(dir, box, new MemoryLogger()).read(connectionId)).snapshot?.spanMs;
    expect(span).toBeGreaterThanOrEqual(0);
    const invoices = () => query(org, token, 'SELECT Id, Balance, DueDate, SystemModstamp FROM Invoice');
    const before = await invoices();
    const watermark = Math.max(...before.map((record) => instant(record.SystemModstamp)));
    const ids = before.filter((_, i) => i % 100 === 0).map((record) => String(record.Id));
    org.control.updateInvoices(ids);
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    // What `SystemModstamp > watermark − (5 min + span)` (whole seconds, as the app writes it) selects at the org now.
    const since = Math.floor((watermark - OVERLAP_MS - span!) / 1000) * 1000;
    const after = await invoices();
    const selected = after.filter((record) => instant(record.SystemModstamp) > since).length;
    const rows = ((await harness.call('invoices.list', { connectionId })).value as { invoices: { id: string; balance: number | null; dueDate: string | null }[] }).invoices;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const stale = after
      .filter((record) => ids.includes(String(record.Id)))
      .filter((record) => byId.get(String(record.Id))?.balance !== record.Balance || byId.get(String(record.Id))?.dueDate !== record.DueDate)
      .map((record) => String(record.Id));
    return { result: sync.value as { mode: string; fetched: number }, changed: ids.length, selected, stale };
  }

  it('an incremental sync after a full one fetches the changed invoices, hardly any seeded one again, and misses none (the app\'s clock hours ahead)', async () => {
    const { result, changed, selected, stale } = await incrementalWith(systemClock, temps[0]!.dir);
    expect(result.mode).toBe('incremental');
    expect(result.fetched).toBe(selected);
    expect(result.fetched - changed).toBeLessThanOrEqual(3);
    expect(stale).toEqual([]);
  });

  it('the same with the app\'s clock 15 minutes behind the org\'s: every stamp it gets is after its own clock', async () => {
    const behind: Clock = { now: () => orgNow() - 15 * 60_000, setTimeout: systemClock.setTimeout };
    const { result, changed, selected, stale } = await incrementalWith(behind, temps[1]!.dir);
    expect(result.mode).toBe('incremental');
    expect(result.fetched).toBe(selected);
    expect(result.fetched - changed).toBeLessThanOrEqual(3);
    expect(stale).toEqual([]);
  });
});
