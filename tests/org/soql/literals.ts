import { to18 } from '../data/ids.ts';
import { DAY_MS, dayToIso, todayDay } from '../data/random.ts';
import type { FieldDef } from '../schema/table.ts';
import { malformed, SfError } from './sf-error.ts';

/** A comparable literal: a point value or an inclusive range (date literals). */
export type Lit = { kind: 'value'; v: unknown } | { kind: 'range'; lo: unknown; hi: unknown };

const TYPE_NAMES: Record<string, string> = {
  date: 'date', datetime: 'dateTime', currency: 'currency', double: 'double', int: 'int', boolean: 'boolean',
};

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' })[c] ?? c);
}

function mismatch(field: FieldDef): SfError {
  const t = TYPE_NAMES[field.type] ?? field.type;
  return new SfError(400, 'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${t} and should not be enclosed in quotes`);
}

/** Day range [lo, hi] (inclusive) of a SOQL date literal, relative to today (UTC). */
function dateLiteralDays(name: string, n: number | undefined): [number, number] {
  const t = todayDay();
  const d = new Date(t * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = (yy: number, mm: number, dd: number) => Math.floor(Date.UTC(yy, mm, dd) / DAY_MS);
  const weekStart = t - d.getUTCDay();
  const k = n ?? 0;
  switch (name.toUpperCase()) {
    case 'TODAY': return [t, t];
    case 'YESTERDAY': return [t - 1, t - 1];
    case 'TOMORROW': return [t + 1, t + 1];
    case 'THIS_WEEK': return [weekStart, weekStart + 6];
    case 'LAST_WEEK': return [weekStart - 7, weekStart - 1];
    case 'NEXT_WEEK': return [weekStart + 7, weekStart + 13];
    case 'THIS_MONTH': return [day(y, m, 1), day(y, m + 1, 0)];
    case 'LAST_MONTH': return [day(y, m - 1, 1), day(y, m, 0)];
    case 'NEXT_MONTH': return [day(y, m + 1, 1), day(y, m + 2, 0)];
    case 'THIS_YEAR': return [day(y, 0, 1), day(y, 11, 31)];
    case 'LAST_YEAR': return [day(y - 1, 0, 1), day(y - 1, 11, 31)];
    case 'NEXT_YEAR': return [day(y + 1, 0, 1), day(y + 1, 11, 31)];
    case 'LAST_90_DAYS': return [t - 90, t];
    case 'NEXT_90_DAYS': return [t + 1, t + 90];
    case 'LAST_N_DAYS': return [t - k, t];
    case 'NEXT_N_DAYS': return [t + 1, t + k];
    case 'N_DAYS_AGO': return [t - k, t - k];
    default: throw malformed(`date literal ${name} is not supported by the local org`);
  }
}

/** Converts one parsed literal to the field's value domain, or throws like Salesforce. */
export function toLiteral(field: FieldDef, literalType: string, raw: string, variable?: number): Lit {
  if (literalType === 'NULL') return { kind: 'value', v: null };
  const type = field.type;
  if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
    if (type !== 'date' && type !== 'datetime') throw mismatch(field);
    const name = literalType === 'DATE_N_LITERAL' ? raw.split(':')[0]! : raw;
    const [lo, hi] = dateLiteralDays(name, variable);
    return type === 'date'
      ? { kind: 'range', lo: dayToIso(lo), hi: dayToIso(hi) }
      : { kind: 'range', lo: lo * DAY_MS, hi: (hi + 1) * DAY_MS - 1 };
  }
  switch (type) {
    case 'date':
      if (literalType !== 'DATE') throw mismatch(field);
      return { kind: 'value', v: raw };
    case 'datetime': {
      if (literalType !== 'DATETIME') throw mismatch(field);
      const iso = raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) throw malformed(`invalid datetime literal ${raw}`);
      return { kind: 'value', v: ms };
    }
    case 'currency': case 'double': case 'int':
      if (literalType !== 'INTEGER' && literalType !== 'DECIMAL') throw mismatch(field);
      return { kind: 'value', v: Number(raw) };
    case 'boolean':
      if (literalType !== 'BOOLEAN') throw mismatch(field);
      return { kind: 'value', v: raw.toUpperCase() === 'TRUE' };
    case 'id': case 'reference':
      if (literalType !== 'STRING') throw mismatch(field);
      return { kind: 'value', v: to18(unquote(raw)).toLowerCase() };
    default:
      if (literalType !== 'STRING') throw mismatch(field);
      return { kind: 'value', v: unquote(raw).toLowerCase() };
  }
}

/** Normalises a field value for comparison with literals from toLiteral. */
export function normalise(field: FieldDef, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && field.type !== 'date') return v.toLowerCase();
  return v;
}

export function likeRegex(raw: string): RegExp {
  const pattern = unquote(raw);
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}
