/** One related record as the copy keeps it, and records kept as columns (related-copy.ts keeps them; related-merged-table.ts merges them). */

export type RelatedValue = string | number | boolean | null;
/** One related record as the copy keeps it: its id and its canonical keys (see related-specs.ts). */
export type RelatedRecord = { id: string } & Record<string, RelatedValue>;

/** Records as columns: a reader reads the cells it needs, or one whole record, without the object of every record. */
export interface RecordTable {
  readonly length: number;
  /** The keys of a record, in order (what `column` indexes). */
  readonly keys: readonly string[];
  id(row: number): string;
  /** The column of a key, or -1. */
  column(key: string): number;
  value(row: number, column: number): RelatedValue;
  record(row: number): RelatedRecord;
}
