import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError, invoiceFieldKeys, type FieldMapping, type InvoiceFieldKey } from '../../../contract';
import { findField, type ObjectDescribe } from '../mapping/describe-types';

/**
 * SOQL is only ever built from names that describe returned (checked again here) and from
 * values the app formats itself (ids checked against Salesforce's id format, instants it prints).
 * No user-typed text reaches a query: search and filters run in the renderer on the cached set.
 */

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const RECORD_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name) || name.length > 255) throw new AppError('INVALID_INPUT', englishMessage('notAName'));
  return name;
}

export function assertRecordId(id: string): string {
  if (!RECORD_ID.test(id)) throw new AppError('INVALID_INPUT', englishMessage('notARecordId'));
  return id;
}

/** A SOQL string literal: backslash, quotes and control characters escaped as SOQL requires. */
export function soqlString(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' })[c]!);
  return `'${escaped}'`;
}

/** A SOQL datetime literal (unquoted, whole seconds, UTC). */
export function soqlDateTime(epochMs: number): string {
  // never-user-facing: the watermark is the core's own sync time, never typed by a user; a bug stops here, in English for the log.
  if (!Number.isFinite(epochMs)) throw new AppError('INTERNAL', 'Invalid sync watermark.');
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** What a sync selects: canonical field → SOQL path, plus the bookkeeping fields. */
export interface QueryPlan {
  object: string;
  paths: Partial<Record<InvoiceFieldKey, string>>;
  /** SystemModstamp (or LastModifiedDate) when readable; without it every sync is a full one. */
  modstamp: string | null;
  /**
   * The customer lookup's own field (BillingAccountId, blng__Account__c) when the customer is a lookup: its id is
   * `InvoiceRow.customerId`, so the customer view and statements tell two accounts of one name apart.
   */
  customerId?: string;
}

export function buildQueryPlan(describe: ObjectDescribe, fields: FieldMapping): QueryPlan {
  const paths: Partial<Record<InvoiceFieldKey, string>> = {};
  let customerId: string | undefined;
  for (const key of invoiceFieldKeys) {
    const name = fields[key];
    if (!name) continue;
    const field = findField(describe, name);
    if (!field) continue;
    if (field.type === 'reference') {
      // A lookup shows the record's name (e.g. BillingAccount.Name), not its id.
      if (!field.relationshipName) continue;
      paths[key] = `${assertIdentifier(field.relationshipName)}.Name`;
      if (key === 'customer') customerId = assertIdentifier(field.name);
    } else {
      paths[key] = assertIdentifier(field.name);
    }
  }
  const modstamp = findField(describe, 'SystemModstamp')?.name ?? findField(describe, 'LastModifiedDate')?.name ?? null;
  return { object: assertIdentifier(describe.name), paths, modstamp, ...(customerId ? { customerId } : {}) };
}

export function selectList(plan: QueryPlan, extra: string[] = []): string[] {
  const list = ['Id', ...Object.values(plan.paths), ...(plan.customerId ? [plan.customerId] : []), ...(plan.modstamp ? [plan.modstamp] : []), ...extra];
  return [...new Set(list.map(assertIdentifier))];
}

export function fullSyncQuery(plan: QueryPlan): string {
  return `SELECT ${selectList(plan).join(', ')} FROM ${plan.object}`;
}

/** Changes since `sinceMs` including deletions; run through queryAll. */
export function incrementalQuery(plan: QueryPlan, sinceMs: number): string {
  // never-user-facing: the sync asks for an incremental query only with a modification stamp in the plan (a programming error otherwise).
  if (!plan.modstamp) throw new AppError('INTERNAL', 'Incremental sync needs a modification stamp.');
  return `SELECT ${selectList(plan, ['IsDeleted']).join(', ')} FROM ${plan.object} WHERE ${plan.modstamp} > ${soqlDateTime(sinceMs)}`;
}

export function byIdQuery(object: string, fieldNames: string[], id: string): string {
  return `SELECT ${[...new Set(fieldNames.map(assertIdentifier))].join(', ')} FROM ${assertIdentifier(object)} WHERE Id = ${soqlString(assertRecordId(id))}`;
}

export function childrenQuery(object: string, fieldNames: string[], parentField: string, parentId: string): string {
  return `SELECT ${[...new Set(fieldNames.map(assertIdentifier))].join(', ')} FROM ${assertIdentifier(object)} WHERE ${assertIdentifier(parentField)} = ${soqlString(assertRecordId(parentId))} LIMIT 2000`;
}
