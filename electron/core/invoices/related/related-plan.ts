import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import type { Clock } from '../../ports';
import { findField } from '../mapping/describe-types';
import { DESCRIBE_REUSE_MS } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { assertIdentifier } from '../sync/soql';
import { relatedSpecsFor, type RelatedRole } from './related-specs';
import { relatedText } from './related-text';

/** What a sync selects from one related object: canonical key → SOQL path (only fields describe returned). */
export interface RelatedObjectPlan {
  role: RelatedRole;
  object: string;
  paths: Record<string, string>;
  modstamp: string | null;
  /** Changes when anything that shapes the records changes: a different one refetches the object in full. */
  signature: string;
}

export interface RelatedPlan {
  objects: RelatedObjectPlan[];
  /** Objects or fields the user cannot read (field-level security, profile): said, never a failure. */
  warnings: string[];
  /** Why nothing is synced with these invoices (e.g. a custom invoice object), or null. */
  none: string | null;
}

/**
 * Finds, from describeGlobal and describe, which related objects of the invoice object exist and
 * are readable, and which of their fields. Built like the invoice mapping: names only from describe.
 */
export async function discoverRelated(metadata: OrgMetadata, conn: Connection, invoiceObject: string): Promise<RelatedPlan> {
  const specs = relatedSpecsFor(invoiceObject);
  if (specs.length === 0) {
    return { objects: [], warnings: [], none: relatedText.noneForObject(invoiceObject) };
  }
  const globals = new Map((await metadata.globals(conn)).map((g) => [g.name, g]));
  const objects: RelatedObjectPlan[] = [];
  const warnings: string[] = [];
  for (const spec of specs) {
    const global = globals.get(spec.object);
    if (!global?.queryable) {
      warnings.push(relatedText.objectUnreadable(spec.label, spec.object));
      continue;
    }
    const describe = await metadata.describe(conn, spec.object);
    const paths: Record<string, string> = {};
    const hidden: string[] = [];
    let usable = true;
    for (const [key, field] of Object.entries(spec.fields)) {
      const found = findField(describe, field.name);
      if (!found) {
        if (field.required) usable = false;
        if (field.name !== 'CurrencyIsoCode') hidden.push(field.name);
        continue;
      }
      paths[key] = assertIdentifier(found.name);
      const relation = field.withName?.split('.')[0];
      if (relation && found.relationshipName === relation) paths[`${key}Name`] = assertIdentifier(field.withName!);
    }
    if (!usable) {
      warnings.push(relatedText.requiredFieldsHidden(spec.label, hidden));
      continue;
    }
    if (hidden.length) warnings.push(relatedText.optionalFieldsHidden(spec.label, hidden));
    const modstamp = findField(describe, 'SystemModstamp')?.name ?? findField(describe, 'LastModifiedDate')?.name ?? null;
    objects.push({ role: spec.role, object: describe.name, paths, modstamp, signature: JSON.stringify({ object: describe.name, paths, modstamp }) });
  }
  return { objects, warnings, none: null };
}

/** Plans per connection, reused by incremental syncs for DESCRIBE_REUSE_MS like the invoice mapping. */
export class RelatedDiscovery {
  private readonly recent = new Map<string, { invoiceObject: string; plan: RelatedPlan; at: number }>();

  constructor(
    private readonly metadata: OrgMetadata,
    private readonly clock: Clock,
  ) {}

  async plan(connectionId: string, conn: Connection, invoiceObject: string, reuse: boolean): Promise<RelatedPlan> {
    const recent = this.recent.get(connectionId);
    if (reuse && recent && recent.invoiceObject === invoiceObject && this.clock.now() - recent.at < DESCRIBE_REUSE_MS) return recent.plan;
    const at = this.clock.now();
    const plan = await discoverRelated(this.metadata, conn, invoiceObject);
    this.recent.set(connectionId, { invoiceObject, plan, at });
    return plan;
  }

  forget(connectionId: string): void {
    this.recent.delete(connectionId);
  }
}
