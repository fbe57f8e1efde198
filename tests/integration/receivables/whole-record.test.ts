import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import type { InvoiceObjectName } from '../../org/types';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { stopOrgAndApps } from '../../support/org-setup';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { loginToOrg, type OrgTokens } from '../invoices/support/org-login';
import { recordPhaseEnded as phaseEnded } from '../invoices/support/record-phase';
import { decodeHead } from '../../../electron/core/invoices/record/record-file';
import { detail, shown } from './record-detail';

/** Flips a byte inside the chunk holding the invoice's field values: that chunk's seal no longer opens. */
async function damageFieldsOf(file: string, box: TestSecretBox, id: string): Promise<void> {
  const bytes = readFileSync(file);
  const head = await decodeHead(box, async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
  const chunk = head.chunks.find((c) => c.kind === 'fields' && c.ids.includes(id))!;
  bytes[chunk.offset + (chunk.length >> 1)]! ^= 0xff;
  writeFileSync(file, bytes);
}

describe('the whole record of every invoice, offline (issue #13)', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  /** Syncs, never opens an invoice online: what it shows offline comes from the record copy alone. */
  let app: Harness;
  /** Another app on the same org: what the panel shows online. */
  let online: Harness;
  const temp = tempDir();
  const other = tempDir();
  const box = new TestSecretBox();
  let ids: string[];

  beforeAll(async () => {
    org = await startOrg({ invoices: 300, multiCurrency: true });
    tokens = await loginToOrg(org);
    // Chunks of 50 entries: lines edited and deleted later sit in chunks an incremental phase copies, rewrites or leaves.
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, tuning: { pageSize: 200, record: { chunkEntries: 50 } }, recordPhase: true });
    online = await startHarness(org, other.dir, { tokens });
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await online.call('invoices.sync', { connectionId })).ok).toBe(true);
    const records = org.control.records('Invoice');
    // EUR with cents, JPY in whole yen, the first and the last: a few of every kind.
    ids = [
      records.find((r) => r.CurrencyIsoCode === 'EUR' && !Number.isInteger(r.TotalAmountWithTax as number))!.Id as string,
      records.find((r) => r.CurrencyIsoCode === 'JPY')!.Id as string,
      records[0]!.Id as string,
      records.at(-1)!.Id as string,
    ];
  });
  afterAll(() => stopOrgAndApps(org, [app, online], [temp, other]));

  it('fetches every invoice and line after the sync, in the background, with progress', async () => {
    const end = await phaseEnded(app, 1);
    expect(end.phase).toBe('done');
    const lines = org.control.records('InvoiceLine').length;
    expect(lines).toBeGreaterThan(300);
    // Every invoice and every line, once each (the first phase is a full one).
    expect(end.fetched).toBe(300 + lines);
    const progress = app.events.of('invoices.recordProgress');
    expect(progress.some((p) => p.phase === 'fetching' && p.fetched > 0 && p.fetched < end.fetched)).toBe(true);
  });

  it('keeps it sealed beside the offline copy: owner-only, no number, customer or product readable', () => {
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.record'))!);
    const bytes = readFileSync(file);
    const invoice = org.control.records('Invoice')[0]!;
    const line = org.control.records('InvoiceLine')[0]!;
    for (const text of [invoice.DocumentNumber as string, (invoice.BillingAccount as { Name: string }).Name, line.Description as string]) {
      expect(bytes.includes(Buffer.from(text))).toBe(false);
    }
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('offline, an invoice never opened shows exactly what the panel shows online: every field by its type, the lines', async () => {
    const expected = await Promise.all(ids.map((id) => detail(online, id)));
    app.sessions.offline = true;
    try {
      for (const [i, id] of ids.entries()) {
        const offline = await detail(app, id);
        expect(shown(offline)).toEqual(shown(expected[i]!));
        expect(offline.lines.length).toBeGreaterThan(0);
        expect(offline.invoice.id).toBe(id);
        // Said to come from the copy, as of the phase.
        expect(Date.parse(offline.keptAt!)).toBeGreaterThan(Date.now() - 600_000);
      }
      // The currency field keeps its describe type; the customer's lookup reads as the account's name.
      const first = await detail(app, ids[0]!);
      expect(first.fields.find((f) => f.name === 'TotalAmountWithTax')).toMatchObject({ type: 'currency' });
      expect(first.fields.find((f) => f.name === 'InvoiceDate')).toMatchObject({ type: 'date' });
    } finally {
      app.sessions.offline = false;
    }
  });

  it('after lines are edited and deleted, an invoice deleted and one changed in Salesforce, fetches only those changes and shows them offline', async () => {
    const lines = org.control.records('InvoiceLine');
    const edited = lines.find((l) => l.InvoiceId === ids[0])!;
    const removed = lines.find((l) => l.InvoiceId === ids[1])!;
    org.control.editInvoiceLine(edited.Id as string, { quantity: 7, unitPrice: 12.5, product: 'Consulting (revised)' });
    org.control.deleteInvoiceLines([removed.Id as string]);
    org.control.updateInvoices([ids[2]!]);
    org.control.deleteInvoices([ids[3]!]);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 2);
    expect(end.phase).toBe('done');
    // Changes since the watermarks (minus the 5-minute overlap): far fewer than every record.
    expect(end.fetched).toBeLessThan(100);

    const expected = await Promise.all(ids.slice(0, 3).map((id) => detail(online, id)));
    expect(expected[0]!.lines.find((l) => l.id === edited.Id)).toMatchObject({ quantity: 7, unitPrice: 12.5, amount: 87.5, description: 'Consulting (revised)' });
    expect(expected[1]!.lines.some((l) => l.id === removed.Id)).toBe(false);
    app.sessions.offline = true;
    try {
      for (const [i, id] of ids.slice(0, 3).entries()) expect(shown(await detail(app, id))).toEqual(shown(expected[i]!));
      // The deleted invoice is in neither copy any more: nothing is made up.
      expect((await app.call('invoices.get', { connectionId, id: ids[3] })).ok).toBe(false);
    } finally {
      app.sessions.offline = false;
    }
  });

  it('a phase that fails half-way keeps the previous record copy byte for byte; the sync itself is not affected', async () => {
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.record'))!);
    const before = readFileSync(file);
    org.control.editInvoiceLine(org.control.records('InvoiceLine').find((l) => l.InvoiceId === ids[0])!.Id as string, { quantity: 2 });
    org.control.injectFault({ kind: 'http500', count: 10, soqlContains: 'FROM InvoiceLine' });
    try {
      expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await phaseEnded(app, 3)).phase).toBe('failed');
    } finally {
      org.control.clearFaults();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.includes('.record.partial-'))).toEqual([]);
  });

  it('opens again after a restart, offline', async () => {
    const expected = shown(await detail(online, ids[1]!));
    await app.dispose();
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    app.sessions.offline = true;
    expect(shown(await detail(app, ids[1]!))).toEqual(expected);
  });

  it('a damaged record copy is deleted, nothing is made up from it, and the next sync fetches it again whole', async () => {
    const folder = join(temp.dir, 'invoices');
    const file = () => readdirSync(folder).find((name) => name.endsWith('.record'));
    await damageFieldsOf(join(folder, file()!), box, ids[1]!);
    await app.dispose();
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    app.sessions.offline = true;
    const answer = await app.call('invoices.get', { connectionId, id: ids[1] });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('NETWORK');
    expect(file()).toBeUndefined();
    app.sessions.offline = false;
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 1);
    expect(end.phase).toBe('done');
    // Whole again: every invoice and line the org has.
    expect(end.fetched).toBe(org.control.records('Invoice').length + org.control.records('InvoiceLine').length);
    app.sessions.offline = true;
    expect(shown(await detail(app, ids[1]!))).toEqual(shown(await detail(online, ids[1]!)));
  });

  it('an incremental phase that meets a damaged chunk fails without writing, drops the copy, and the next phase fetches it whole', async () => {
    app.sessions.offline = false;
    const folder = join(temp.dir, 'invoices');
    const file = () => readdirSync(folder).find((name) => name.endsWith('.record'));
    await damageFieldsOf(join(folder, file()!), box, ids[0]!);
    await app.dispose();
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    org.control.updateInvoices([ids[0]!]);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await phaseEnded(app, 1)).phase).toBe('failed');
    expect(file()).toBeUndefined();
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 2);
    expect(end.phase).toBe('done');
    expect(end.fetched).toBe(org.control.records('Invoice').length + org.control.records('InvoiceLine').length);
  });
});

describe.each<InvoiceObjectName>(['blng__Invoice__c', 'Invoice__c'])('the whole record of %s invoices, offline', (shape) => {
  it('shows the lines and every field offline as online', async () => {
    const temp = tempDir();
    const other = tempDir();
    const org = await startOrg({ invoices: 120, objects: [shape] });
    const tokens = await loginToOrg(org);
    const app = await startHarness(org, temp.dir, { tokens, recordPhase: true });
    const online = await startHarness(org, other.dir, { tokens });
    try {
      expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await online.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await phaseEnded(app, 1)).phase).toBe('done');
      const id = org.control.records(shape)[5]!.Id as string;
      const expected = await detail(online, id);
      expect(expected.lines.length).toBeGreaterThan(0);
      app.sessions.offline = true;
      expect(shown(await detail(app, id))).toEqual(shown(expected));
    } finally {
      await stopOrgAndApps(org, [app, online], [temp, other]);
    }
  });
});
