export type SfType =
  | 'id' | 'string' | 'date' | 'datetime' | 'currency' | 'double' | 'picklist'
  | 'reference' | 'boolean' | 'int' | 'textarea' | 'phone' | 'base64';

/** One field: describe metadata plus how to read (and maybe write) it from a row. */
export interface FieldDef {
  name: string;
  label: string;
  type: SfType;
  nillable?: boolean;
  custom?: boolean;
  picklist?: string[];
  referenceTo?: string;
  relationshipName?: string;
  length?: number;
  precision?: number;
  scale?: number;
  updateable?: boolean;
  autoNumber?: boolean;
  /** Raw value: date → 'YYYY-MM-DD', datetime → epoch ms, others as they appear in JSON. */
  get(row: number): unknown;
  /**
   * The values as stored, by row (a datetime kept in a Float64Array: SystemModstamp, LastModifiedDate), what `get` reads:
   * a `> x` filter compares them in place before it runs the whole WHERE on a row (soql/query.ts).
   */
  stored?(): Float64Array;
  /** Reference fields: the target table's row, or -1. */
  refRow?(row: number): number;
  set?(row: number, value: unknown): void;
}

export interface ChildRelationship { childSObject: string; field: string; relationshipName: string }

export interface Table {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  /** Lowest API version where the object exists (Invoice: 62.0). */
  minVersion?: number;
  fields: FieldDef[];
  childRelationships: ChildRelationship[];
  /** Lower-case names hidden by field-level security. */
  hidden: Set<string>;
  /** Row indexes of existing records (deleted ones included), in creation order. */
  scan(): Iterable<number>;
  /**
   * When present, `scan()` is exactly rows 0 … count() − 1 in that order: a query walks them with a counter instead of the
   * iterator (a generator's step per row was most of a full query's cost over ~150k payment rows).
   */
  count?(): number;
  isDeleted(row: number): boolean;
  /** Row for an id, or -1. */
  rowOf(id: string): number;
  /** Rows whose `field` (a parent reference) equals the parent id; for fast child lookups. */
  childRowsOf?(field: string, parentId: string): number[] | undefined;
  /** The invoice store behind it, for control operations. */
  invoiceKind?: string;
}

export function fieldMap(table: Table): Map<string, FieldDef> {
  const m = new Map<string, FieldDef>();
  for (const f of table.fields) if (!table.hidden.has(f.name.toLowerCase())) m.set(f.name.toLowerCase(), f);
  return m;
}

export function* range(n: number): Iterable<number> {
  for (let i = 0; i < n; i++) yield i;
}
