import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { channels } from '../../../electron/contract/channels';
import { namespaces } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { exportCombined } from '../../../electron/core/export/export-combined';
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
