import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError } from '../../../contract';
import type { SalesforceRecord } from '../mapping/row-mapper';

/**
 * A query page's records, read from the page's text a few dozen at a time as they are handed on (issue #19: the 1M full
 * sync's peak RSS). Parsed whole, a 2,000-record page (~1.1 MB of JSON, a few MB of objects) is being built when the
 * young generation is collected, so it survives, and V8 grows the young generation to its largest (128 MiB committed at
 * the sync's peak, 21 MiB of it in use: BENCHMARKS.md, session 27). Read this way, the records are mapped and gone before
 * the next ones are parsed. (The page's text itself, ~1 MB of ASCII, is a string Node keeps outside V8's heap.)
 *
 * Iterate once: each pass parses the records again (equal values, new objects).
 */
export interface PageRecords extends Iterable<SalesforceRecord> {
  readonly length: number;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: PageRecords;
}

/** Where the records array opens (the first such key: a nested query's records can only come after it) and how a page ends. */
const RECORDS_OPEN = '"records":[';
const PAGE_END = ']}';
/** Where an sObject starts (a record, or a record it refers to: `"Account":{"attributes":…`). */
const SOBJECT = '{"attributes":';
const SOBJECT_HEAD = '{"a';
const COLON = 58;
const COMMA = 44;
const CLOSE_BRACE = 125;

/**
 * Records parsed at a time (one JSON.parse of `[` + their text + `]`). A 2,000-record page of the bench's org, CPU per
 * page read and iterated: the whole page parsed 2.5–2.8 ms; one record at a time 3.6–4.0 ms; 64 at a time 3.2 ms — a
 * collection then finds at most 64 records alive (~100 KB), not the page (measured in one process, alternating, load 18).
 */
const RECORDS_AT_ONCE = 64;

class RecordsInText implements PageRecords {
  constructor(
    private readonly text: string,
    /** Record k is text[starts[k], starts[k + 1] - 1): the last start is where the array closes, + 1. */
    private readonly starts: Uint32Array,
  ) {}

  get length(): number {
    return this.starts.length - 1;
  }

  *[Symbol.iterator](): Iterator<SalesforceRecord> {
    const { text, starts } = this;
    const last = starts.length - 1;
    for (let k = 0; k < last; k += RECORDS_AT_ONCE) {
      const end = Math.min(k + RECORDS_AT_ONCE, last);
      let records: unknown;
      try {
        records = JSON.parse(`[${text.slice(starts[k], starts[end]! - 1)}]`);
      } catch {
        records = null;
      }
      // Only a page of another shape than Salesforce's gets here (an sObject after another object in a nested array, which
      // split a record): the same error as a page that is not JSON.
      if (!Array.isArray(records) || records.length !== end - k) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
      for (const record of records) {
        if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new AppError('SALESFORCE_ERROR', englishMessage('queryUnexpectedAnswer'));
        yield record as SalesforceRecord;
      }
    }
  }
}

/**
 * A page's text (a 2xx JSON answer to a query) as `JSON.parse` reads it, but with its records read a few at a time when
 * the page has Salesforce's compact shape: the records array last (`…"records":[…]}`), each record an object whose
 * first key is `attributes`. A string cannot hold `{"attributes":` (its quotes would be escaped), so every
 * `{"attributes":` in the array starts an sObject: after `:` one a record refers to, at the array's start or after `},`
 * the next record; after anything else (spaces, `[` — a nested query's records —, another shape) the page is parsed
 * whole. The page without its records must parse, with `records: []`; each run of records must parse as that many
 * objects (a split inside a record cannot: a part of an object is not JSON). Throws as `JSON.parse` does on text that
 * is not JSON.
 */
export function readQueryPage(text: string): unknown {
  const open = text.indexOf(RECORDS_OPEN);
  if (open < 0 || !text.endsWith(PAGE_END)) return JSON.parse(text);
  const first = open + RECORDS_OPEN.length;
  const close = text.length - PAGE_END.length;
  let envelope: unknown;
  try {
    envelope = JSON.parse(text.slice(0, first) + text.slice(close));
  } catch {
    return JSON.parse(text);
  }
  if (!isPageWithoutRecords(envelope)) return JSON.parse(text);
  const starts = recordStarts(text, first, close);
  if (starts === null) return JSON.parse(text);
  envelope.records = new RecordsInText(text, starts);
  return envelope;
}

/** Where each record of the array text[first, close) starts, and close + 1; null when the array is not of Salesforce's shape. */
function recordStarts(text: string, first: number, close: number): Uint32Array | null {
  if (first === close) return Uint32Array.of(close + 1);
  if (!text.startsWith(SOBJECT, first) || text.charCodeAt(close - 1) !== CLOSE_BRACE) return null;
  const starts: number[] = [first];
  // Found by its first three characters: a short pattern is searched for without a per-call set-up (the whole one cost
  // twice the time), the rest checked at each hit.
  for (let at = text.indexOf(SOBJECT_HEAD, first + 1); at !== -1 && at < close; at = text.indexOf(SOBJECT_HEAD, at + SOBJECT_HEAD.length)) {
    if (!text.startsWith(SOBJECT, at)) continue;
    const before = text.charCodeAt(at - 1);
    if (before === COLON) continue;
    if (before !== COMMA || text.charCodeAt(at - 2) !== CLOSE_BRACE) return null;
    starts.push(at);
  }
  starts.push(close + 1);
  return Uint32Array.from(starts);
}

/** A page's records as `readQueryPage` gives them: read a few at a time, or parsed whole (an array). */
export const isPageRecords = (records: unknown): records is PageRecords => Array.isArray(records) || records instanceof RecordsInText;

function isPageWithoutRecords(value: unknown): value is QueryPage {
  if (typeof value !== 'object' || value === null) return false;
  const { records } = value as { records?: unknown };
  return Array.isArray(records) && records.length === 0;
}
