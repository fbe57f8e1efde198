import { modstampReader, readPath, type SalesforceRecord } from '../mapping/row-mapper';
import { runQuery, type PagerOptions, type Requester } from '../sync/query-pager';
import { soqlDateTime } from '../sync/soql';
import { changesSince, ReadSpan } from '../sync/overlap';
import { LINE_KEYS, type RecordPlan } from './record-plan';

export type Cell = string | number | boolean | null;
/** A line as the copy keeps it: its id, then the LINE_KEYS values. */
export type LineCells = [string, ...Cell[]];

/**
 * Where the fetched records go as each page comes (record-build.ts seals them into chunks): nothing of the phase is
 * held here. `room` resolves once the writer has caught up: the next page is asked of Salesforce only then.
 */
export interface RecordSink {
  room(): Promise<void>;
  field(id: string, cells: Cell[]): void;
  fieldGone(id: string): void;
  line(invoice: string, cells: LineCells): void;
  /** A deleted line (queryAll returns its fields: the invoice it belonged to, when readable). */
  lineGone(id: string, invoice: string | null): void;
  /** The query starts over (its cursor expired): what it delivered so far is void. */
  restart(kind: 'fields' | 'lines'): void;
}

export interface FetchedRecord {
  fieldsWatermark: number | null;
  linesWatermark: number | null;
  /** How long each query's answer was being read (sync/overlap.ts ReadSpan), kept with its watermark (none: not known). */
  fieldsSpanMs?: number;
  linesSpanMs?: number;
  fetched: number;
}

/**
 * Where the watermarks of the previous copy stand, with the span of the query that set each (absent in a copy written
 * before spans were kept: the plain overlap); null for a full fetch.
 */
export interface Since {
  fields: number;
  lines: number | null;
  fieldsSpanMs?: number;
  linesSpanMs?: number;
}

const scalar = (value: unknown): Cell =>
  value === null || value === undefined ? null : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

const cellOf = (record: SalesforceRecord, name: string): Cell => scalar(name.includes('.') ? readPath(record, name) : record[name]);

/** The connection, with every request (each page) waiting until the sink has room: memory stays at a few chunks. */
function gated(conn: Requester, sink: RecordSink): Requester {
  const request = ((...args: Parameters<Requester['request']>) => sink.room().then(() => conn.request(...args))) as unknown as Requester['request'];
  return { request };
}

/**
 * Fetches the invoices' whole records under the sync's rules: both queries at once on their own cursors, through the
 * same pager (every page, retries, locator restarts, cancel); the first failure stops the other and is thrown. Full:
 * `query` of every record; incremental: `queryAll` of what changed since each object's own watermark (minus the
 * overlap and the span of the query that set it: sync/overlap.ts, the invoices' own rule), with IsDeleted. Every record
 * goes to `sink` as its page comes. `now` is the app's clock (each query's span; default Date.now).
 */
export async function fetchRecord(
  conn: Requester,
  plan: RecordPlan,
  since: Since | null,
  pager: PagerOptions & { now?: () => number },
  sink: RecordSink,
  onProgress: (fetched: number, total: number) => void,
): Promise<FetchedRecord> {
  const out: FetchedRecord = { fieldsWatermark: since?.fields ?? null, linesWatermark: since?.lines ?? null, fieldsSpanMs: 0, linesSpanMs: 0, fetched: 0 };
  const now = pager.now ?? Date.now;
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
  const paced = gated(conn, sink);

  const fieldsQuery = async () => {
    const { fields } = plan;
    const incremental = since !== null && fields.modstamp !== null;
    const where = incremental ? ` WHERE ${fields.modstamp} > ${soqlDateTime(changesSince(since.fields, since.fieldsSpanMs))}` : '';
    const select = [...new Set([...fields.select, ...(incremental ? ['IsDeleted'] : [])])];
    const stamp = modstampReader({ object: fields.object, paths: {}, modstamp: fields.modstamp });
    const start = out.fieldsWatermark;
    const span = new ReadSpan(now);
    const result = await runQuery(paced, `SELECT ${select.join(', ')} FROM ${fields.object}${where}`, incremental ? 'queryAll' : 'query', shared, {
      restart: () => {
        sink.restart('fields');
        span.restart();
        out.fieldsWatermark = start;
      },
      page: (records, fetched, total) => {
        span.page();
        for (const record of records) {
          const id = String(record.Id);
          const at = stamp(record);
          if (at !== null && (out.fieldsWatermark === null || at > out.fieldsWatermark)) out.fieldsWatermark = at;
          if (record.IsDeleted === true) sink.fieldGone(id);
          else sink.field(id, fields.select.map((name) => cellOf(record, name)));
        }
        report('fields', fetched, total);
      },
    });
    out.fieldsSpanMs = span.ms();
    return result.fetched;
  };

  const linesQuery = async () => {
    const lines = plan.lines;
    if (!lines) return 0;
    const incremental = since !== null && since.lines !== null && lines.modstamp !== null;
    const where = incremental ? ` WHERE ${lines.modstamp} > ${soqlDateTime(changesSince(since.lines!, since.linesSpanMs))}` : '';
    const columns = LINE_KEYS.map((key) => lines.columns[key] ?? null);
    const select = [...new Set(['Id', lines.parent, ...columns.filter((name): name is string => name !== null), ...(lines.modstamp ? [lines.modstamp] : []), ...(incremental ? ['IsDeleted'] : [])])];
    const stamp = modstampReader({ object: lines.object, paths: {}, modstamp: lines.modstamp });
    const start = out.linesWatermark;
    const span = new ReadSpan(now);
    const result = await runQuery(paced, `SELECT ${select.join(', ')} FROM ${lines.object}${where}`, incremental ? 'queryAll' : 'query', shared, {
      restart: () => {
        sink.restart('lines');
        span.restart();
        out.linesWatermark = start;
      },
      page: (records, fetched, total) => {
        span.page();
        for (const record of records) {
          const at = stamp(record);
          if (at !== null && (out.linesWatermark === null || at > out.linesWatermark)) out.linesWatermark = at;
          const invoice = scalar(record[lines.parent]);
          const id = String(record.Id);
          if (record.IsDeleted === true) sink.lineGone(id, typeof invoice === 'string' ? invoice : null);
          else if (typeof invoice === 'string') sink.line(invoice, [id, ...columns.map((name) => (name === null ? null : cellOf(record, name)))]);
        }
        report('lines', fetched, total);
      },
    });
    out.linesSpanMs = span.ms();
    return result.fetched;
  };

  const counts = await Promise.all([failFast(fieldsQuery()), failFast(linesQuery())]);
  out.fetched = counts[0] + counts[1];
  return out;
}
