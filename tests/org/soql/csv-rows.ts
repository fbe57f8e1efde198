import { sfDateTime } from '../data/random.ts';
import type { QueryResult } from './query.ts';

/**
 * Bulk API 2.0 query results as CSV (RFC 4180, comma, LF): a header of the selected field paths as written in the
 * query's canonical form (`Id`, `Account.Name`), then one line per row, every value in double quotes (quotes doubled),
 * a null (or a relationship that leads nowhere) as an empty value `""`, instants as `2024-01-31T09:00:00.000Z`, dates
 * as `2024-01-31`, booleans `true`/`false` — what Salesforce sends. No `attributes`, no nested objects.
 */
export function csvHeader(result: QueryResult): string {
  return `${result.columns.map((c) => quote(c.path.join('.'))).join(',')}\n`;
}

/** Field types whose values are never text with a quote in it (ids, numbers, dates, booleans): no quote check. */
const PLAIN = new Set(['id', 'reference', 'date', 'datetime', 'currency', 'double', 'int', 'boolean']);

/**
 * Rows [from, to) of the result as CSV lines (no header). Cells and lines joined once each (measured: half the CPU of
 * `+=`); each column's cell writer chosen once (instants printed straight with `Z`, quotes looked for only in text).
 */
export function csvLines(result: QueryResult, from: number, to: number): string {
  const writers = result.columns.map((c): ((row: number) => string) => {
    const get = c.get;
    if (c.field.type === 'datetime') {
      return (row) => {
        const v = get(row);
        return v === null || v === undefined ? '' : typeof v === 'number' ? sfDateTime(v, 'Z') : String(v);
      };
    }
    if (PLAIN.has(c.field.type)) {
      return (row) => {
        const v = get(row);
        return v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
      };
    }
    return (row) => {
      const v = get(row);
      const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
      return text.includes('"') ? text.replaceAll('"', '""') : text;
    };
  });
  const cells = new Array<string>(writers.length);
  const lines = new Array<string>(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    const row = result.rows[i]!;
    for (let k = 0; k < writers.length; k++) cells[k] = writers[k]!(row);
    lines[i - from] = `"${cells.join('","')}"\n`;
  }
  return lines.join('');
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
