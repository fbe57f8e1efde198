import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dayOfText } from '../../../electron/contract/invoice-order';

/** dayNumber as it was written before it read the digits itself (a regular expression, Date.UTC over its three parts). */
function byPattern(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('dayNumber (the day of a YYYY-MM-DD text, shared by the core and the renderer)', () => {
  it('gives the day the pattern gave for every month 00–99 and day 00–99 of years the calendar treats apart', () => {
    // Years 0–99 (Date.UTC reads them as 1900–1999), 100, leap and common centuries, the epoch, far ahead.
    const years = [0, 1, 50, 99, 100, 101, 999, 1000, 1582, 1600, 1700, 1899, 1900, 1969, 1970, 2000, 2024, 2025, 2026, 2100, 2400, 9999];
    const differ: string[] = [];
    for (const year of years)
      for (let month = 0; month < 100; month++)
        for (let day = 0; day < 100; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (!Object.is(dayNumber(text), byPattern(text))) differ.push(text);
        }
    expect(differ).toEqual([]);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-02-30')).toBe(dayNumber('2026-03-02'));
  });

  it('is NaN for what is not four, two and two ASCII digits, as the pattern was', () => {
    for (const text of ['', null, undefined, '2026-1-01', '2026-01-1 ', ' 2026-01-01', '2026/01/01', '2026-01-01\n', '２０２６-01-01', '2026-0a-01', '20260-1-01', '2026-01-011', '+026-01-01', '2026-01-01T00:00:00Z']) {
      expect(dayNumber(text)).toBeNaN();
      expect(byPattern(text)).toBeNaN();
    }
  });

  it('agrees with the pattern on any text of ten characters from digits, "-" and a few others', () => {
    const char = fc.constantFrom(...'0123456789-- /:aT٣'.split(''));
    fc.assert(
      fc.property(fc.array(char, { minLength: 9, maxLength: 11 }), (chars) => {
        const text = chars.join('');
        expect(Object.is(dayNumber(text), byPattern(text))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads a cell where it lies in a longer text', () => {
    const text = 'INV-1|2026-03-09|2024-02-29|x';
    expect(dayOfText(text, 6, 16)).toBe(dayNumber('2026-03-09'));
    expect(dayOfText(text, 17, 27)).toBe(dayNumber('2024-02-29'));
    expect(dayOfText(text, 0, 5)).toBeNaN();
  });
});
