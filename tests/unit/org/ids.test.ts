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
});
