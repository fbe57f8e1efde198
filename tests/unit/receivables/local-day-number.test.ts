import { afterAll, describe, expect, it } from 'vitest';
import { isoDayOf, localDay, localDayNumber } from '../../../electron/core/invoices/read/local-day';

/**
 * The ledger's index reads each application's day from the value's digits (localDayNumber), not through a Date: it must give
 * the day on the computer's clock exactly as localDay does, and as Intl does independently. The computer here is on Lord Howe
 * Island: +10:30 in winter, +11:00 in summer, the switch at 02:00 local (15:30 / 15:00 UTC, off the UTC hour) — an offset in
 * half hours, and an hour whose instants fall on both sides of a switch.
 */

// Set before the module reads any offset (the file runs in a process of its own: vitest.config.ts).
const zoneBefore = process.env.TZ;
process.env.TZ = 'Australia/Lord_Howe';
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const intlDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Lord_Howe', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The day an instant is on Lord Howe Island, by Intl's zone rules (not the app's code). */
const expectedDay = (ms: number) => intlDay.format(new Date(ms));
/** localDayNumber's answer as text, or localDay's where it leaves the value to localDay (NaN). */
const viaNumber = (value: string) => {
  const day = localDayNumber(value);
  return Number.isNaN(day) ? localDay(value) : isoDayOf(day);
};

describe('an application’s day as a number, on a clock at +10:30 / +11:00', () => {
  it('every 7 minutes through both switches of 2026: the day Intl gives, in each way Salesforce writes an instant', () => {
    const from = Date.UTC(2026, 3, 3); // the April switch (back to +10:30) and, below, the October one (to +11:00)
    const spans = [[from, from + 3 * 86_400_000], [Date.UTC(2026, 9, 2), Date.UTC(2026, 9, 6)]] as const;
    let decided = 0;
    let checked = 0;
    for (const [start, end] of spans) {
      for (let ms = start; ms < end; ms += 7 * 60_000) {
        const iso = new Date(ms).toISOString();
        const want = expectedDay(ms);
        for (const value of [iso, `${iso.slice(0, 23)}+0000`, `${iso.slice(0, 23)}+00:00`]) {
          expect(viaNumber(value), value).toBe(want);
          expect(viaNumber(value), value).toBe(localDay(value));
          if (!Number.isNaN(localDayNumber(value))) decided++;
          checked++;
        }
      }
    }
    // Most instants are decided from their digits; the hours in which the offset changes are left to localDay.
    expect(decided).toBeGreaterThan(checked * 0.9);
    expect(decided).toBeLessThan(checked);
  });

  it('a day every 97 days from 1601 to 2400: its own day number, as Date counts days', () => {
    for (let ms = Date.UTC(1601, 0, 1); ms < Date.UTC(2400, 0, 1); ms += 97 * 86_400_000) {
      const day = new Date(ms).toISOString().slice(0, 10);
      expect(localDayNumber(day), day).toBe(Math.round(ms / 86_400_000));
      expect(isoDayOf(localDayNumber(day)), day).toBe(day);
    }
    expect(localDayNumber('1970-01-01')).toBe(0);
    expect(localDayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(localDayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('what it does not decide is left to localDay (NaN): no day, a day that does not exist, a year Date.UTC reads as 19xx, another offset', () => {
    for (const value of ['2026-02-30', '2100-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '0050-06-01', '2026-02-30T10:00:00.000Z',
      '2026-06-01T24:00:00.000Z', '2026-06-01T10:60:00.000Z', '2026-06-01T10:00:00.000-0800', '2026-06-01 10:00', '2026/06/01', 'tomorrow', '']) {
      expect(localDayNumber(value), value).toBeNaN();
    }
    for (const value of [null, undefined, 20260601, true]) expect(localDayNumber(value)).toBeNaN();
    // …and localDay's answer stands for them (never a guessed other day).
    expect(viaNumber('2026-02-30')).toBe('2026-02-30');
    expect(viaNumber('2026-06-01T10:00:00.000-0800')).toBe(expectedDay(Date.UTC(2026, 5, 1, 18)));
  });
});
