import fc from 'fast-check';
import { z } from 'zod';

/**
 * Payloads a compromised renderer could send over IPC (anything Electron's structured clone
 * carries): wrong types, huge strings, NaN/Infinity, prototype-pollution keys, extra keys,
 * nested junk, arrays, and "almost right" objects built from the channel's own schema keys.
 */

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Cheap to build even at megabytes: one repeated character or a repeated hostile snippet. */
const hugeString = fc
  .tuple(fc.constantFrom('A', "'", '\\', '\u0000', '"; DROP', '<script>alert(1)</script>', '%_', '\n'), fc.integer({ min: 301, max: 1_200_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

const weirdNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 53 + 1, 1e308, -1e308, 5e-324);

const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  hugeString,
  weirdNumber,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 16 }),
  fc.constantFrom('c1', 'https://evil.example', 'javascript:alert(1)', 'file:///etc/passwd', '../../etc/passwd', '2026-13-45', 'csv', 'full'),
);

const key = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 }));

/** `Object.fromEntries` creates own properties, so `__proto__` becomes a real key, as JSON.parse does. */
function objectOf<T>(value: fc.Arbitrary<T>, keys: fc.Arbitrary<string> = key): fc.Arbitrary<Record<string, T>> {
  return fc.array(fc.tuple(keys, value), { maxLength: 6 }).map((entries) => Object.fromEntries(entries));
}

const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 5 }), objectOf(tie('value')), fc.constant(new Map([['id', 'c1']])), fc.constant(new Set(['c1']))),
})).value;

/** Values that are valid somewhere in the contract, so "almost right" objects get close to passing. */
const plausible = fc.constantFrom<unknown>(
  'c1',
  'a0G000000000001AAA',
  'Local org',
  'https://login.salesforce.com',
  'budgetly-demo',
  'window',
  'browser',
  'csv',
  'xlsx',
  'full',
  'incremental',
  'Invoice',
  '2026-01-31',
  'dark',
  'dueDate',
  true,
  false,
  null,
  ['number', 'total'],
  ['a0G000000000001AAA'],
  { number: 'DocumentNumber' },
);

function shapeKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Objects with the schema's own keys holding plausible or hostile values, some keys missing, maybe extra keys. */
function almostRight(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = shapeKeys(schema);
  if (keys.length === 0) return objectOf(fc.oneof(plausible, junk));
  const fields = fc.record(Object.fromEntries(keys.map((name) => [name, fc.oneof(plausible, plausible, junk)])), { requiredKeys: [] });
  const extra = fc.option(objectOf(fc.oneof(plausible, junk), fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.constantFrom('admin', 'path', 'soql', 'query'))), { nil: {} });
  return fc.tuple(fields, extra).map(([own, more]) => Object.assign(Object.fromEntries(Object.entries(more)), own));
}

/** Anything a hostile renderer might send to a channel with this input schema. */
export function hostilePayload(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(junk, almostRight(schema), almostRight(schema), fc.array(almostRight(schema), { maxLength: 3 }));
}
