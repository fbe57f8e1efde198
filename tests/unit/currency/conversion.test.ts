import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyRates } from '../../../electron/contract';
import { convertedTotals, convertRows, convertToMinor, type ConvertibleRow } from '../../../electron/contract/conversion/convert';
import { buildRateTable, describeSlot, rateSlot, type RateTable } from '../../../electron/contract/conversion/rate-table';
import { dayNumber } from '../../../electron/contract/invoice-order';
import { independentMinor, independentTotals } from '../../support/independent-conversion';

const currencies = (over: Partial<Record<string, Partial<CurrencyRates['currencies'][number]>>> = {}): CurrencyRates['currencies'] =>
  [
    { isoCode: 'EUR', rate: 1, decimals: 2, active: true, corporate: true },
    { isoCode: 'USD', rate: 1.086957, decimals: 2, active: true, corporate: false },
    { isoCode: 'GBP', rate: 0.858696, decimals: 2, active: true, corporate: false },
    { isoCode: 'JPY', rate: 164.565217, decimals: 0, active: true, corporate: false },
  ].map((c) => ({ ...c, ...over[c.isoCode] }));

const plain: CurrencyRates = { state: 'available', corporate: 'EUR', currencies: currencies(), dated: [], syncedAt: null };
const dated: CurrencyRates = {
  ...plain,
  dated: [
    { isoCode: 'EUR', rate: 1, start: '2025-01-01', next: null },
    { isoCode: 'USD', rate: 1.1, start: '2025-01-01', next: '2025-04-01' },
    { isoCode: 'USD', rate: 1.2, start: '2025-04-01', next: '2025-04-15' },
    { isoCode: 'USD', rate: 1.05, start: '2025-04-15', next: null }, // a period starting mid-month
    { isoCode: 'GBP', rate: 0.8, start: '2025-01-01', next: '2025-02-01' },
    { isoCode: 'GBP', rate: 0.9, start: '2025-03-01', next: null }, // a gap: February has no rate
    { isoCode: 'JPY', rate: 150, start: '2025-01-01', next: '2025-06-01' },
    { isoCode: 'JPY', rate: 160, start: '2025-03-01', next: null }, // overlaps the one before
  ],
};

const table = (rates: CurrencyRates): RateTable => buildRateTable(rates)!;
const rateOn = (rates: CurrencyRates, currency: string, day: string | null) => describeSlot(table(rates), rateSlot(table(rates), currency, dayNumber(day)));

describe('the rate in force for a day', () => {
  it('dated rates: [StartDate, NextStartDate), a mid-month start, the corporate currency at 1', () => {
    expect(rateOn(dated, 'USD', '2025-03-31')).toMatchObject({ rate: 1.1, start: '2025-01-01', next: '2025-04-01', dated: true });
    expect(rateOn(dated, 'USD', '2025-04-01')).toMatchObject({ rate: 1.2 });
    expect(rateOn(dated, 'USD', '2025-04-14')).toMatchObject({ rate: 1.2 });
    expect(rateOn(dated, 'USD', '2025-04-15')).toMatchObject({ rate: 1.05, next: null });
    expect(rateOn(dated, 'USD', '2031-01-01')).toMatchObject({ rate: 1.05 });
    expect(rateOn(dated, 'EUR', '1999-01-01')).toMatchObject({ rate: 1, dated: false });
  });

  it('no rate, never 0 or 1: before the first period, in a gap, inactive, unknown, rate ≤ 0, no date', () => {
    expect(rateOn(dated, 'USD', '2024-12-31')).toBe('beforeFirst');
    expect(rateOn(dated, 'GBP', '2025-02-10')).toBe('gap');
    expect(rateOn(dated, 'GBP', '2025-03-01')).toMatchObject({ rate: 0.9 });
    expect(rateOn(dated, 'CHF', '2025-03-01')).toBe('unknownCurrency');
    expect(rateOn(dated, 'USD', null)).toBe('noDate');
    expect(rateOn({ ...dated, currencies: currencies({ USD: { active: false } }) }, 'USD', '2025-03-01')).toBe('inactive');
    expect(rateOn({ ...plain, currencies: currencies({ USD: { rate: 0 } }) }, 'USD', '2025-03-01')).toBe('notPositive');
    expect(rateOn({ ...plain, currencies: currencies({ USD: { rate: -1.1 } }) }, 'USD', '2025-03-01')).toBe('notPositive');
    // Below Salesforce's 6 decimal places (a damaged copy): zero at that precision, not a division by zero.
    expect(rateOn({ ...plain, currencies: currencies({ USD: { rate: 0.0000001 } }) }, 'USD', '2025-03-01')).toBe('notPositive');
    expect(rateOn({ ...dated, dated: [{ isoCode: 'USD', rate: 0, start: '2025-01-01', next: null }] }, 'USD', '2025-03-01')).toBe('notPositive');
  });

  it('overlapping periods: the one that started last wins; gaps and overlaps are flagged', () => {
    expect(rateOn(dated, 'JPY', '2025-02-28')).toMatchObject({ rate: 150 });
    expect(rateOn(dated, 'JPY', '2025-03-01')).toMatchObject({ rate: 160 });
    expect(table(dated).issues).toEqual([
      { isoCode: 'GBP', kind: 'gap', from: '2025-02-01', to: '2025-03-01' },
      { isoCode: 'JPY', kind: 'overlap', from: '2025-01-01', to: '2025-03-01' },
    ]);
  });

  it('a period nested inside a longer one: after the inner one ends, the outer one still holds the day (no gap, no rate from outside it)', () => {
    const nested: CurrencyRates = {
      ...plain,
      dated: [
        { isoCode: 'USD', rate: 1.1, start: '2025-01-01', next: '2025-06-01' },
        { isoCode: 'USD', rate: 1.3, start: '2025-02-01', next: '2025-03-01' }, // inside the one before
      ],
    };
    expect(rateOn(nested, 'USD', '2025-02-15')).toMatchObject({ rate: 1.3 });
    expect(rateOn(nested, 'USD', '2025-03-10')).toMatchObject({ rate: 1.1 });
    expect(rateOn(nested, 'USD', '2025-06-01')).toBe('gap');
    const rows = [{ currency: 'USD', total: 110, balance: 110, invoiceDate: '2025-03-10' }];
    const converted = convertRows(rows, table(nested), 'invoiceDate', '');
    expect(convertedTotals(converted, rows, [0]).total).toBe(100);
    expect(independentTotals(nested, rows, 'invoiceDate', '').total).toBe(100);
  });

  it('without dated rates: the plain ConversionRate whatever the day (even without one)', () => {
    expect(rateOn(plain, 'USD', '1990-01-01')).toMatchObject({ rate: 1.086957, dated: false, start: null });
    expect(rateOn(plain, 'USD', null)).toMatchObject({ rate: 1.086957 });
  });

  it('a corporate currency whose DecimalPlaces the user cannot read rounds to its ISO minor unit (JPY: whole yen, as shown), not to cents', () => {
    const yen = { ...plain, corporate: 'JPY', currencies: currencies({ EUR: { corporate: false, rate: 0.006 }, JPY: { corporate: true, rate: 1, decimals: null } }) };
    expect(table(yen).decimals).toBe(0);
    const rows = [{ currency: 'EUR', total: 100.01, balance: 100.01, invoiceDate: '2025-03-01' }, { currency: 'EUR', total: 100.01, balance: 100.01, invoiceDate: '2025-03-01' }];
    // 100.01 / 0.006 = 16668.33… → ¥16,668 each: the card adds the yen shown, 33,336 (not 33,336.67)
    expect(convertedTotals(convertRows(rows, table(yen), 'invoiceDate', ''), rows, [0, 1]).total).toBe(33336);
    const usd = { ...plain, currencies: currencies({ EUR: { decimals: null } }) };
    expect(table(usd).decimals).toBe(2);
  });

  it('nothing to convert with: no table', () => {
    expect(buildRateTable({ ...plain, state: 'unreadable', currencies: [] })).toBeNull();
    expect(buildRateTable({ ...plain, currencies: currencies({ EUR: { corporate: false } }) })).toBeNull();
  });
});

describe('converting an amount: ÷ rate, rounded to the corporate decimals half away from zero', () => {
  it('halves go away from zero, also where binary floating point would not', () => {
    expect(convertToMinor(0.125, 1, 2)).toBe(13);
    expect(convertToMinor(-0.125, 1, 2)).toBe(-13);
    expect(convertToMinor(1.005, 1, 2)).toBe(101); // 1.005 * 100 = 100.49999… in floating point
    expect(convertToMinor(-1.005, 1, 2)).toBe(-101);
    expect(convertToMinor(10, 4, 0)).toBe(3); // 2.5 → 3
    expect(convertToMinor(-10, 4, 0)).toBe(-3);
    expect(convertToMinor(1000, 150, 2)).toBe(667);
    expect(convertToMinor(0, 1.2, 2)).toBe(0);
    expect(Object.is(convertToMinor(-0.001, 3, 2), 0)).toBe(true);
  });

  it('a just-under-half over ten billion units is not rounded up (amount × 10^decimals past 2^53 is no longer exact in floating point)', () => {
    // (cents ≡ 500001 mod 1000001) / 1.000001: the exact quotient ends in ….4999995 — down, whatever the size
    for (const amount of [1_000_006_000.01, 10_000_015_000.02, 50_000_055_000.02]) {
      expect(convertToMinor(amount, 1.000001, 2), String(amount)).toBe(independentMinor(amount, 1.000001, 2));
      expect(convertToMinor(-amount, 1.000001, 2)).toBe(independentMinor(-amount, 1.000001, 2));
    }
    expect(convertToMinor(10_000_015_000.02, 1.000001, 2)).toBe(1_000_000_500_001);
  });

  it('equals the exact rational computation for any amount, rate and decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9_000_000_000, max: 9_000_000_000 }), fc.integer({ min: 1, max: 300_000_000 }), fc.constantFrom(0, 2, 3),
        fc.constantFrom(0, 2),
        (amountMinor, rateMicro, decimals, amountDecimals) => {
          const amount = amountMinor / 10 ** amountDecimals;
          const rate = rateMicro / 1e6;
          fc.pre(Math.abs(independentMinor(amount, rate, decimals)) < 2 ** 53);
          expect(convertToMinor(amount, rate, decimals)).toBe(independentMinor(amount, rate, decimals));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('converting rows and totals: the sum of the rounded rows, rows without a rate counted apart', () => {
  const days = ['2024-11-30', '2025-01-01', '2025-02-10', '2025-03-31', '2025-04-01', '2025-04-14', '2025-04-15', '2025-09-09', null];
  const arbRow = fc.record({
    currency: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'CHF'),
    total: fc.option(fc.integer({ min: -1_000_000, max: 50_000_000 }).map((c) => c / 100), { nil: null, freq: 10 }),
    balance: fc.option(fc.integer({ min: -100_000, max: 50_000_000 }).map((c) => c / 100), { nil: null, freq: 10 }),
    invoiceDate: fc.constantFrom(...days),
  });

  for (const [name, rates] of [['dated rates', dated], ['plain rates', plain], ['JPY corporate', {
    ...dated, currencies: currencies({ EUR: { corporate: false, rate: 0.006 }, JPY: { corporate: true, rate: 1 } }),
  }]] as const) {
    it(`${name}: both bases, three as-of dates, against the independent computation`, () => {
      fc.assert(
        fc.property(fc.array(arbRow, { maxLength: 60 }), fc.constantFrom('2024-12-31', '2025-02-14', '2025-04-15'), (rows, asOf) => {
          for (const basis of ['invoiceDate', 'asOf'] as const) {
            const converted = convertRows(rows, table(rates as CurrencyRates), basis, asOf);
            const all = Uint32Array.from(rows.keys());
            const got = convertedTotals(converted, rows, all);
            const want = independentTotals(rates as CurrencyRates, rows, basis, asOf);
            expect({ count: got.count, missing: got.missing, total: got.total, balance: got.balance }).toEqual(want);
            // The total is the sum of the rounded rows shown.
            let rowSum = 0;
            for (let i = 0; i < rows.length; i++) if (converted.rate[i]! >= 0 && !Number.isNaN(converted.total[i]!)) rowSum += converted.total[i]!;
            expect(got.total).toBe(rowSum / 10 ** converted.decimals);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('says which rate and period each row used, and why a row has none', () => {
    const rows: ConvertibleRow[] = [
      { currency: 'USD', total: 110, balance: 55, invoiceDate: '2025-04-20' },
      { currency: 'USD', total: 110, balance: 55, invoiceDate: '2024-04-20' },
      { currency: 'GBP', total: 80, balance: 0, invoiceDate: '2025-02-02' },
    ];
    const t = table(dated);
    const converted = convertRows(rows, t, 'invoiceDate', '2025-05-01');
    expect(describeSlot(t, converted.rate[0]!)).toMatchObject({ isoCode: 'USD', rate: 1.05, start: '2025-04-15', next: null });
    expect(converted.total[0]).toBe(10476); // 110 / 1.05 = 104.7619… → 104.76
    expect(describeSlot(t, converted.rate[1]!)).toBe('beforeFirst');
    expect(describeSlot(t, converted.rate[2]!)).toBe('gap');
    const totals = convertedTotals(converted, rows, [0, 1, 2]);
    expect(totals).toMatchObject({ corporate: 'EUR', count: 1, total: 104.76, balance: 52.38, missing: 2, missingByCurrency: { USD: 1, GBP: 1 }, missingByReason: { beforeFirst: 1, gap: 1 } });
    // As of 2025-05-01 every USD row uses the period in force that day; GBP's March period covers it.
    const revalued = convertedTotals(convertRows(rows, t, 'asOf', '2025-05-01'), rows, [0, 1, 2]);
    expect(revalued).toMatchObject({ count: 3, missing: 0, total: 104.76 * 2 + 88.89 });
  });
});
