import { englishMessage } from '../../../contract/i18n/spoken-messages';
import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import { AppError, type InvoiceDetail } from '../../../contract';
import { toAppError } from '../../salesforce/salesforce-errors';
import { findField, isScalarField, type FieldDescribe, type ObjectDescribe } from '../mapping/describe-types';
import type { SyncMapping } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { readPath, toInvoiceRow, type SalesforceRecord } from '../mapping/row-mapper';
import { salesforceGet } from '../sync/salesforce-get';
import { detailFields, detailSelect } from './detail-fields';
import { byIdQuery, childrenQuery, selectList } from '../sync/soql';

type Value = string | number | boolean | null;
const KNOWN_LINE_OBJECTS = ['InvoiceLine', 'blng__InvoiceLine__c'];

async function query(conn: Connection, soql: string): Promise<SalesforceRecord[]> {
  try {
    const answer = await salesforceGet<{ records: SalesforceRecord[] }>(conn, `/query?q=${encodeURIComponent(soql)}`);
    return answer.records ?? [];
  } catch (error) {
    throw toAppError(error);
  }
}

function scalar(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** The line-item relationship: the known line objects first, else a child relationship named …Line / …Lines. */
export function findLineRelationship(describe: ObjectDescribe): { childSObject: string; field: string } | null {
  const children = describe.childRelationships ?? [];
  const known = children.find((child) => KNOWN_LINE_OBJECTS.includes(child.childSObject));
  if (known) return known;
  return children.find((child) => /lines?(__r)?$/i.test(child.relationshipName ?? '')) ?? null;
}

function pick(fields: FieldDescribe[], test: (name: string, field: FieldDescribe) => boolean): string | undefined {
  return fields.find((field) => test(`${field.name} ${field.label}`.toLowerCase(), field))?.name;
}

/** Which line fields mean name, description, quantity, unit price and amount. */
export function lineColumns(describe: ObjectDescribe): Record<'name' | 'description' | 'quantity' | 'unitPrice' | 'amount', string | undefined> {
  const fields = describe.fields.filter(isScalarField);
  const numeric = (field: FieldDescribe) => ['currency', 'double', 'int', 'long', 'percent'].includes(field.type);
  return {
    name: pick(fields, (_, field) => field.name === 'Name'),
    description: pick(fields, (text, field) => field.type !== 'reference' && field.name !== 'Name' && /description|product/.test(text)),
    quantity: pick(fields, (text, field) => numeric(field) && /quantity|qty/.test(text)),
    unitPrice: pick(fields, (text, field) => numeric(field) && /unit.?price/.test(text)),
    amount: pick(fields, (text, field) => numeric(field) && /amount|subtotal|total/.test(text) && !/unit|tax/.test(text)),
  };
}

/** One invoice fresh from Salesforce: every readable field (labelled, in describe order) and its lines. */
export async function loadInvoiceDetail(
  conn: Connection,
  metadata: OrgMetadata,
  mapping: SyncMapping,
  describe: ObjectDescribe,
  id: string,
): Promise<InvoiceDetail> {
  const soql = byIdQuery(describe.name, detailSelect(describe, selectList(mapping.plan)), id);
  const record = (await query(conn, soql))[0];
  if (!record) throw new AppError('NOT_FOUND', englishMessage('invoiceGone'));
  const { fields, terms } = detailFields(describe, Object.values(mapping.plan.paths), record);
  const invoice = toInvoiceRow(record, mapping.plan, mapping.defaultCurrency);

  const relation = findLineRelationship(describe);
  if (!relation) return { invoice, fields, terms, lines: [] };
  const lineDescribe = await metadata.describe(conn, relation.childSObject);
  // The lines' link to their invoice hidden from the user (field-level security): Salesforce would refuse the
  // lines' query (INVALID_FIELD) and the whole detail with it; the invoice is shown without its lines, and why.
  const parent = findField(lineDescribe, relation.field)?.name;
  if (!parent) return { invoice, fields, terms, lines: [], warnings: [englishMessage('detailLinesParentHidden', { field: relation.field, object: lineDescribe.name })] };
  const columns = lineColumns(lineDescribe);
  const names = ['Id', ...Object.values(columns).filter((name): name is string => !!name)];
  const records = await query(conn, childrenQuery(lineDescribe.name, names, parent, id));
  const read = (line: SalesforceRecord, key: keyof typeof columns) => {
    const name = columns[key];
    return name ? scalar(readPath(line, name)) : null;
  };
  const text = (value: Value) => (value === null ? null : String(value));
  const number = (value: Value) => (typeof value === 'number' ? value : null);
  const lines = records.map((line) => ({
    id: String(line.Id),
    name: text(read(line, 'name')),
    description: text(read(line, 'description')),
    quantity: number(read(line, 'quantity')),
    unitPrice: number(read(line, 'unitPrice')),
    amount: number(read(line, 'amount')),
  }));
  return { invoice, fields, terms, lines };
}
