import { describe, expect, it } from 'vitest';
import { compactColumnWidths, roomForLabels } from '../../../renderer/src/workspace/column-fit';

// 0.55rem a character: close to the header's bold 0.93rem sans-serif.
const measure = (label: string) => label.length * 0.55;

describe('column widths for the headers’ own words', () => {
  it('keeps the English widths and widens a column whose German header would be cut off', () => {
    expect(roomForLabels(compactColumnWidths, { invoiceDate: 'Invoice date', dueDate: 'Due date' }, measure)).toEqual(compactColumnWidths);
    const german = roomForLabels(compactColumnWidths, { invoiceDate: 'Rechnungsdatum', daysOverdue: 'Tage überfällig', customer: 'Kunde' }, measure);
    expect(german.invoiceDate).toBe('9.75rem');
    expect(german.daysOverdue).toBe('10.25rem');
    expect(german.customer).toBe(compactColumnWidths.customer);
    // A flexible track keeps its flexibility, with a wider minimum.
    // 34 characters × 0.55 + 2 rem of padding and sort mark, rounded up to a quarter: 20.75rem.
    expect(compactColumnWidths.customer).toBe('minmax(8rem, 1fr)');
    expect(roomForLabels(compactColumnWidths, { customer: 'Kundin oder Kunde mit langem Namen' }, measure).customer).toBe('minmax(20.75rem, 1fr)');
  });
});
