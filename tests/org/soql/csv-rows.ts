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

/** Rows [from, to) of the result as CSV lines (no header). Cells and lines joined once each (measured: half the CPU of `+=`). */
export function csvLines(result: QueryResult, from: number, to: number): string {
  const gets = result.columns.map((c) => c.get);
  const datetime = result.columns.map((c) => c.field.type === 'datetime');
  const cells = new Array<string>(gets.length);
  const lines = new Array<string>(Math.max(0, to - from));
  for (let i = from; i < to; i++) {
    const row = result.rows[i]!;
    for (let k = 0; k < gets.length; k++) {
      const v = gets[k]!(row);
      const text = v === null || v === undefined ? '' : datetime[k] && typeof v === 'number' ? bulkDateTime(v) : typeof v === 'string' ? v : String(v);
      cells[k] = text.includes('"') ? text.replaceAll('"', '""') : text;
    }
    lines[i - from] = `"${cells.join('","')}"\n`;
  }
  return lines.join('');
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

/** Bulk 2.0 prints instants in UTC with `Z` (REST JSON: `+0000`). */
function bulkDateTime(ms: number): string {
  return `${sfDateTime(ms).slice(0, -5)}Z`;
}
