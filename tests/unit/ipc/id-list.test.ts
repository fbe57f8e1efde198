import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { id } from '../../../electron/contract/models';
import { idList } from '../../../electron/contract/id-list';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher';

/**
 * The export request's ids are checked by one loop instead of zod's run per element (id-list.ts): the rule, the issues
 * and the refusal a malformed list gets must stay exactly those of `z.array(id).max(n)`.
 */

const element = fc.oneof(
  fc.constantFrom('a0G000000000001AAA', 'x', 'é', '\u0000', ' ', 'x'.repeat(100), 'x'.repeat(101), '', '😀'.repeat(50), '😀'.repeat(51)),
  fc.string({ maxLength: 120 }),
  fc.integer(),
  fc.constantFrom(null, undefined, Number.NaN, true, {}, [], ['a0G000000000001AAA'], new String('abc')),
);
const valid = fc.string({ minLength: 1, maxLength: 100 });
/** Lists and non-lists: mostly valid ids with the odd bad one, sparse arrays, too long lists for a small cap. */
const anything = fc.oneof(
  fc.array(valid, { maxLength: 8 }),
  fc.array(fc.oneof(valid, valid, valid, element), { maxLength: 8 }),
  fc.array(element, { maxLength: 4 }),
  fc.sparseArray(valid, { maxLength: 6 }),
  element,
  fc.constantFrom('a0G000000000001AAA', { length: 1, 0: 'a0G000000000001AAA' }, new Set(['a0G000000000001AAA'])),
);

const outcome = (result: { success: boolean; data?: unknown; error?: z.ZodError }) => (result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error!.issues });

describe('idList: an id list checked as z.array(id).max(n) checks it', () => {
  it('the same answer and the same issues (paths, codes, messages) for any input, under and over the cap', () => {
    fc.assert(
      fc.property(anything, fc.integer({ min: 0, max: 6 }), (value, max) => {
        expect(outcome(idList(max).safeParse(value))).toEqual(outcome(z.array(id).max(max).safeParse(value)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('inside an object with checks after it: a list that stops zod (a wrong type) skips them, a too long id does not, as before', () => {
    const request = (ids: z.ZodType<string[], string[]>) =>
      z
        .strictObject({ ids, count: z.number() })
        .refine((r) => r.ids.length === r.count, { message: 'count is the number of ids', path: ['count'] });
    const fast = request(idList(3));
    const strict = request(z.array(id).max(3));
    const payload = fc.record({ ids: anything, count: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant('2')) }, { requiredKeys: [] });
    fc.assert(
      fc.property(payload, (value) => {
        expect(outcome(fast.safeParse(value))).toEqual(outcome(strict.safeParse(value)));
      }),
      { numRuns: 3_000 },
    );
    // The two kinds of issue in one list: the wrong type stops the object's check, a too long id leaves it running.
    expect(fast.safeParse({ ids: ['a', 7], count: 5 }).error!.issues.map((issue) => issue.path.join('.'))).toEqual(['ids.1']);
    expect(fast.safeParse({ ids: ['a', 'x'.repeat(101)], count: 5 }).error!.issues.map((issue) => issue.path.join('.'))).toEqual(['ids.1', 'count']);
  });

  it('a valid list is passed on as given (no copy, no object per id); a refused one never reaches the handler', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatcher({ 'invoices.export': (input) => (seen.push(input.ids), { path: null, rows: 0 }) }, () => true);
    const ids = Array.from({ length: 100_000 }, (_, k) => `a0G${String(k).padStart(15, '0')}`);
    const ask = (list: unknown) => dispatch('invoices.export', { connectionId: 'c1', format: 'xlsx', columns: ['number'], ids: list, asOf: '2026-11-29' }, 'app://budgetly/index.html');
    await expect(ask(ids)).resolves.toEqual({ ok: true, value: { path: null, rows: 0 } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(ids);
    // Refused with zod's own words for the field, as before (the dispatcher keeps the first three issues).
    const refusals = await Promise.all([ask('a0G000000000001AAA'), ask(['a0G000000000001AAA', 7]), ask(['', 'x'.repeat(101)]), ask([...ids.slice(0, 3), undefined, null, 1, 2])]);
    expect(refusals.map((result) => (result.ok ? 'accepted' : result.error.message))).toEqual([
      'Budgetly could not read this request (ids: Invalid input: expected array, received string).',
      'Budgetly could not read this request (ids.1: Invalid input: expected string, received number).',
      'Budgetly could not read this request (ids.0: Too small: expected string to have >=1 characters; ids.1: Too big: expected string to have <=100 characters).',
      'Budgetly could not read this request (ids.3: Invalid input: expected string, received undefined; ids.4: Invalid input: expected string, received null; ids.5: Invalid input: expected string, received number; …).',
    ]);
    expect(seen).toHaveLength(1);
  });

  it('more ids than the channel takes (2,000,000) is refused as before, without checking them one by one', async () => {
    const dispatch = createDispatcher({ 'invoices.export': () => ({ path: null, rows: 0 }) }, () => true);
    const result = await dispatch('invoices.export', { connectionId: 'c1', format: 'xlsx', columns: ['number'], ids: new Array<string>(2_000_001).fill('a0G000000000001AAA'), asOf: '2026-11-29' }, 'app://budgetly/index.html');
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Budgetly could not read this request (ids: Too big: expected array to have <=2000000 items).' } });
  });
});
