import type { Mapping } from '../../../contract';
import { defaultStatusKind, type StatusKindMap } from '../../../contract/invoice-status';
import { findField, type ObjectDescribe } from './describe-types';
import type { InvoiceShape } from './discovery';

/**
 * The mapped status field's picklist values (active ones, each once, in the org's order) with what each
 * means for receivables: the user's choice where there is one, else the default for the object's shape.
 * A status field that is not a picklist gives none here (its values are classified by default as met).
 */
export function statusChoices(describe: ObjectDescribe, statusField: string | undefined, shape: InvoiceShape, chosen: StatusKindMap | undefined): Mapping['statuses'] {
  const field = statusField ? findField(describe, statusField) : undefined;
  const seen = new Set<string>();
  const statuses: Mapping['statuses'] = [];
  for (const entry of field?.picklistValues ?? []) {
    if (entry.active === false || seen.has(entry.value)) continue;
    seen.add(entry.value);
    const mine = chosen?.[entry.value];
    statuses.push({ value: entry.value, label: entry.label || entry.value, kind: mine ?? defaultStatusKind(entry.value, shape), chosen: mine !== undefined });
  }
  return statuses;
}
