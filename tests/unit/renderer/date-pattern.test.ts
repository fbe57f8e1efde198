import { describe, expect, it } from 'vitest';
import { addDays, datePattern, formatDate, parseDate, patternText } from '../../../renderer/src/lib/date-pattern';

describe('dates typed by hand, the way the chosen locale writes them', () => {
  it('reads each locale’s order and mark from Intl', () => {
    expect(datePattern('de-DE')).toEqual({ order: ['day', 'month', 'year'], separator: '.' });
    expect(datePattern('fr-FR')).toEqual({ order: ['day', 'month', 'year'], separator: '/' });
    expect(datePattern('es-ES')).toEqual({ order: ['day', 'month', 'year'], separator: '/' });
    expect(datePattern('en-US')).toEqual({ order: ['month', 'day', 'year'], separator: '/' });
    expect(patternText(datePattern('de-DE'), { day: 'TT', month: 'MM', year: 'JJJJ' })).toBe('TT.MM.JJJJ');
    expect(patternText(datePattern('fr-FR'), { day: 'jj', month: 'mm', year: 'aaaa' })).toBe('jj/mm/aaaa');
  });

  it('shows a day as the locale writes it', () => {
    expect(formatDate('2026-06-30', datePattern('de-DE'))).toBe('30.06.2026');
    expect(formatDate('2026-06-30', datePattern('fr-FR'))).toBe('30/06/2026');
    expect(formatDate('2026-06-30', datePattern('en-US'))).toBe('06/30/2026');
    expect(formatDate(null, datePattern('de-DE'))).toBe('');
  });

  it('accepts what a German, a French and an American accountant type, and a pasted ISO date', () => {
    expect(parseDate('30.06.2026', datePattern('de-DE'))).toBe('2026-06-30');
    expect(parseDate('1.2.2026', datePattern('de-DE'))).toBe('2026-02-01');
    expect(parseDate(' 01/02/2026 ', datePattern('fr-FR'))).toBe('2026-02-01');
    expect(parseDate('01/02/2026', datePattern('en-US'))).toBe('2026-01-02');
    expect(parseDate('2026-06-30', datePattern('de-DE'))).toBe('2026-06-30');
    expect(parseDate('29.02.2028', datePattern('de-DE'))).toBe('2028-02-29');
  });

  it('refuses what is no day of the calendar or not a full date', () => {
    for (const text of ['31.02.2026', '29.02.2027', '30.13.2026', '00.01.2026', '30.06.26', '30.06', 'morgen', '', '30.06.2026.1', '123.06.2026']) {
      expect(parseDate(text, datePattern('de-DE')), text).toBeNull();
    }
    expect(parseDate('13/30/2026', datePattern('fr-FR'))).toBeNull();
  });

  it('refuses a year before Salesforce’s first day (1700), the usual typo "0202" for 2020 among them; takes an open-ended 31.12.9999', () => {
    for (const text of ['01.01.0202', '01.01.0000', '0000-01-01', '31.12.1699']) expect(parseDate(text, datePattern('de-DE')), text).toBeNull();
    expect(parseDate('01.01.1700', datePattern('de-DE'))).toBe('1700-01-01');
    expect(parseDate('31.12.9999', datePattern('de-DE'))).toBe('9999-12-31');
  });

  it('steps a day at a time across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
