import { describe, expect, it } from 'vitest';
import { amountMatches, parseAmountQuery } from '../../../renderer/src/invoices/amount-search';
import { filterMask, noFilters } from '../../../renderer/src/invoices/filters';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { row } from './invoice-fixtures';

/** The amount a text reads as, in units (null: not an amount in that locale). */
const read = (text: string, locale: string) => {
  const q = parseAmountQuery(text, locale);
  return q === null ? null : q.thousandths / 1000;
};

describe('amounts as typed in the search box', () => {
  it('reads German amounts: dot groups, comma decimals', () => {
    expect(read('9.536,86', 'de-DE')).toBe(9536.86);
    expect(read('9536,86', 'de-DE')).toBe(9536.86);
    expect(read('1.234.567,5', 'de-DE')).toBe(1234567.5);
    expect(read('9.536', 'de-DE')).toBe(9536); // a grouping in German
    expect(read('9536.86', 'de-DE')).toBe(9536.86); // two digits after a dot: cannot be a grouping
    expect(read('9.536,86 €', 'de-DE')).toBe(9536.86);
    expect(read('EUR 9.536,86', 'de-DE')).toBe(9536.86);
  });

  it('reads English amounts: comma groups, dot decimals', () => {
    expect(read('9,536.86', 'en-US')).toBe(9536.86);
    expect(read('9536.86', 'en-US')).toBe(9536.86);
    expect(read('$9,536.86', 'en-US')).toBe(9536.86);
    expect(read('9,536', 'en-US')).toBe(9536); // a grouping in English
    expect(read('9.536', 'en-US')).toBe(9.536); // a decimal in English (matches no two-decimal amount)
    expect(read('9536,86', 'en-US')).toBe(9536.86); // two digits after a comma: a decimal
    expect(read('9536.86 usd', 'en-GB')).toBe(9536.86);
  });

  it('reads French amounts with (narrow) no-break spaces and Spanish ones', () => {
    expect(read('9\u202f536,86\u00a0€', 'fr-FR')).toBe(9536.86);
    expect(read('9 536,86', 'fr-FR')).toBe(9536.86);
    expect(read('9536,86', 'fr-FR')).toBe(9536.86);
    expect(read('9.536', 'fr-FR')).toBeNull(); // thousands or decimals? ambiguous in French: text search only
    expect(read('9.536,86', 'es-ES')).toBe(9536.86);
    expect(read('9536,86', 'es-ES')).toBe(9536.86);
  });

  it('takes a typed sign or accounting parentheses as a sign', () => {
    expect(parseAmountQuery('-120,00', 'de-DE')).toEqual({ thousandths: -120_000, signed: true });
    expect(parseAmountQuery('($120.00)', 'en-US')).toEqual({ thousandths: -120_000, signed: true });
    expect(parseAmountQuery('120.00', 'en-US')).toEqual({ thousandths: 120_000, signed: false });
  });

  it('leaves text, invoice numbers and half-typed amounts to the text search', () => {
    for (const text of ['', 'Acme', 'INV-00012', '00012', '9.536,', '1,23,456.00', '12.34.5', '9,536.8612', '0', '0,00', 'ABC 12', '12 EURO']) {
      expect(parseAmountQuery(text, 'de-DE'), text).toBeNull();
      expect(parseAmountQuery(text, 'en-US'), text).toBeNull();
    }
  });

  it('matches an amount exactly, a credit too unless a sign was typed', () => {
    const q = parseAmountQuery('9.536,86', 'de-DE')!;
    expect(amountMatches(9536.86, q)).toBe(true);
    expect(amountMatches(-9536.86, q)).toBe(true);
    expect(amountMatches(9536.87, q)).toBe(false);
    expect(amountMatches(null, q)).toBe(false);
    expect(amountMatches(9536.86, parseAmountQuery('-9536,86', 'de-DE')!)).toBe(false);
    expect(amountMatches(0.1 + 0.2, parseAmountQuery('0.30', 'en-US')!)).toBe(true);
  });
});

describe('search by amount in the filter pass', () => {
  const rows = [
    row({ number: 'INV-9536', customer: 'Acme', total: 100, balance: 100 }),
    row({ number: 'INV-A', customer: 'Beta', total: 9536.86, balance: 0 }),
    row({ number: 'INV-B', customer: 'Gamma', total: 12000, balance: 9536.86, currency: 'EUR' }),
    row({ number: 'INV-C', customer: 'Delta 9536,86', total: 1, balance: 1 }),
  ];
  const prepared = prepareInvoices(rows);
  const shown = (search: string, locale?: string) => {
    const mask = filterMask(prepared, { ...noFilters, search }, { asOfDay: dayNumber('2026-03-01'), agingBasis: 'dueDate', locale });
    return rows.filter((_, i) => mask[i]).map((r) => r.number);
  };

  it('finds totals and balances in the locale, besides number and customer matches', () => {
    expect(shown('9.536,86', 'de-DE')).toEqual(['INV-A', 'INV-B']);
    expect(shown('9536,86', 'de-DE')).toEqual(['INV-A', 'INV-B', 'INV-C']); // the customer's name holds the text too
    expect(shown('9,536.86', 'en-US')).toEqual(['INV-A', 'INV-B']);
    expect(shown('9536', 'en-US')).toEqual(['INV-9536', 'INV-C']); // no invoice is 9,536.00: the text matches stay
    expect(shown('12.000', 'de-DE')).toEqual(['INV-B']);
    expect(shown('12.000', 'en-US')).toEqual([]);
  });

  it('searches text only without a locale', () => {
    expect(shown('9.536,86')).toEqual([]);
    expect(shown('acme')).toEqual(['INV-9536']);
  });
});
