import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError, invoiceFieldKeys, type FieldMapping, type InvoiceFieldKey } from '../../../contract';
import { CANONICAL_FIELDS, KNOWN_DEFAULTS } from './canonical-fields';
import { findField, type FieldDescribe, type ObjectDescribe } from './describe-types';
import type { InvoiceShape } from './discovery';

type Rule = (field: FieldDescribe, text: string) => boolean;
const is = (...types: string[]) => (field: FieldDescribe) => types.includes(field.type);

/** Heuristics for a custom invoice object: per canonical field, rules in order of preference. */
const CUSTOM_RULES: Record<InvoiceFieldKey, Rule[]> = {
  number: [(f) => f.name === 'Name', (f, t) => is('string')(f) && /number|\bno\b|num/.test(t)],
  customer: [
    (f) => f.type === 'reference' && (f.referenceTo ?? []).includes('Account') && !!f.relationshipName,
    (f, t) => is('string')(f) && /customer|client|account/.test(t),
  ],
  invoiceDate: [(f, t) => is('date')(f) && /invoice.?date|issue|bill.?date/.test(t), (f, t) => is('date')(f) && !/due/.test(t)],
  dueDate: [(f, t) => is('date', 'datetime')(f) && /due/.test(t)],
  status: [(f, t) => is('picklist', 'string')(f) && /status/.test(t) && !/payment/.test(t), (f, t) => is('picklist')(f) && /status|stage/.test(t)],
  total: [
    (f, t) => is('currency', 'double')(f) && /total|gross|amount/.test(t) && !/due|balance|tax|paid|payment|outstanding|open/.test(t),
  ],
  balance: [(f, t) => is('currency', 'double')(f) && /balance|due|outstanding|open/.test(t)],
  currency: [(f) => f.name === 'CurrencyIsoCode'],
  lastModified: [(f) => f.name === 'LastModifiedDate', (f) => f.name === 'SystemModstamp'],
};

function textOf(field: FieldDescribe): string {
  return `${field.name.replace(/__c$/, '').replace(/_/g, ' ')} ${field.label}`.toLowerCase();
}

/** The mapping the app proposes for an object, from its describe. Hidden fields are simply absent. */
export function defaultMapping(describe: ObjectDescribe, shape: InvoiceShape): FieldMapping {
  const mapping: FieldMapping = {};
  if (shape !== 'custom') {
    for (const key of invoiceFieldKeys) {
      const name = KNOWN_DEFAULTS[shape][key].find((candidate) => findField(describe, candidate));
      if (name) mapping[key] = findField(describe, name)!.name;
    }
    return mapping;
  }
  const used = new Set<string>();
  for (const key of invoiceFieldKeys) {
    for (const rule of CUSTOM_RULES[key]) {
      const field = describe.fields.find((candidate) => !used.has(candidate.name) && rule(candidate, textOf(candidate)));
      if (field) {
        mapping[key] = field.name;
        used.add(field.name);
        break;
      }
    }
  }
  return mapping;
}

/**
 * Rejects a user's mapping unless every field exists in describe with a fitting type. This is also
 * what keeps user text out of SOQL: only names describe returned are ever put into a query.
 */
export function validateUserMapping(describe: ObjectDescribe, fields: FieldMapping): FieldMapping {
  const valid: FieldMapping = {};
  for (const key of invoiceFieldKeys) {
    const wanted = fields[key];
    if (wanted === undefined) continue;
    const field = findField(describe, wanted);
    const label = CANONICAL_FIELDS[key].label;
    if (!field) {
      throw new AppError('INVALID_INPUT', englishMessage('mappingNoSuchField', { label, object: describe.label, name: wanted.slice(0, 60) }));
    }
    if (!CANONICAL_FIELDS[key].types.includes(field.type)) {
      throw new AppError('INVALID_INPUT', englishMessage('mappingWrongType', { label, field: field.label, name: field.name, type: field.type }));
    }
    valid[key] = field.name;
  }
  return valid;
}

/**
 * The mapping a sync uses: the saved choice checked against today's describe. A saved field that is
 * no longer readable (field-level security, deleted field) is dropped with a warning, never a failure;
 * so is a default field of a known object that the user cannot see.
 */
export function resolveMapping(
  describe: ObjectDescribe,
  shape: InvoiceShape,
  saved: FieldMapping,
): { fields: FieldMapping; warnings: string[] } {
  const fields: FieldMapping = {};
  const warnings: string[] = [];
  const proposed = defaultMapping(describe, shape);
  for (const key of invoiceFieldKeys) {
    const label = CANONICAL_FIELDS[key].label;
    const wanted = saved[key];
    const field = wanted ? findField(describe, wanted) : undefined;
    if (wanted && field) {
      fields[key] = field.name;
    } else if (wanted) {
      warnings.push(englishMessage('mappingFieldGone', { label, field: wanted }));
    } else if (proposed[key]) {
      fields[key] = proposed[key];
    } else if (shape !== 'custom' && key !== 'currency') {
      const expected = KNOWN_DEFAULTS[shape][key][0];
      warnings.push(englishMessage('mappingFieldHidden', { label, field: expected ?? '' }));
    } else if (key !== 'currency') {
      warnings.push(englishMessage('mappingFieldNotFound', { label, object: describe.label }));
    }
  }
  return { fields, warnings };
}
