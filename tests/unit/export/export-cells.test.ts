import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import { csvText, currencyNumberFormat, daysOverdue, escapeFormula, toCell } from '../../../electron/core/export/export-cells';

const row: InvoiceRow = {
  id: '3tt1', number: '=HYPERLINK("http://evil")', customer: '@Acme', invoiceDate: '2026-01-01', dueDate: '2026-01-31',
  status: '-Posted', total: -1234.5, balance: 10, currency: 'JPY', lastModified: '2026-11-29T12:00:00.000Z',
};

describe('export cells', () => {
  it('escapes text that a spreadsheet would run as a formula, never numbers', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(escapeFormula(text)).toBe(`'${text}`);
    for (const text of ['Acme', ' =1', '1=1', '']) expect(escapeFormula(text)).toBe(text);
    expect(csvText(toCell(row, 'number', { asOf: '2026-02-01' }))).toBe('\'=HYPERLINK("http://evil")');
    expect(csvText(toCell(row, 'customer', { asOf: '2026-02-01' }))).toBe("'@Acme");
    expect(csvText(toCell(row, 'status', { asOf: '2026-02-01' }))).toBe("'-Posted");
    expect(csvText(toCell(row, 'total', { asOf: '2026-02-01' }))).toBe('-1234.5');
  });

  it('writes dates as YYYY-MM-DD and amounts as plain numbers', () => {
    expect(csvText(toCell(row, 'invoiceDate', { asOf: '2026-02-01' }))).toBe('2026-01-01');
    expect(csvText(toCell({ ...row, total: 1234567.891 }, 'total', { asOf: '2026-02-01' }))).toBe('1234567.891');
    expect(csvText(toCell({ ...row, dueDate: null }, 'dueDate', { asOf: '2026-02-01' }))).toBe('');
  });

  it('counts days overdue from the due date to the as-of date when something is owed', () => {
    expect(daysOverdue(row, '2026-03-02')).toBe(30);
    expect(daysOverdue(row, '2026-01-31')).toBe(0);
    expect(daysOverdue(row, '2025-12-01')).toBe(0);
    expect(daysOverdue({ ...row, balance: 0 }, '2026-03-02')).toBe(0);
    expect(daysOverdue({ ...row, balance: null }, '2026-03-02')).toBe(0);
    expect(daysOverdue({ ...row, dueDate: null }, '2026-03-02')).toBe(0);
    // Across a DST change and a leap day: calendar days, not 24-hour blocks.
    expect(daysOverdue({ ...row, dueDate: '2028-02-28' }, '2028-03-27')).toBe(28);
  });

  it('agrees with the screen: blank where the grid is blank, drafts and cancelled invoices are not overdue, and the aging bucket', () => {
    const context = { asOf: '2026-03-02', statusKinds: { Posted: 'posted', Draft: 'draft', Cancelled: 'cancelled' } as const, currentLabel: 'Current' };
    const posted = { ...row, status: 'Posted' };
    expect(toCell(posted, 'daysOverdue', context)).toEqual({ kind: 'number', value: 30 });
    // Not yet due: the grid shows nothing, so the file holds nothing (not a 0); a balance of zero stays a zero.
    expect(toCell(posted, 'daysOverdue', { ...context, asOf: '2026-01-15' })).toEqual({ kind: 'empty' });
    expect(toCell({ ...posted, balance: 0 }, 'balance', context)).toEqual({ kind: 'money', value: 0, currency: 'JPY' });
    expect(toCell({ ...posted, balance: null }, 'balance', context)).toEqual({ kind: 'empty' });
    for (const status of ['Draft', 'Cancelled']) {
      expect(toCell({ ...row, status }, 'daysOverdue', context)).toEqual({ kind: 'empty' });
      expect(toCell({ ...row, status }, 'agingBucket', context)).toEqual({ kind: 'empty' });
    }
    expect(toCell({ ...row, status: 'Draft' }, 'agingBucket', { ...context, includeDrafts: true })).toEqual({ kind: 'text', value: '1–30' });
    expect(csvText(toCell(posted, 'agingBucket', context))).toBe('1–30');
    expect(csvText(toCell(posted, 'agingBucket', { ...context, asOf: '2026-01-31' }))).toBe('Current');
    expect(csvText(toCell(posted, 'agingBucket', { ...context, basis: 'invoiceDate', asOf: '2026-05-01' }))).toBe('90+');
    expect(csvText(toCell({ ...posted, balance: 0 }, 'agingBucket', context))).toBe('');
  });

  it('gives each currency its own number format with its own decimals', () => {
    expect(currencyNumberFormat('USD')).toBe('#,##0.00 "USD";(#,##0.00) "USD"');
    expect(currencyNumberFormat('JPY')).toBe('#,##0 "JPY";(#,##0) "JPY"');
    expect(currencyNumberFormat('BHD')).toBe('#,##0.000 "BHD";(#,##0.000) "BHD"');
  });
});
