import { describe, expect, it } from 'vitest';
import { invoiceColumns, visibleColumnIds } from '../../../renderer/src/invoices/columns';
import { compatibleFields } from '../../../renderer/src/invoice-source/source-text';
import { compactColumnWidths, fitColumns, remOf } from '../../../renderer/src/workspace/column-fit';

const allColumnIds = invoiceColumns.map((column) => column.id);
const total = (ids: readonly (typeof allColumnIds)[number][]) => ids.reduce((sum, id) => sum + remOf(compactColumnWidths[id]), 0);

describe('fitting the table next to the detail panel', () => {
  it('keeps every column when they fit', () => {
    expect(fitColumns(allColumnIds, compactColumnWidths, total(allColumnIds))).toEqual({ shown: allColumnIds, tucked: [] });
  });

  it('tucks away days overdue first, then currency, only as many as needed, in display order', () => {
    const standard = visibleColumnIds(null);
    const withoutDays = standard.filter((id) => id !== 'daysOverdue');
    expect(fitColumns(standard, compactColumnWidths, total(withoutDays)).tucked).toEqual(['daysOverdue']);
    const fit = fitColumns(standard, compactColumnWidths, total(withoutDays) - 1);
    expect(fit.tucked).toEqual(['currency', 'daysOverdue']);
    expect(fit.shown).toEqual(standard.filter((id) => !fit.tucked.includes(id)));
  });

  it('tucks the opt-in columns (payments, Last modified) away before any other', () => {
    const fit = fitColumns(allColumnIds, compactColumnWidths, total(visibleColumnIds(null)));
    expect(fit.tucked).toEqual(['paid', 'lastPaymentDate', 'fullyPaidOn', 'daysToPay', 'lastModified']);
  });

  it('never tucks the number, customer, due date or amounts, however narrow', () => {
    expect(fitColumns(allColumnIds, compactColumnWidths, 10).shown).toEqual(['number', 'customer', 'dueDate', 'total', 'balance']);
  });

  it('skips a column the user already hid', () => {
    const chosen = visibleColumnIds(null).filter((id) => id !== 'currency');
    expect(fitColumns(chosen, compactColumnWidths, total(chosen) - 1).tucked).toEqual(['daysOverdue']);
  });
});

describe('the mapping editor’s choices', () => {
  const available = [
    { name: 'Amount__c', label: 'Amount', type: 'currency', fits: ['total' as const, 'balance' as const] },
    { name: 'Status__c', label: 'Status', type: 'picklist', fits: ['number' as const, 'customer' as const, 'status' as const, 'currency' as const] },
    { name: 'Legacy__c', label: 'Legacy', type: 'string' },
  ];

  it('offers only fields whose type fits, plus the one mapped now', () => {
    expect(compatibleFields(available, 'balance', undefined).map((f) => f.name)).toEqual(['Amount__c']);
    expect(compatibleFields(available, 'balance', 'Legacy__c').map((f) => f.name)).toEqual(['Amount__c', 'Legacy__c']);
    expect(compatibleFields(available, 'invoiceDate', undefined)).toEqual([]);
  });
});

