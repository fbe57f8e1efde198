import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { channels } from '../../../electron/contract/channels';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportCombined, type CombinedSource } from '../../../electron/core/export/export-combined';
import type { ApplicationRows } from '../../../electron/core/export/xlsx-applications';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../support/csv';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

const t = createI18n('en').getFixedT('en', namespaces);
const same = 'a0SAME0000000001';
const invoice = (patch: Partial<InvoiceListRow>): InvoiceListRow => ({
  id: same, number: 'X', customer: 'Acme', invoiceDate: '2026-01-01', dueDate: '2026-01-31', status: 'Posted', total: 100, balance: 40, currency: 'USD', lastModified: null, ...patch,
});
const eu = new Map([
  [same, invoice({ number: 'EU-1', currency: 'EUR', balance: 10 })],
  // 'Void' means cancelled in the US org and, by this org's own mapping, a posted invoice here.
  ['a0EUVOID00000001', invoice({ id: 'a0EUVOID00000001', number: 'EU-2', currency: 'EUR', status: 'Void', balance: 5 })],
]);
const us = new Map([[same, invoice({ number: 'US-1', status: 'Void' })]]);

describe('exporting "All connections"', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('writes each row from its own org, in the order on screen, with the Org column and each org’s own status meanings', async () => {
    const path = join(temp.dir, 'all.csv');
    const sources: Record<string, { rows: Map<string, InvoiceListRow>; statusKinds: Record<string, 'posted' | 'cancelled'>; label: string }> = {
      'conn-eu': { rows: eu, statusKinds: { Posted: 'posted', Void: 'posted' }, label: '=Acme EU' },
      'conn-us': { rows: us, statusKinds: { Posted: 'posted', Void: 'cancelled' }, label: 'Acme US' },
    };
    const result = await exportCombined(
      { format: 'csv', columns: ['org', 'number', 'balance', 'agingBucket'], ids: [same, same, 'a0GONE0000000001', 'a0EUVOID00000001'], asOf: '2026-03-01', combined: { connections: ['conn-us', 'conn-eu'], orgOf: [0, 1, 1, 1] } },
      async (id) => sources[id] ?? null,
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() },
    );
    expect(result).toEqual({ path, rows: 3 });
    const [header, ...lines] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    expect(header).toEqual(['Org', 'Number', 'Balance', 'Aging bucket']);
    // The cancelled (Void) US invoice has no bucket; the org name that looks like a formula is escaped.
    expect(lines).toEqual([
      ['Acme US', 'US-1', '40', ''],
      ["'=Acme EU", 'EU-1', '10', '1–30'],
      ["'=Acme EU", 'EU-2', '5', '1–30'],
    ]);
  });

  it('XLSX: the Applications sheet lists each org’s own applications with an Org column, and the Summary names every org with bucket totals per currency and per org', async () => {
    const path = join(temp.dir, 'all.xlsx');
    // Both orgs hold record `same`; each has its own application of it (looked up in its own copy, never the other's).
    const appsOf = (org: string, amount: number, currency: string) => (rows: readonly InvoiceListRow[]): ApplicationRows => ({
      count: rows.length,
      currencies: [currency],
      *rows() {
        for (const row of rows) yield { invoiceNumber: row.number, kind: 'payment', reversal: false, date: '2026-02-01', amount, currency, id: `${org}-APP-${row.id}` };
      },
    });
    const facts = (label: string, username: string, syncedAt: string) => ({ connection: { label, username, orgId: `00D${label}` }, syncedAt, exportedBy: username, exportedAt: '2026-03-02T09:00:00.000Z' });
    const sources: Record<string, CombinedSource> = {
      'conn-eu': { rows: eu, statusKinds: { Posted: 'posted', Void: 'posted' }, label: 'Acme EU', applicationsOf: appsOf('EU', 90, 'EUR'), facts: facts('Acme EU', 'eu@acme.test', '2026-03-01T08:00:00.000Z') },
      'conn-us': { rows: us, statusKinds: { Posted: 'posted', Void: 'posted' }, label: 'Acme US', applicationsOf: appsOf('US', 60, 'USD'), facts: facts('Acme US', 'us@acme.test', '2026-02-28T08:00:00.000Z') },
    };
    await exportCombined(
      { format: 'xlsx', columns: ['org', 'number', 'balance'], ids: [same, same, 'a0EUVOID00000001'], asOf: '2026-03-01', combined: { connections: ['conn-us', 'conn-eu'], orgOf: [0, 1, 1] } },
      async (id) => sources[id] ?? null,
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Invoices', 'Applications', 'Summary']);
    const values = (name: string) => book.getWorksheet(name)!.getSheetValues().slice(1).map((row) => ((row as unknown[]) ?? []).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v)));
    expect(values('Applications')).toEqual([
      ['Org', 'Invoice', 'Kind', 'Date', 'Amount', 'Currency', 'Record ID', 'Counted in balance'],
      ['Acme US', 'US-1', 'Payment', '2026-02-01T00:00:00.000Z', 60, 'USD', `US-APP-${same}`, 'Yes'],
      ['Acme EU', 'EU-1', 'Payment', '2026-02-01T00:00:00.000Z', 90, 'EUR', `EU-APP-${same}`, 'Yes'],
      ['Acme EU', 'EU-2', 'Payment', '2026-02-01T00:00:00.000Z', 90, 'EUR', 'EU-APP-a0EUVOID00000001', 'Yes'],
    ]);
    const summary = values('Summary');
    const item = (label: string) => summary.find((row) => row[0] === label)?.[1];
    expect(item('Connection')).toBe('Acme US, Acme EU');
    expect(item('Salesforce user')).toBe('us@acme.test, eu@acme.test');
    expect(item('Invoices')).toBe(3);
    // The file is as old as its oldest org's copy; each org's own sync is listed.
    expect(item('Last synced (UTC)')).toBe('2026-02-28T08:00:00.000Z');
    expect(item('Last synced (UTC): Acme EU')).toBe('2026-03-01T08:00:00.000Z');
    // Bucket totals per currency across the orgs, then per org (each invoice due 2026-01-31: 29 days overdue on 1 March).
    const at = summary.findIndex((row) => row[0] === 'Open balances by aging bucket');
    const perOrgAt = summary.findIndex((row) => row[0] === 'Open balances by aging bucket, per org');
    const totals = (rows: unknown[][]) => rows.filter((row) => row.length > 2).map((row) => [row[0], row.at(-1)]);
    expect(totals(summary.slice(at + 2, perOrgAt))).toEqual([['EUR', 15], ['USD', 40]]);
    expect(summary[perOrgAt + 1]!.slice(0, 2)).toEqual(['Org', 'Currency']);
    expect(summary.slice(perOrgAt + 2).map((row) => [row[0], row[1], row.at(-1)])).toEqual([['Acme US', 'USD', 40], ['Acme EU', 'EUR', 15]]);
  });

  it('two orgs with one name (production and its full sandbox keep the Organization name) stay two orgs: rows, applications and per-org totals each say which', async () => {
    const path = join(temp.dir, 'twins.xlsx');
    const facts = (username: string) => ({ connection: { label: 'Acme Corp', username, orgId: `00D${username}` }, syncedAt: '2026-03-01T08:00:00.000Z', exportedBy: username, exportedAt: '2026-03-02T09:00:00.000Z' });
    const sources: Record<string, CombinedSource> = {
      prod: { rows: new Map([[same, invoice({ number: 'P-1', balance: 40 })]]), statusKinds: { Posted: 'posted' }, label: 'Acme Corp', facts: facts('ap@acme.test') },
      uat: { rows: new Map([[same, invoice({ number: 'S-1', balance: 7 })]]), statusKinds: { Posted: 'posted' }, label: 'Acme Corp', facts: facts('ap@acme.test.uat') },
    };
    await exportCombined(
      { format: 'xlsx', columns: ['org', 'number', 'balance'], ids: [same, same], asOf: '2026-03-01', combined: { connections: ['prod', 'uat'], orgOf: [0, 1] } },
      async (id) => sources[id] ?? null,
      { t, saveDialog: new ScriptedSaveDialog(path), events: new RecordingEvents() },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const values = (name: string) => book.getWorksheet(name)!.getSheetValues().slice(1).map((row) => ((row as unknown[]) ?? []).slice(1));
    expect(values('Invoices').slice(1)).toEqual([
      ['Acme Corp (ap@acme.test)', 'P-1', 40],
      ['Acme Corp (ap@acme.test.uat)', 'S-1', 7],
    ]);
    const summary = values('Summary');
    const perOrgAt = summary.findIndex((row) => row[0] === 'Open balances by aging bucket, per org');
    // Not one "Acme Corp" line of 47: the sandbox's test invoices are not the production org's receivables.
    expect(summary.slice(perOrgAt + 2).map((row) => [row[0], row[1], row.at(-1)])).toEqual([
      ['Acme Corp (ap@acme.test)', 'USD', 40],
      ['Acme Corp (ap@acme.test.uat)', 'USD', 7],
    ]);
  });

  it('refuses a request whose rows name no connection, or the Org column outside a combined export', () => {
    const input = channels['invoices.export'].input;
    const base = { connectionId: 'conn-us', format: 'csv', columns: ['org', 'number'], ids: [same], asOf: '2026-03-01' };
    expect(input.safeParse({ ...base, combined: { connections: ['conn-us', 'conn-eu'], orgOf: [0] } }).success).toBe(true);
    expect(input.safeParse({ ...base, combined: { connections: ['conn-us', 'conn-eu'], orgOf: [] } }).success).toBe(false);
    expect(input.safeParse({ ...base, combined: { connections: ['conn-us', 'conn-eu'], orgOf: [2] } }).success).toBe(false);
    expect(input.safeParse({ ...base, combined: { connections: ['conn-eu', 'conn-us'], orgOf: [0] } }).success).toBe(false);
    expect(input.safeParse(base).success).toBe(false);
    // A firm with more than 20 clients' orgs (a policy file may give 50): All connections sends every connection.
    const many = ['conn-us', ...Array.from({ length: 49 }, (_, k) => `conn-${k}`)];
    expect(input.safeParse({ ...base, ids: [same, same], combined: { connections: many, orgOf: [0, 49] } }).success).toBe(true);
  });
});
