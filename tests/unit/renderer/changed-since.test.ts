import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { filterChips } from '../../../renderer/src/invoices/chips';
import { filterMask, hasActiveFilters, noFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { row } from './invoice-fixtures';

describe('"Changed since…"', () => {
  const rows = [
    row({ number: 'OLD', lastModified: '2026-12-01T09:00:00.000+0000' }),
    row({ number: 'AT', lastModified: '2026-12-03T10:00:00.000+0000' }),
    row({ number: 'NEW', lastModified: '2026-12-04T08:30:00.000Z' }),
    row({ number: 'UNKNOWN', lastModified: null }),
  ];
  const prepared = prepareInvoices(rows);
  const shown = (changedSince: string | null) => {
    const mask = filterMask(prepared, { ...noFilters, changedSince }, { asOfDay: dayNumber('2026-12-04'), agingBasis: 'dueDate' });
    return rows.filter((_, i) => mask[i]).map((r) => r.number);
  };

  it('keeps the invoices modified at or after the moment (Salesforce’s +0000 and ISO Z alike), none without a time', () => {
    expect(shown(null)).toEqual(['OLD', 'AT', 'NEW', 'UNKNOWN']);
    expect(shown('2026-12-03T10:00:00.000Z')).toEqual(['AT', 'NEW']);
    expect(shown('2026-12-03T10:00:00.001Z')).toEqual(['NEW']);
    expect(shown('2026-12-05T00:00:00.000Z')).toEqual([]);
  });

  it('is an active filter with a removable chip', () => {
    const filters = { ...noFilters, changedSince: '2026-12-03T10:00:00.000Z' };
    expect(hasActiveFilters(filters)).toBe(true);
    const i18n = createI18n('en');
    const chips = filterChips(filters, i18n.getFixedT('en', 'workspace'), 'en-US');
    expect(chips.map((c) => c.label)).toEqual([`Changed since ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(filters.changedSince))}`]);
    expect(chips[0]!.without(filters)).toEqual(noFilters);
  });
});
