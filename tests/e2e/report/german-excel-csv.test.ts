import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/test-ports';
import type { OrgInvoice } from '../workspace/expected';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/** "CSV (Excel, Deutsch)": the file a German Excel opens into columns, parsed back as that Excel would and compared with the org's records. */
describe('CSV for a German Excel', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  const files = tempDir();

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 1500 }, harness: { locale: 'de-DE' } });
    invoices = w.invoices();
  });
  afterAll(async () => {
    await w?.close();
    files.remove();
  });

  it('is offered beside plain CSV and writes ";" between fields, decimal commas, no thousands separators, UTF-8 with BOM', async () => {
    const path = join(files.dir, 'rechnungen.csv');
    w.harness.testCore.saveDialog.answer = path;
    await w.page.getByTestId('export-menu').click();
    await expect(w.page.getByTestId('export-csv').textContent()).resolves.toBe('CSV (.csv)');
    const excel = w.page.getByTestId('export-csv-excel');
    await expect(excel.textContent()).resolves.toBe('CSV (Excel, Deutsch)');
    await excel.click();
    await poll(() => w.page.getByTestId('export-status').textContent()).toContain(basename(path));

    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    const columns = header!.split(';');
    expect(columns).toContain('Betrag');
    expect(columns).toContain('Saldo');
    expect(lines).toHaveLength(invoices.length);
    const at = (name: string) => columns.indexOf(name);
    // As a German Excel reads a cell: "1234,56" is 1234.56; no "." anywhere in an amount (no thousands separators).
    const amount = (text: string) => {
      expect(text, 'an amount in German Excel form').toMatch(/^-?\d+(,\d+)?$|^$/);
      return text === '' ? null : Number(text.replace(',', '.'));
    };
    const byNumber = new Map(invoices.map((inv) => [inv.number, inv]));
    let withCents = 0;
    for (const line of lines) {
      const fields = line.split(';');
      expect(fields, line).toHaveLength(columns.length);
      const inv = byNumber.get(fields[at('Rechnungsnr.')]!)!;
      expect(inv, line).toBeDefined();
      expect(amount(fields[at('Betrag')]!), inv.number).toBe(inv.total);
      expect(amount(fields[at('Saldo')]!), inv.number).toBe(inv.balance);
      expect(fields[at('Währung')]).toBe(inv.currency);
      if (inv.dueDate) expect(fields[at('Fälligkeit')]).toBe(inv.dueDate);
      if (fields[at('Betrag')]!.includes(',')) withCents++;
    }
    // The file has decimal amounts (not only whole ones): the decimal comma was really exercised.
    expect(withCents).toBeGreaterThan(100);
  });
});
