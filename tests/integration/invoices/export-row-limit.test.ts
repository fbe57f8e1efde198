import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { HttpLoginAgent } from '../../org/headless-login';
import { createTestCore, type TestCore } from '../../support/test-core';
import { tempDir } from '../../support/test-ports';

/**
 * An XLSX export of more rows than an Excel sheet holds (1,048,575 under its header) is refused before the save dialog opens
 * (reviewA low): the user is not asked where to save a file that will not be written, and the refusal names the rows they see
 * as they write numbers. Through the whole core and its IPC dispatch (the contract, the speaker that says the error in the
 * user's language), the dialog port's fake counting the questions.
 */
describe('invoices.export: more rows than an Excel sheet holds', () => {
  let org: RunningOrg;
  let harness: TestCore;
  let connectionId: string;
  const temp = tempDir();
  let ids: string[];

  beforeAll(async () => {
    // No payment objects: the Applications sheet (refused the same way when it would not fit: unit export-row-limit.test.ts) stays out of the count.
    org = await startOrg({ invoices: 40, payments: false });
    harness = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
    connectionId = (await harness.call('connections.add', { label: 'Local org', loginUrl: org.url, clientId: 'budgetly-demo' })).value.id;
    expect((await harness.call('connections.connect', { id: connectionId })).ok).toBe(true);
    expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
    ids = (await harness.call('invoices.list', { connectionId })).value.invoices.map((row: { id: string }) => row.id);
  }, 120_000);
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop();
    temp.remove();
  });

  /** The rows the user sees: the copy's invoices over and over (a view cannot hold more rows than the copy; the count is what matters here). */
  const view = (count: number) => Array.from({ length: count }, (_, i) => ids[i % ids.length]!);
  const asOf = new Date().toISOString().slice(0, 10);

  it('1,048,576 rows: refused before the save dialog, the count formatted in the user’s language (English, then German); nothing written', async () => {
    harness.saveDialog.answer = join(temp.dir, 'too-many.xlsx');
    harness.saveDialog.asked.length = 0;
    const rows = view(1_048_576);
    const english = await harness.call('invoices.export', { connectionId, format: 'xlsx', columns: ['number', 'total'], ids: rows, asOf });
    expect(english.ok).toBe(false);
    expect(english.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'This export has 1,048,576 rows: more than an Excel sheet holds (1,048,575 below its header). Export it as CSV, or filter to fewer rows. No file was written.',
    });
    expect(harness.saveDialog.asked).toEqual([]);

    expect((await harness.call('settings.set', { language: 'de' })).ok).toBe(true);
    try {
      const german = await harness.call('invoices.export', { connectionId, format: 'xlsx', columns: ['number', 'total'], ids: rows, asOf });
      expect(german.error?.code).toBe('INVALID_INPUT');
      expect(german.error?.message).toContain('Dieser Export hat 1.048.576 Zeilen');
      expect(harness.saveDialog.asked).toEqual([]);
    } finally {
      await harness.call('settings.set', { language: 'en' });
    }
    expect(existsSync(harness.saveDialog.answer)).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.xlsx'))).toEqual([]);
  }, 120_000);

  it('1,048,575 rows fit: the save dialog is asked (cancelled here), and a CSV of more rows is not refused', async () => {
    harness.saveDialog.answer = null;
    harness.saveDialog.asked.length = 0;
    const fits = await harness.call('invoices.export', { connectionId, format: 'xlsx', columns: ['number'], ids: view(1_048_575), asOf });
    expect(fits).toMatchObject({ ok: true, value: { path: null } });
    const csv = await harness.call('invoices.export', { connectionId, format: 'csv', columns: ['number'], ids: view(1_048_576), asOf });
    expect(csv).toMatchObject({ ok: true, value: { path: null } });
    expect(harness.saveDialog.asked).toHaveLength(2);
  }, 120_000);
});
