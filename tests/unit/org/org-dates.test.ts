import { describe, expect, it } from 'vitest';
import { dayToIso, sfDateTime } from '../../org/data/random';

/** The org's own formatting must print exactly what Date#toISOString prints (every page of every object uses it). */
describe('the local org prints dates and instants as Salesforce does', () => {
  it('an instant is YYYY-MM-DDTHH:MM:SS.mmm+0000, the same as toISOString, across days, years and before 1970', () => {
    const instants = [0, 1, 999, 1000, 59_999, 3_599_999, 86_399_999, 86_400_000, -1, -86_400_001, 951_782_400_000, 1_733_000_000_123, 253_402_300_799_999, -62_135_596_800_000];
    for (let i = 0; i < 5_000; i++) instants.push(Math.round(-2e12 + i * 997_331_117.3));
    for (const ms of instants) expect(sfDateTime(ms), String(ms)).toBe(new Date(ms).toISOString().replace('Z', '+0000'));
  });

  it('a day number is its YYYY-MM-DD, asked once or many times', () => {
    for (const day of [-719_162, -1, 0, 11_016, 20_000, 20_000, 2_932_896]) expect(dayToIso(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
  });
});
