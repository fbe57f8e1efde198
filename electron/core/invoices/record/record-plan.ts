import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import { findField, type ObjectDescribe } from '../mapping/describe-types';
import type { SyncMapping } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { detailSelect } from '../read/detail-fields';
import { findLineRelationship, lineColumns } from '../read/invoice-detail';
import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { assertIdentifier, selectList } from '../sync/soql';

/** The line keys the copy keeps, in cell order after the line's id (the detail panel's line columns). */
export const LINE_KEYS = ['name', 'description', 'quantity', 'unitPrice', 'amount'] as const;
export type LineKey = (typeof LINE_KEYS)[number];

/** What the detail needs of the invoice object's describe offline: names, labels, types, relationships. */
export type DescribeMeta = Pick<ObjectDescribe, 'name' | 'label'> & { fields: { name: string; label: string; type: string; relationshipName?: string | null }[] };

export interface RecordFieldsPlan {
  object: string;
  /** SOQL names selected, in cell order (every readable field, the mapping's paths, the terms): the online detail's SELECT. */
  select: string[];
  modstamp: string | null;
  describe: DescribeMeta;
  /** The mapping's paths (a lookup shown by its record's name). */
  named: string[];
  signature: string;
}

export interface RecordLinesPlan {
  object: string;
  /** The field naming the line's invoice. */
  parent: string;
  /** Line key → the line object's field (from its describe, as the online detail reads it). */
  columns: Partial<Record<LineKey, string>>;
  modstamp: string | null;
  signature: string;
}

/** The whole record of every invoice: its fields, and its lines when the invoice object has a line relationship. */
export interface RecordPlan {
  fields: RecordFieldsPlan;
  lines: RecordLinesPlan | null;
  /** What the copy leaves out and why (English core messages, said in the user's language with the offline detail). */
  warnings: string[];
}

/**
 * The line fields of the line objects Budgetly knows (Revenue Cloud's `InvoiceLine`, Billing's `blng__InvoiceLine__c`):
 * one of them missing from describe is hidden from the user by field-level security (describe leaves such a field
 * out). A custom line object's fields are found by their names and labels only: one not found cannot be told from
 * one that does not exist, and nothing is said.
 */
const KNOWN_LINE_FIELDS: Record<string, Partial<Record<LineKey, string>>> = {
  InvoiceLine: { name: 'Name', description: 'Description', quantity: 'Quantity', unitPrice: 'UnitPrice', amount: 'LineAmount' },
  blng__InvoiceLine__c: { name: 'Name', quantity: 'blng__Quantity__c', unitPrice: 'blng__UnitPrice__c', amount: 'blng__Subtotal__c' },
};

const isIdentifier = (name: string) => {
  try {
    assertIdentifier(name);
    return true;
  } catch {
    return false;
  }
};

const stampOf = (describe: ObjectDescribe) => findField(describe, 'SystemModstamp')?.name ?? findField(describe, 'LastModifiedDate')?.name ?? null;

/**
 * What a record phase selects, from describe only (as the online detail: a field hidden by field-level security is
 * not in describe and is not asked for). The signatures change with anything that shapes the copy — names, labels,
 * types, the mapping's by-name paths, the line columns —: a different one fetches that object in full.
 */
export async function planRecord(metadata: OrgMetadata, conn: Connection, mapping: SyncMapping): Promise<RecordPlan> {
  const describe = await metadata.describe(conn, mapping.object);
  const warnings: string[] = [];
  // A name SOQL cannot carry (describe is the org's word, not ours): that field is left out and said, the rest kept.
  const select: string[] = [];
  for (const name of new Set(detailSelect(describe, selectList(mapping.plan)))) {
    if (isIdentifier(name)) select.push(name);
    else warnings.push(englishMessage('recordFieldNotQueryable', { field: name.slice(0, 80), object: describe.name }));
  }
  const meta: DescribeMeta = {
    name: describe.name,
    label: describe.label,
    fields: describe.fields.map(({ name, label, type, relationshipName }) => ({ name, label, type, ...(relationshipName ? { relationshipName } : {}) })),
  };
  const named = Object.values(mapping.plan.paths);
  const modstamp = stampOf(describe);
  const fields: RecordFieldsPlan = {
    object: assertIdentifier(describe.name), select, modstamp, describe: meta, named,
    signature: JSON.stringify({ object: describe.name, select, modstamp, meta, named }),
  };
  const relation = findLineRelationship(describe);
  if (!relation) return { fields, lines: null, warnings };
  const lineDescribe = await metadata.describe(conn, relation.childSObject);
  const parent = findField(lineDescribe, relation.field)?.name;
  // The parent field hidden from the user: the lines cannot be told apart by invoice, none are kept — and that is said.
  if (!parent) return { fields, lines: null, warnings: [...warnings, englishMessage('recordLineParentHidden', { field: relation.field, object: lineDescribe.name })] };
  const found = lineColumns(lineDescribe);
  const columns: Partial<Record<LineKey, string>> = {};
  for (const key of LINE_KEYS) if (found[key] && isIdentifier(found[key])) columns[key] = found[key];
  for (const [key, name] of Object.entries(KNOWN_LINE_FIELDS[lineDescribe.name] ?? {})) {
    if (!columns[key as LineKey] && !findField(lineDescribe, name)) warnings.push(englishMessage('recordLineFieldHidden', { field: name, object: lineDescribe.name }));
  }
  const lineStamp = stampOf(lineDescribe);
  const object = assertIdentifier(lineDescribe.name);
  return {
    fields,
    lines: { object, parent: assertIdentifier(parent), columns, modstamp: lineStamp, signature: JSON.stringify({ object, parent, columns, modstamp: lineStamp }) },
    warnings,
  };
}
