import { lazyRecords, recordCount, type RelatedCopy, type RelatedObjectCopy, type RelatedRecord, type RelatedValue } from '../related/related-copy';
import type { RelatedRole } from '../related/related-specs';
import type { CsvReading } from '../related/related-csv';
import { CsvTable } from '../related/related-csv-table';
import { spanOf } from '../sync/overlap';
import { RecordKind, sealPartRecord, sealRecord, type CacheFileKey } from './cache-seal';

/**
 * The related copy in the cache file (cache-format.ts): each object's records in segments (kind 5) of cells under
 * keys named once per segment — `{"role","object","keys":["id",…],"rows":[["a2B…",…],…]}` — and a head (kind 4) that
 * lists the objects with their signature, watermark and record count. Written as each related query completes,
 * rather than the whole copy as one JSON of keyed objects at the end (at 100k invoices ~320k records: ~150 MB of
 * JSON held at once, the sync's largest allocation and most of its GC).
 */

/** How the head says its records are in segments (files written before, whose kind 4 holds every record, have none). */
const SEGMENTED = 'segments';

interface HeadObject {
  role: RelatedRole;
  object: string;
  signature: string;
  watermark: number | null;
  /** sync/overlap.ts; absent in heads written before (and left out when of another shape: the plain overlap). */
  spanMs?: number;
  records: number;
}

interface Head {
  format: typeof SEGMENTED;
  objects: HeadObject[];
  warnings: string[];
  none: string | null;
  ratesUnreadable?: boolean;
}

/** An object's span as the copy keeps it: a length of time, or left out. */
const spanOfObject = (o: { spanMs?: unknown }): { spanMs?: number } => {
  const span = spanOf(o.spanMs);
  return span === undefined ? {} : { spanMs: span };
};

const objectKey = (role: string, object: string) => `${role}\u0000${object}`;

/** One segment's JSON: the keys met in its records (the same for every record of a sync), each record as cells. */
export function relatedSegmentJson(object: { role: string; object: string }, records: readonly RelatedRecord[]): string {
  const keys: string[] = ['id'];
  const known = new Set(keys);
  for (const record of records) {
    for (const key in record) {
      if (!known.has(key)) {
        known.add(key);
        keys.push(key);
      }
    }
  }
  const rows = new Array<RelatedValue[]>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const cells = new Array<RelatedValue>(keys.length);
    for (let k = 0; k < keys.length; k++) cells[k] = record[keys[k]!] ?? null;
    rows[i] = cells;
  }
  return JSON.stringify({ role: object.role, object: object.object, keys, rows });
}

export function relatedHeadJson(copy: RelatedCopy): string {
  const head: Head = {
    format: SEGMENTED,
    objects: copy.objects.map((o) => ({ role: o.role, object: o.object, signature: o.signature, watermark: o.watermark, ...spanOfObject(o), records: recordCount(o) })),
    warnings: copy.warnings,
    none: copy.none,
    ...(copy.ratesUnreadable ? { ratesUnreadable: true } : {}),
  };
  return JSON.stringify(head);
}

const isTextMap = (value: unknown): boolean =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

const isValue = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** An object's records in a file, in order: segments' records (kind 5), and CSV parts (kind 7) read when first asked. */
type Piece = { records: RelatedRecord[] } | { table: CsvTable; reading: string };

/**
 * The segments of a file's base as they are read, then the copy its head describes. Anything of another shape throws.
 * A CSV part is checked and counted as it is read (related-csv.ts csvPartFacts); its records are read when a reader
 * first asks for them.
 */
export class RelatedSegments {
  private readonly records = new Map<string, Piece[]>();

  private piecesOf(role: string, object: string): Piece[] {
    const key = objectKey(role, object);
    let pieces = this.records.get(key);
    if (!pieces) this.records.set(key, (pieces = []));
    return pieces;
  }

  static isHead(payload: unknown): payload is Head {
    return (payload as Partial<Head> | null)?.format === SEGMENTED;
  }

  add(payload: unknown): void {
    const segment = payload as { role?: unknown; object?: unknown; keys?: unknown; rows?: unknown } | null;
    const keys = segment?.keys;
    if (typeof segment?.role !== 'string' || typeof segment.object !== 'string' || !Array.isArray(keys) || keys[0] !== 'id'
      || !keys.every((key) => typeof key === 'string') || new Set(keys).size !== keys.length || !Array.isArray(segment.rows)) {
      throw new Error('a related segment of an unexpected shape');
    }
    const pieces = this.piecesOf(segment.role, segment.object);
    let last = pieces.at(-1);
    if (!last || !('records' in last)) pieces.push((last = { records: [] }));
    const list = last.records;
    const names = keys as string[];
    for (const cells of segment.rows as unknown[]) {
      if (!Array.isArray(cells) || cells.length !== names.length || typeof cells[0] !== 'string') throw new Error('a related record of an unexpected shape');
      const record = {} as RelatedRecord;
      for (let k = 0; k < names.length; k++) {
        const value: unknown = cells[k];
        if (!isValue(value)) throw new Error('a related value of an unexpected type');
        record[names[k]!] = value as RelatedValue;
      }
      list.push(record);
    }
  }

  /** A kind-7 record: a line of JSON (role, object, how to read), then one Bulk API 2.0 part's CSV as it came. */
  addCsv(payload: Buffer): void {
    const end = payload.indexOf(10);
    if (end < 0) throw new Error('a related CSV part of an unexpected shape');
    const head = JSON.parse(payload.subarray(0, end).toString('utf8')) as { role?: unknown; object?: unknown; reading?: Partial<CsvReading> | null };
    const reading = head.reading;
    const ok = typeof head.role === 'string' && typeof head.object === 'string' && !!reading && typeof reading.object === 'string'
      && (reading.modstamp === null || typeof reading.modstamp === 'string') && isTextMap(reading.paths) && (reading.cells === undefined || isTextMap(reading.cells));
    if (!ok) throw new Error('a related CSV part of an unexpected shape');
    // Kept as the bytes they are (the record's own buffer): no text of the part (related-csv-table.ts CsvTable).
    const csv = payload.subarray(end + 1);
    const pieces = this.piecesOf(head.role as string, head.object as string);
    const same = JSON.stringify(reading);
    let last = pieces.at(-1);
    if (!last || !('table' in last) || last.reading !== same) pieces.push((last = { table: new CsvTable(reading as CsvReading), reading: same }));
    last.table.add(csv);
  }

  empty(): boolean {
    return this.records.size === 0;
  }

  /** The copy the head describes: each object's records from its segments, as many as the head counts. */
  copy(head: Head): RelatedCopy {
    const ok = Array.isArray(head.objects) && Array.isArray(head.warnings) && head.warnings.every((w) => typeof w === 'string')
      && (head.none === null || typeof head.none === 'string') && (head.ratesUnreadable === undefined || typeof head.ratesUnreadable === 'boolean');
    if (!ok) throw new Error('a related head of an unexpected shape');
    const seen = new Set<string>();
    const objects = head.objects.map((o): RelatedObjectCopy => {
      if (typeof o?.role !== 'string' || typeof o.object !== 'string' || typeof o.signature !== 'string'
        || (o.watermark !== null && typeof o.watermark !== 'number') || !Number.isInteger(o.records)) {
        throw new Error('a related object of an unexpected shape');
      }
      const key = objectKey(o.role, o.object);
      const pieces = this.records.get(key) ?? [];
      let count = 0;
      for (const piece of pieces) count += 'table' in piece ? piece.table.length : piece.records.length;
      if (seen.has(key) || count !== o.records) throw new Error(`${o.object}: ${count} records in the file, ${o.records} expected`);
      seen.add(key);
      const meta = { role: o.role, object: o.object, signature: o.signature, watermark: o.watermark, ...spanOfObject(o) };
      if (pieces.every((piece) => 'records' in piece)) return { ...meta, records: pieces.length === 1 ? (pieces[0] as { records: RelatedRecord[] }).records : recordsOfPieces(pieces) };
      const only = pieces.length === 1 && 'table' in pieces[0]! ? pieces[0].table : undefined;
      return lazyRecords({ ...meta } as RelatedObjectCopy, 'records', count, () => recordsOfPieces(pieces), only);
    });
    // Segments of an object the head does not list: not this copy's.
    if ([...this.records.keys()].some((key) => !seen.has(key))) throw new Error('related records of an object the copy does not list');
    return { objects, warnings: head.warnings, none: head.none, ...(head.ratesUnreadable ? { ratesUnreadable: true } : {}) };
  }
}

function recordsOfPieces(pieces: readonly Piece[]): RelatedRecord[] {
  const records: RelatedRecord[] = [];
  for (const piece of pieces) {
    const part = 'table' in piece ? piece.table.records() : piece.records;
    for (const record of part) records.push(record);
  }
  return records;
}

/** The related copy's head (objects, counts, warnings): its records are the relatedRows segments written before it. */
export function relatedHeadRecord(file: CacheFileKey, seq: number, copy: RelatedCopy): Promise<Buffer> {
  return sealRecord(file, seq, RecordKind.related, relatedHeadJson(copy));
}

/**
 * One Bulk API 2.0 results part of a related object, kept as the CSV bytes it came as (kind 7): `payload` is the line of
 * JSON saying how to read it (`csvPartHead`), then the part (`CsvParts.payloads`); sealed into `into(size)` (cache-seal.ts
 * `sealPartRecord`).
 */
export function relatedCsvRecord(file: CacheFileKey, seq: number, payload: Buffer, into: (size: number) => Buffer): Promise<Buffer> {
  return sealPartRecord(file, seq, payload, into);
}

/** Records of one related object (at most ROWS_PER_SEGMENT), as cells under their keys. */
export function relatedRowsRecord(file: CacheFileKey, seq: number, object: { role: string; object: string }, records: readonly RelatedRecord[]): Promise<Buffer> {
  return sealRecord(file, seq, RecordKind.relatedRows, relatedSegmentJson(object, records));
}
