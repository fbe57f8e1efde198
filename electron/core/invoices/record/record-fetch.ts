import { modstampReader, readPath, type SalesforceRecord } from '../mapping/row-mapper';
import { runQuery, type PagerOptions, type Requester } from '../sync/query-pager';
import { soqlDateTime } from '../sync/soql';
import { OVERLAP_MS } from '../sync/sync-engine';
import { LINE_KEYS, type RecordPlan } from './record-plan';

export type Cell = string | number | boolean | null;
/** A line as the copy keeps it: its id, then the LINE_KEYS values. */
export type LineCells = [string, ...Cell[]];

export interface FetchedRecord {
  /** Full: every invoice's field values (cells in the plan's select order); incremental: those changed since. */
  fields: Map<string, Cell[]>;
  /** Invoices deleted since (incremental only). */
  deletedInvoices: Set<string>;
  /** Lines fetched, by invoice id, in the order Salesforce gave them. */
  lines: Map<string, LineCells[]>;
  /** Lines deleted since, with the invoice each belonged to (queryAll returns a deleted row's fields). */
  deletedLines: { id: string; invoice: string | null }[];
  fieldsWatermark: number | null;
  linesWatermark: number | null;
  fetched: number;
}

/** Where the watermarks of the previous copy stand; null for a full fetch. */
export interface Since {
  fields: number;
  lines: number | null;
}

const scalar = (value: unknown): Cell =>
  value === null || value === undefined ? null : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

const cellOf = (record: SalesforceRecord, name: string): Cell => scalar(name.includes('.') ? readPath(record, name) : record[name]);

/**
 * Fetches the invoices' whole records under the sync's rules: both queries at once on their own cursors, through the
 * same pager (every page, retries, locator restarts, cancel); the first failure stops the other and is thrown. Full:
 * `query` of every record; incremental: `queryAll` of what changed since each object's own watermark (minus the
 * overlap), with IsDeleted.
 */
export async function fetchRecord(
  conn: Requester,
  plan: RecordPlan,
  since: Since | null,
  pager: PagerOptions,
  onProgress: (fetched: number, total: number) => void,
): Promise<FetchedRecord> {
  const out: FetchedRecord = { fields: new Map(), deletedInvoices: new Set(), lines: new Map(), deletedLines: [], fieldsWatermark: since?.fields ?? null, linesWatermark: since?.lines ?? null, fetched: 0 };
  const progress = new Map<string, { fetched: number; total: number }>();
  const report = (which: string, fetched: number, total: number) => {
    progress.set(which, { fetched, total });
    let all = 0;
    let sum = 0;
    for (const p of progress.values()) {
      all += p.total;
      sum += p.fetched;
    }
    onProgress(sum, all);
  };
  const stop = new AbortController();
  const shared = { ...pager, signal: AbortSignal.any([pager.signal, stop.signal]) };
  const failFast = <T,>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      stop.abort();
      throw error;
    });

  const fieldsQuery = async () => {
    const { fields } = plan;
    const incremental = since !== null && fields.modstamp !== null;
    const where = incremental ? ` WHERE ${fields.modstamp} > ${soqlDateTime(since.fields - OVERLAP_MS)}` : '';
    const select = [...new Set([...fields.select, ...(incremental ? ['IsDeleted'] : [])])];
    const stamp = modstampReader({ object: fields.object, paths: {}, modstamp: fields.modstamp });
    const start = out.fieldsWatermark;
    const result = await runQuery(conn, `SELECT ${select.join(', ')} FROM ${fields.object}${where}`, incremental ? 'queryAll' : 'query', shared, {
      restart: () => {
        out.fields.clear();
        out.deletedInvoices.clear();
        out.fieldsWatermark = start;
      },
      page: (records, fetched, total) => {
        for (const record of records) {
          const id = String(record.Id);
          const at = stamp(record);
          if (at !== null && (out.fieldsWatermark === null || at > out.fieldsWatermark)) out.fieldsWatermark = at;
          if (record.IsDeleted === true) {
            out.fields.delete(id);
            out.deletedInvoices.add(id);
          } else {
            out.fields.set(id, fields.select.map((name) => cellOf(record, name)));
            out.deletedInvoices.delete(id);
          }
        }
        report('fields', fetched, total);
      },
    });
    return result.fetched;
  };

  const linesQuery = async () => {
    const lines = plan.lines;
    if (!lines) return 0;
    const incremental = since !== null && since.lines !== null && lines.modstamp !== null;
    const where = incremental ? ` WHERE ${lines.modstamp} > ${soqlDateTime(since.lines! - OVERLAP_MS)}` : '';
    const columns = LINE_KEYS.map((key) => lines.columns[key] ?? null);
    const select = [...new Set(['Id', lines.parent, ...columns.filter((name): name is string => name !== null), ...(lines.modstamp ? [lines.modstamp] : []), ...(incremental ? ['IsDeleted'] : [])])];
    const stamp = modstampReader({ object: lines.object, paths: {}, modstamp: lines.modstamp });
    const start = out.linesWatermark;
    const result = await runQuery(conn, `SELECT ${select.join(', ')} FROM ${lines.object}${where}`, incremental ? 'queryAll' : 'query', shared, {
      restart: () => {
        out.lines.clear();
        out.deletedLines = [];
        out.linesWatermark = start;
      },
      page: (records, fetched, total) => {
        for (const record of records) {
          const at = stamp(record);
          if (at !== null && (out.linesWatermark === null || at > out.linesWatermark)) out.linesWatermark = at;
          const invoice = scalar(record[lines.parent]);
          const id = String(record.Id);
          if (record.IsDeleted === true) {
            out.deletedLines.push({ id, invoice: typeof invoice === 'string' ? invoice : null });
            continue;
          }
          if (typeof invoice !== 'string') continue;
          let list = out.lines.get(invoice);
          if (!list) out.lines.set(invoice, (list = []));
          const cells: LineCells = [id, ...columns.map((name) => (name === null ? null : cellOf(record, name)))];
          // Fetched twice within one incremental (the overlap, a page boundary moved): the later one counts.
          const before = incremental ? list.findIndex((line) => line[0] === id) : -1;
          if (before >= 0) list[before] = cells;
          else list.push(cells);
        }
        report('lines', fetched, total);
      },
    });
    return result.fetched;
  };

  const counts = await Promise.all([failFast(fieldsQuery()), failFast(linesQuery())]);
  out.fetched = counts[0] + counts[1];
  return out;
}
