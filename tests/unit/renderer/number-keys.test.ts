import { describe, expect, it } from 'vitest';
import { invoiceNumberKeys } from '../../../electron/contract/invoice-order';

/** A small deterministic generator: the same texts on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The fast path as it was written before load25 (a slice and a regular expression per number): the reference. */
function byPattern(numbers: readonly string[]): Float64Array | null {
  const value = new Float64Array(numbers.length);
  const prefix = numbers.length > 0 ? /^(\D*)\d{1,15}$/.exec(numbers[0]!)?.[1] : undefined;
  if (prefix === undefined) return null;
  for (let i = 0; i < numbers.length; i++) {
    const digits = numbers[i]!.slice(prefix.length);
    if (!numbers[i]!.startsWith(prefix) || !/^\d{1,15}$/.test(digits)) return null;
    value[i] = Number(digits);
  }
  return value;
}

describe('invoice numbers as sort keys (the shared tie-break)', () => {
  it('read in place, give the values the pattern gave; anything else takes the collator ranks as before', () => {
    const next = random(3);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    // Digits of every length around the 15-digit limit, leading zeros, digits of other scripts, a digit in the prefix's place.
    const tails = () => pick(['', '0', '007', '9'.repeat(15), '1'.repeat(16), '123456789012345', '12a', '١٢', '12 ', ' 12', '1.5', '-3']);
    const prefixes = ['INV-', '', 'inv-', 'INV-2026-', 'ü/'];
    for (let set = 0; set < 400; set++) {
      const prefix = pick(prefixes);
      const numbers = Array.from({ length: 1 + Math.floor(next() * 12) }, () => (next() < 0.9 ? `${prefix}${String(Math.floor(next() * 1e6))}` : `${next() < 0.5 ? prefix : pick(prefixes)}${tails()}`));
      const keys = invoiceNumberKeys(numbers.map((number) => ({ number })));
      const reference = byPattern(numbers);
      if (reference) expect([...keys]).toEqual([...reference]);
      else {
        // Collator ranks: dense 0 … distinct − 1, as the collator orders them (not the digits' values).
        const sorted = [...new Set(keys)].sort((a, b) => a - b);
        expect(sorted).toEqual(sorted.map((_, k) => k));
      }
    }
  });
});
