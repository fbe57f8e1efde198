import { describe, expect, it } from 'vitest';
import { makeId, parseId } from '../../org/data/ids';

describe('local org record ids', () => {
  it('resolve 18-char ids in any casing, as Salesforce does, and 15-char ids only exactly', () => {
    for (const prefix of ['3tt', 'a1X', 'a0G']) {
      const id = makeId(prefix, 12345);
      expect(parseId(prefix, id)).toBe(12345);
      expect(parseId(prefix, id.toLowerCase())).toBe(12345);
      expect(parseId(prefix, id.toUpperCase())).toBe(12345);
      expect(parseId(prefix, id.slice(0, 15))).toBe(12345);
      const id15 = id.slice(0, 15);
      if (id15 !== id15.toLowerCase()) expect(parseId(prefix, id15.toLowerCase())).not.toBe(12345);
    }
  });

  it('are the ids the org has always made: base-62 digits of n + 1 padded to nine, behind the prefix and pod, and the case suffix', () => {
    // The ids as first written (string concatenation and padStart), kept here as the definition.
    const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    const definition = (prefix: string, n: number) => {
      let digits = '';
      for (let v = n + 1; v > 0; v = Math.floor(v / 62)) digits = BASE62[v % 62] + digits;
      const id15 = `${prefix}5g0${digits.padStart(9, '0')}`;
      let suffix = '';
      for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let j = 0; j < 5; j++) if (/[A-Z]/.test(id15[block * 5 + j]!)) bits |= 1 << j;
        suffix += SUFFIX[bits];
      }
      return id15 + suffix;
    };
    // Small numbers are kept once made (memo), from 20,000,000 on they are made each time: both ways.
    const numbers = [0, 1, 60, 61, 62, 63, 3842, 3843, 3844, 238_327, 238_328, 20_000_000, 916_132_831, 916_132_832, 2 ** 31, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER - 1];
    for (let n = 0; n < 300_000; n += 97) numbers.push(n);
    const made: string[] = [];
    const defined: string[] = [];
    const unparsed: string[] = [];
    for (const prefix of ['3tt', 'a1X', 'a0G', '0a4', '9mA', 'ZZZ', 'zzz', '00D']) {
      for (const n of numbers) {
        const id = makeId(prefix, n);
        made.push(id, makeId(prefix, n));
        defined.push(definition(prefix, n), definition(prefix, n));
        if (n < 2 ** 31 && parseId(prefix, id) !== n) unparsed.push(`${prefix} ${n}`);
      }
    }
    expect(made).toEqual(defined);
    expect(unparsed).toEqual([]);
  });
});
