import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import { expectedBalancesAsOf } from '../receivables/org-ledger';
import { CONNECTION_ID } from './support/invoice-harness';

/** An as-of date some weeks back, so some invoices were paid after it (their balance as of then is higher). */
const AS_OF = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);

/** invoices.export over synced org data: the files hold exactly the requested rows, in the requested order. */
describe('invoices.export', () => {
  const world = useOrgHarness({ invoices: 1500, multiCurrency: true }, { sync: 'incremental' });
  const connectionId = CONNECTION_ID;
  let view: { id: string; number: string; total: number; balance: number; currency: string; dueDate: string | null }[];

  beforeAll(async () => {
    const list = await world.harness.call('invoices.list', { connectionId });
    // What a workspace as of AS_OF might show: EUR only, the invoices dated by then with their balance as of then
    // (from the org's records), largest balance first.
    const asOf = expectedBalancesAsOf(world.org, 'Invoice', AS_OF);
    view = list.value.invoices
      .filter((row: { id: string; currency: string }) => row.currency === 'EUR' && asOf.has(row.id))
      .map((row: { id: string }) => ({ ...row, balance: asOf.get(row.id)!.balance }))
      .sort((a: { balance: number }, b: { balance: number }) => b.balance - a.balance);
  });

  const columns = ['number', 'total', 'balance', 'currency', 'daysOverdue'];

  it('CSV rows equal the view', async () => {
    world.harness.saveDialog.answer = join(world.dir, 'eur.csv');
    const result = await world.harness.call('invoices.export', { connectionId, format: 'csv', columns, ids: view.map((row) => row.id), asOf: AS_OF, balancesAsOf: true });
    expect(result.value).toEqual({ path: world.harness.saveDialog.answer, rows: view.length });
    const lines = readFileSync(world.harness.saveDialog.answer!, 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Number,Total,Balance,Currency,Days overdue');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4))).toEqual(view.map((row) => [row.number, String(row.total), String(row.balance), row.currency]));
  });

  it('XLSX rows equal the view', async () => {
    world.harness.saveDialog.answer = join(world.dir, 'eur.xlsx');
    const result = await world.harness.call('invoices.export', { connectionId, format: 'xlsx', columns, ids: view.map((row) => row.id), asOf: AS_OF, balancesAsOf: true });
    expect(result.value.rows).toBe(view.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(world.harness.saveDialog.answer!);
    const sheet = workbook.worksheets[0]!;
    const read = [];
    for (let r = 2; r <= sheet.rowCount; r++) read.push([1, 2, 3, 4].map((c) => sheet.getRow(r).getCell(c).value));
    expect(read).toEqual(view.map((row) => [row.number, row.total, row.balance, row.currency]));
  });

  it('a cancelled save dialog writes nothing', async () => {
    world.harness.saveDialog.answer = null;
    const result = await world.harness.call('invoices.export', { connectionId, format: 'csv', columns, ids: view.map((row) => row.id), asOf: AS_OF, balancesAsOf: true });
    expect(result.value).toEqual({ path: null, rows: 0 });
  });

  it('opens or shows in its folder only a file this session exported; any other path is refused and nothing is opened', async () => {
    const written = join(world.dir, 'open-me.xlsx');
    world.harness.saveDialog.answer = written;
    await world.harness.call('invoices.export', { connectionId, format: 'xlsx', columns, ids: view.slice(0, 3).map((row) => row.id), asOf: AS_OF });
    expect(await world.harness.call('invoices.openExport', { path: written, how: 'open' })).toEqual({ ok: true, value: null });
    expect(await world.harness.call('invoices.openExport', { path: written, how: 'folder' })).toEqual({ ok: true, value: null });
    expect(world.harness.shell.openedPaths).toEqual([written]);
    expect(world.harness.shell.shownInFolder).toEqual([written]);

    for (const path of [join(world.dir, 'eur.csv.bak'), '/etc/passwd', `${written}/../open-me.xlsx`, written.toUpperCase(), 'C:\\Windows\\System32\\calc.exe']) {
      for (const how of ['open', 'folder'] as const) {
        const refused = await world.harness.call('invoices.openExport', { path, how });
        expect(refused.ok, path).toBe(false);
        expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: 'Budgetly opens only a file it exported in this session.' });
      }
    }
    expect(world.harness.shell.openedPaths).toEqual([written]);
    expect(world.harness.shell.shownInFolder).toEqual([written]);

    // A name typed in the save dialog with another extension (run-me.bat): written, shown in its folder, never run.
    const typed = join(world.dir, 'run-me.bat');
    world.harness.saveDialog.answer = typed;
    await world.harness.call('invoices.export', { connectionId, format: 'xlsx', columns, ids: view.slice(0, 3).map((row) => row.id), asOf: AS_OF });
    const runIt = await world.harness.call('invoices.openExport', { path: typed, how: 'open' });
    expect(runIt.error).toMatchObject({ code: 'FORBIDDEN', message: 'Budgetly opens only the .csv, .xlsx and .pdf files it exported: use “Show in folder” for this one.' });
    expect(await world.harness.call('invoices.openExport', { path: typed, how: 'folder' })).toEqual({ ok: true, value: null });
    expect(world.harness.shell.openedPaths).toEqual([written]);
    expect(world.harness.shell.shownInFolder).toEqual([written, typed]);

    // The OS cannot open it (moved, no program for it): a clear error with its reason.
    world.harness.shell.openPathError = 'No application is associated with the file';
    const failed = await world.harness.call('invoices.openExport', { path: written, how: 'open' });
    expect(failed.error).toMatchObject({ code: 'NOT_FOUND', message: 'The exported file could not be opened: No application is associated with the file' });
    world.harness.shell.openPathError = '';
  });
});
