/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { sfDateTime } from '../data/random.ts';
import type { FieldDef, Table } from '../schema/table.ts';
import { resolveColumn, type Catalog, type Column } from './resolve.ts';
import { malformed, notSupportedType, SfError } from './sf-error.ts';
import { compileWhere } from './where.ts';

export interface QueryResult {
  table: Table;
  columns: Column[];
  /** Matching rows, in result order. Empty for COUNT(). */
  rows: Int32Array;
  totalSize: number;
  count: boolean;
}

function parse(soql: string): any {
  try {
    return parseQuery(soql);
  } catch (e) {
    const msg = String((e as Error).message ?? e).split('\n')[0]!.slice(0, 200);
    throw malformed(`unexpected token: ${msg}`);
  }
}

const UNSUPPORTED: [string, string][] = [
  ['groupBy', 'GROUP BY'], ['having', 'HAVING'], ['withSecurityEnforced', 'WITH SECURITY_ENFORCED'],
  ['withAccessLevel', 'WITH USER_MODE/SYSTEM_MODE'], ['withDataCategory', 'WITH DATA CATEGORY'],
  ['for', 'FOR VIEW/REFERENCE/UPDATE'], ['update', 'UPDATE TRACKING/VIEWSTAT'], ['usingScope', 'USING SCOPE'],
  ['sObjectAlias', 'object aliases'], ['sObjectPrefix', 'object prefixes'],
];

export function runQuery(catalog: Catalog, version: number, soql: string, includeDeleted: boolean): QueryResult {
  const q = parse(soql);
  for (const [key, label] of UNSUPPORTED) {
    if (q[key] !== undefined) throw malformed(`${label} is not supported by the local org`);
  }
  const table = catalog.table(q.sObject, version);
  if (!table) throw notSupportedType(soql, q.sObject);

  let count = false;
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const f of q.fields ?? []) {
    if (f.alias) throw malformed('field aliases are not supported by the local org');
    if (f.type === 'FieldFunctionExpression') {
      if (f.functionName?.toUpperCase() === 'COUNT' && (!f.parameters || f.parameters.length === 0) && q.fields.length === 1) {
        count = true;
        continue;
      }
      throw malformed(`function ${f.rawValue ?? f.functionName} is not supported by the local org (only COUNT())`);
    }
    if (f.type === 'FieldSubquery') throw malformed('relationship subqueries in SELECT are not supported by the local org');
    if (f.type === 'FieldTypeof') throw malformed('TYPEOF is not supported by the local org');
    const raw = f.type === 'FieldRelationship' ? f.rawValue ?? [...f.relationships, f.field].join('.') : f.field;
    const col = resolveColumn(catalog, version, table, raw, soql);
    const key = col.path.join('.').toLowerCase();
    if (seen.has(key)) throw malformed(`duplicate field selected: ${col.path.join('.')}`);
    seen.add(key);
    columns.push(col);
  }

  const where = q.where ? compileWhere(catalog, version, table, q.where, soql) : undefined;

  // Candidate rows: child lookups by parent id when the WHERE pins the parent, else a scan.
  let candidates: Iterable<number> | null = null;
  if (where && table.childRowsOf) {
    for (const eq of where.equalities) {
      const lists = eq.values.map((v) => table.childRowsOf!(eq.field, v));
      if (lists.every((l) => l !== undefined)) {
        candidates = [...new Set(lists.flat() as number[])].sort((a, b) => a - b);
        break;
      }
    }
  }
  let rows: Int32Array;
  if (candidates === null && table.count) {
    // Every row in order (Table.count): walked with a counter into the result at once, the same rows as the scan.
    const n = table.count();
    const all = new Int32Array(n);
    const bound = where?.lowerBounds[0];
    // A top-level `SystemModstamp > x`: each row's stamp compared in place first, the whole WHERE (its getters, closures,
    // normalised values) only on the rows that pass — every incremental sync asks one per object, over ~100k invoices and
    // ~150k payments and applications at 100k, and the WHERE on every row was most of the org's CPU there (BENCHMARKS,
    // session 23). The same rows: a row that fails the conjunct fails the WHERE.
    const stamps = bound ? bound.field.stored!() : null;
    const x = bound?.value ?? 0;
    const inclusive = bound?.inclusive ?? false;
    let kept = 0;
    for (let r = 0; r < n; r++) {
      if (stamps !== null && !(inclusive ? stamps[r]! >= x : stamps[r]! > x)) continue;
      if (!includeDeleted && table.isDeleted(r)) continue;
      if (where && !where.pred(r)) continue;
      all[kept++] = r;
    }
    rows = kept === n ? all : all.slice(0, kept);
  } else {
    const matched: number[] = [];
    for (const r of candidates ?? table.scan()) {
      if (!includeDeleted && table.isDeleted(r)) continue;
      if (where && !where.pred(r)) continue;
      matched.push(r);
    }
    rows = Int32Array.from(matched);
  }
  if (q.orderBy) rows = sortRows(catalog, version, table, soql, rows, q.orderBy);

  const offset = q.offset !== undefined ? Number(q.offset) : 0;
  if (offset > 2000) throw new SfError(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  const end = q.limit !== undefined ? offset + Number(q.limit) : rows.length;
  rows = rows.subarray(Math.min(offset, rows.length), Math.min(end, rows.length));
  if (count) return { table, columns, rows: new Int32Array(0), totalSize: rows.length, count };
  return { table, columns, rows, totalSize: rows.length, count };
}

function sortRows(catalog: Catalog, version: number, table: Table, soql: string, rows: Int32Array, orderBy: any[]): Int32Array {
  const keys = orderBy.map((o) => {
    if (o.fn) throw malformed('functions in ORDER BY are not supported by the local org');
    const col = resolveColumn(catalog, version, table, o.field, soql);
    const desc = String(o.order ?? 'ASC').toUpperCase() === 'DESC';
    const nullsFirst = o.nulls ? String(o.nulls).toUpperCase() === 'FIRST' : !desc;
    const values = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = col.get(rows[i]!);
      values[i] = typeof v === 'string' ? v.toLowerCase() : v ?? null;
    }
    return { values, desc, nullsFirst };
  });
  const idx = Array.from({ length: rows.length }, (_, i) => i);
  idx.sort((a, b) => {
    for (const k of keys) {
      const x = k.values[a];
      const y = k.values[b];
      if (x === y) continue;
      if (x === null) return k.nullsFirst ? -1 : 1;
      if (y === null) return k.nullsFirst ? 1 : -1;
      const c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return k.desc ? -c : c;
    }
    return a - b;
  });
  const out = new Int32Array(rows.length);
  for (let i = 0; i < idx.length; i++) out[i] = rows[idx[i]!]!;
  return out;
}

/** Each table's Id field, found once (materialize runs per record of every page). */
const idFields = new WeakMap<Table, FieldDef>();

function idOf(table: Table, row: number): string {
  let field = idFields.get(table);
  if (!field) idFields.set(table, (field = table.fields.find((f) => f.name === 'Id')!));
  return field.get(row) as string;
}

/** Salesforce JSON for one row: attributes, then the selected fields (relationships nested). */
export function materialize(table: Table, columns: Column[], row: number, apiBase: string | null): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  if (apiBase) rec.attributes = { type: table.name, url: `${apiBase}/sobjects/${table.name}/${idOf(table, row)}` };
  for (const col of columns) {
    let target: Record<string, unknown> | null = rec;
    let r = row;
    for (let i = 0; i < col.path.length - 1; i++) {
      const rel = col.path[i]!;
      const hop = col.tables[i]!.fields.find((f) => f.relationshipName === rel)!;
      r = r < 0 ? -1 : hop.refRow!(r);
      if (r < 0) {
        if (!(rel in target)) target[rel] = null;
        target = null;
        break;
      }
      if (!target[rel]) {
        const t = col.tables[i + 1]!;
        target[rel] = apiBase ? { attributes: { type: t.name, url: `${apiBase}/sobjects/${t.name}/${idOf(t, r)}` } } : {};
      }
      target = target[rel] as Record<string, unknown>;
    }
    if (!target) continue;
    const v = col.get(row);
    if (col.field.type === 'base64') {
      // A blob field is never inline in a record: Salesforce gives the URL its bytes are read from.
      const owner = col.tables.at(-1)!;
      target[col.field.name] = apiBase && r >= 0 ? `${apiBase}/sobjects/${owner.name}/${idOf(owner, r)}/${col.field.name}` : null;
      continue;
    }
    target[col.field.name] = col.field.type === 'datetime' && typeof v === 'number' ? sfDateTime(v) : v ?? null;
  }
  return rec;
}
