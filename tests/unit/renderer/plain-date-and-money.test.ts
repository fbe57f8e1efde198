import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, formatPlainDate, localTodayIso } from '../../../renderer/src/invoices/plain-date';
import { compactMoney, formatMoney } from '../../../renderer/src/invoices/money';

describe('plain dates', () => {
  const originalTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });

  it('shows a Salesforce date as that same day west of UTC', () => {
    // The bug this guards against: new Date('2026-01-01') is UTC midnight = Dec 31 in Los Angeles.
    expect(new Date('2026-01-01').getDate()).toBe(31);
    expect(formatPlainDate('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatPlainDate('2026-03-08', 'en-US')).toBe('Mar 8, 2026'); // DST change day
    expect(formatPlainDate('2026-12-31', 'de-DE')).toBe('31. Dez. 2026');
  });

  it('counts days between plain dates exactly, across DST and leap years', () => {
    expect(dayNumber('2026-03-09') - dayNumber('2026-03-08')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('not a date')).toBeNaN();
    expect(dayNumber(null)).toBeNaN();
    expect(formatPlainDate(null)).toBe('');
  });

  it("takes today's date from the user's clock, not UTC", () => {
    // 2026-11-30 03:00 UTC is still Nov 29 in Los Angeles.
    expect(localTodayIso(new Date(Date.UTC(2026, 10, 30, 3, 0)))).toBe('2026-11-29');
  });
});

describe('money', () => {
  it("formats each amount in its own currency, accounting style for negatives", () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(-12, 'USD', 'en-US')).toBe('($12.00)');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMoney(null, 'USD')).toBe('');
  });

  it('still shows amounts whose currency code is not ISO 4217', () => {
    expect(formatMoney(5, 'XX1', 'en-US')).toBe('5.00 XX1');
  });

  it('keeps chart labels short, each in its own locale’s notation (never an English K beside a German Mio.)', () => {
    expect(compactMoney(563771.73, 'USD', 'en-US', 'K')).toBe('$563.8K');
    expect(compactMoney(1_500_000, 'EUR', 'de-DE', 'Tsd.')).toBe('1,5 Mio. €');
    // German has no short form for thousands in CLDR: thousands with the catalogue's word.
    expect(compactMoney(563771.73, 'EUR', 'de-DE', 'Tsd.')).toBe('563,8 Tsd. €');
    expect(compactMoney(112_300, 'GBP', 'de-DE', 'Tsd.')).toBe('112,3 Tsd. £');
    expect(compactMoney(-12_345, 'EUR', 'de-DE', 'Tsd.')).toBe('-12,3 Tsd. €');
    expect(compactMoney(999, 'EUR', 'de-DE', 'Tsd.')).toBe('999 €');
    expect(compactMoney(563771.73, 'EUR', 'fr-FR', 'k')).toBe('563,8 k €');
    expect(compactMoney(563771.73, 'EUR', 'es-ES', 'mil')).toBe('563,8 mil €');
    expect(compactMoney(53_500_000, 'JPY', 'ja-JP', 'K').length).toBeLessThanOrEqual(9);
  });
});
