import { badRelationship, noSuchColumn } from './sf-error.ts';
import { fieldMap, type FieldDef, type Table } from '../schema/table.ts';

export interface Catalog {
  table(name: string, version: number): Table | undefined;
}

/** A selected or filtered field path, resolved against the schema. */
export interface Column {
  /** Canonical names: ['Id'] or ['BillingAccount', 'Name']. */
  path: string[];
  /** Tables along the path (for relationship attributes). */
  tables: Table[];
  field: FieldDef;
  get(row: number): unknown;
}

export function resolveColumn(catalog: Catalog, version: number, table: Table, raw: string, soql: string): Column {
  let parts = raw.split('.');
  if (parts.length > 1 && parts[0]!.toLowerCase() === table.name.toLowerCase()) parts = parts.slice(1);
  const path: string[] = [];
  const tables: Table[] = [table];
  const hops: FieldDef[] = [];
  let current = table;
  for (const rel of parts.slice(0, -1)) {
    const ref = current.fields.find(
      (f) => f.relationshipName?.toLowerCase() === rel.toLowerCase() && !current.hidden.has(f.name.toLowerCase()),
    );
    const target = ref?.referenceTo ? catalog.table(ref.referenceTo, version) : undefined;
    if (!ref || !target || !ref.refRow) throw badRelationship(soql, raw, rel);
    path.push(ref.relationshipName!);
    hops.push(ref);
    tables.push(target);
    current = target;
  }
  const last = parts[parts.length - 1]!;
  const field = fieldMap(current).get(last.toLowerCase());
  if (!field) throw noSuchColumn(soql, parts.length > 1 ? raw : last, current.name);
  path.push(field.name);
  const get = hops.length === 0
    ? field.get
    : (row: number) => {
        let r = row;
        for (const h of hops) {
          r = h.refRow!(r);
          if (r < 0) return null;
        }
        return field.get(r);
      };
  return { path, tables, field, get };
}
