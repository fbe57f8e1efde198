/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import type { FieldDef, Table } from '../schema/table.ts';
import { likeRegex, normalise, toLiteral, type Lit } from './literals.ts';
import { resolveColumn, type Catalog } from './resolve.ts';
import { malformed } from './sf-error.ts';

type Pred = (row: number) => boolean;
type Tok = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: any };

/* The parser returns a right-leaning chain with openParen/closeParen counts; flatten it to tokens. */
function flatten(node: any, out: Tok[]): void {
  if (!node) return;
  if (node.operator === 'NOT' && (node.left === null || node.left?.field === undefined && node.left?.fn === undefined)) {
    for (let i = 0; i < (node.left?.openParen ?? 0); i++) out.push('(');
    out.push('NOT');
    flatten(node.right, out);
    return;
  }
  const c = node.left;
  if (c) {
    for (let i = 0; i < (c.openParen ?? 0); i++) out.push('(');
    out.push({ cond: c });
    for (let i = 0; i < (c.closeParen ?? 0); i++) out.push(')');
  }
  if (node.operator === 'AND' || node.operator === 'OR') {
    out.push(node.operator);
    flatten(node.right, out);
  } else if (node.right) {
    flatten(node.right, out);
  }
}

export interface WhereInfo {
  pred: Pred;
  /** Top-level `field = 'id'` / `field IN (...)` conjuncts, for child-row lookups. */
  equalities: { field: string; values: string[] }[];
  /** Top-level `field > x` / `field >= x` conjuncts over a field of the queried table whose values can be read in place (SystemModstamp). */
  lowerBounds: { field: FieldDef; value: number; inclusive: boolean }[];
}

export function compileWhere(catalog: Catalog, version: number, table: Table, where: any, soql: string): WhereInfo {
  const toks: Tok[] = [];
  flatten(where, toks);
  let pos = 0;
  const equalities: WhereInfo['equalities'] = [];
  const lowerBounds: WhereInfo['lowerBounds'] = [];
  let depth = 0;

  const primary = (): Pred => {
    const t = toks[pos];
    if (t === 'NOT') {
      pos++;
      depth++;
      const p = primary();
      depth--;
      return (r) => !p(r);
    }
    if (t === '(') {
      pos++;
      depth++;
      const p = expr();
      if (toks[pos] !== ')') throw malformed("unexpected token: missing ')'");
      pos++;
      depth--;
      return p;
    }
    if (t && typeof t === 'object') {
      pos++;
      return condition(t.cond, depth === 0);
    }
    throw malformed(`unexpected token: '${String(t ?? 'end of WHERE')}'`);
  };

  const expr = (): Pred => {
    const parts = [primary()];
    let op: string | undefined;
    while (toks[pos] === 'AND' || toks[pos] === 'OR') {
      if (op && op !== toks[pos]) throw malformed(`unexpected token: '${toks[pos] as string}' (mixing AND and OR needs parentheses)`);
      op = toks[pos] as string;
      pos++;
      parts.push(primary());
    }
    if (parts.length === 1) return parts[0]!;
    if (op === 'OR') {
      // equality hints only hold for pure AND chains at the top level
      if (depth === 0) {
        equalities.length = 0;
        lowerBounds.length = 0;
        orSeen = true;
      }
      return (r) => parts.some((p) => p(r));
    }
    return (r) => parts.every((p) => p(r));
  };
  let orSeen = false;

  const condition = (c: any, topLevel: boolean): Pred => {
    if (c.fn) throw malformed(`functions in WHERE (${c.fn.functionName ?? 'function'}) are not supported by the local org`);
    if (c.literalType === 'SUBQUERY' || c.valueQuery) throw malformed('semi-join subqueries in WHERE are not supported by the local org');
    if (c.literalType === 'APEX_BIND_VARIABLE') throw malformed('bind variables are not supported');
    const col = resolveColumn(catalog, version, table, c.field, soql);
    const f = col.field;
    const op = String(c.operator).toUpperCase();
    const get = (r: number) => normalise(f, col.get(r));
    const types: string[] = Array.isArray(c.literalType) ? c.literalType : [];
    const lit = (raw: string, i = 0): Lit =>
      toLiteral(f, types[i] ?? c.literalType, raw, Array.isArray(c.dateLiteralVariable) ? c.dateLiteralVariable[i] : c.dateLiteralVariable);
    if (op === 'IN' || op === 'NOT IN') {
      const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v: string, i: number) => lit(v, i));
      const set = new Set(values.map((l: Lit) => (l.kind === 'value' ? l.v : undefined)));
      if (values.some((l: Lit) => l.kind === 'range')) throw malformed('date literals in IN are not supported by the local org');
      if (op === 'IN' && topLevel && !orSeen && (f.type === 'reference' || f.type === 'id')) {
        equalities.push({ field: col.path.join('.'), values: [...set].map(String) });
      }
      return op === 'IN' ? (r) => set.has(get(r)) : (r) => !set.has(get(r));
    }
    if (op === 'LIKE') {
      if (!['string', 'picklist', 'textarea', 'phone', 'id', 'reference'].includes(f.type)) {
        throw malformed(`invalid operator on field '${f.name}': LIKE`);
      }
      const re = likeRegex(c.value);
      return (r) => {
        const v = col.get(r);
        return typeof v === 'string' && re.test(v);
      };
    }
    if (op === 'INCLUDES' || op === 'EXCLUDES') throw malformed(`${op} is not supported by the local org`);
    const l = lit(c.value);
    if (l.kind === 'range') {
      const { lo, hi } = l as { lo: any; hi: any };
      switch (op) {
        case '=': return (r) => { const v: any = get(r); return v !== null && v >= lo && v <= hi; };
        case '!=': case '<>': return (r) => { const v: any = get(r); return v === null || v < lo || v > hi; };
        case '<': return (r) => { const v: any = get(r); return v !== null && v < lo; };
        case '<=': return (r) => { const v: any = get(r); return v !== null && v <= hi; };
        case '>': return (r) => { const v: any = get(r); return v !== null && v > hi; };
        case '>=': return (r) => { const v: any = get(r); return v !== null && v >= lo; };
      }
      throw malformed(`unexpected token: '${op}'`);
    }
    const x: any = l.v;
    if (op === '=' && topLevel && !orSeen && x !== null && (f.type === 'reference' || f.type === 'id')) {
      equalities.push({ field: col.path.join('.'), values: [String(x)] });
    }
    if ((op === '>' || op === '>=') && topLevel && !orSeen && typeof x === 'number' && f.stored && col.tables.length === 1) {
      lowerBounds.push({ field: f, value: x, inclusive: op === '>=' });
    }
    if (x === null) {
      if (op === '=') return (r) => get(r) === null;
      if (op === '!=' || op === '<>') return (r) => get(r) !== null;
      return () => false;
    }
    switch (op) {
      case '=': return (r) => get(r) === x;
      case '!=': case '<>': return (r) => get(r) !== x;
      case '<': return (r) => { const v: any = get(r); return v !== null && v < x; };
      case '<=': return (r) => { const v: any = get(r); return v !== null && v <= x; };
      case '>': return (r) => { const v: any = get(r); return v !== null && v > x; };
      case '>=': return (r) => { const v: any = get(r); return v !== null && v >= x; };
    }
    throw malformed(`unexpected token: '${op}'`);
  };

  const pred = expr();
  if (pos !== toks.length) throw malformed(`unexpected token: '${String(toks[pos])}'`);
  return { pred, equalities: orSeen ? [] : equalities, lowerBounds: orSeen ? [] : lowerBounds };
}
