import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import type { Clock } from '../../ports';
import { findField, type GlobalObject } from '../mapping/describe-types';
import { DESCRIBE_REUSE_MS } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { assertIdentifier } from '../sync/soql';
import { RATE_SPECS, relatedSpecsFor, type RelatedObjectSpec, type RelatedRole } from './related-specs';
import { relatedText } from './related-text';

/** What a sync selects from one related object: canonical key → SOQL path (only fields describe returned). */
export interface RelatedObjectPlan {
  role: RelatedRole;
  object: string;
  paths: Record<string, string>;
  modstamp: string | null;
  /** Changes when anything that shapes the records changes: a different one refetches the object in full. */
  signature: string;
  /** Fetched whole at every sync (see RelatedObjectSpec.whole). */
  whole?: boolean;
  /**
   * How a key's CSV cell (Bulk API 2.0: text only) becomes the value REST's JSON gives, from describe's field types;
   * keys not listed are text. Not in the signature: it changes nothing of the records.
   */
  cells?: Record<string, RelatedCellKind>;
}

export type RelatedCellKind = 'number' | 'boolean' | 'instant';

const CELL_KINDS: Record<string, RelatedCellKind> = {
  double: 'number', currency: 'number', percent: 'number', int: 'number', long: 'number', boolean: 'boolean', datetime: 'instant',
};

export interface RelatedPlan {
  objects: RelatedObjectPlan[];
  /** Objects or fields the user cannot read (field-level security, profile): said, never a failure. */
  warnings: string[];
  /** Why nothing is synced with these invoices (e.g. a custom invoice object), or null. */
  none: string | null;
  /** A multi-currency org whose currencies (CurrencyType), or dated rates where the org has them, the user cannot read: nothing can be converted. */
  ratesUnreadable?: boolean;
}

/**
 * Finds, from describeGlobal and describe, which related objects of the invoice object exist and
 * are readable, and which of their fields. Built like the invoice mapping: names only from describe. `read`: describeGlobal's
 * objects where this sync has read them already (its mapping's), else asked for here.
 */
export async function discoverRelated(metadata: OrgMetadata, conn: Connection, invoiceObject: string, multiCurrency = false, read?: GlobalObject[]): Promise<RelatedPlan> {
  const family = relatedSpecsFor(invoiceObject);
  // The rates matter only where invoices carry a currency of their own; a single-currency org has no rate objects.
  const specs = multiCurrency ? [...family, ...RATE_SPECS] : family;
  const none = family.length === 0 ? relatedText.noneForObject(invoiceObject) : null;
  if (specs.length === 0) return { objects: [], warnings: [], none };
  const globals = new Map((read ?? (await metadata.globals(conn))).map((g) => [g.name, g]));
  // Every object described at once (one round trip's wait, not one per object, before the related queries can start);
  // the plan and its warnings in the specs' order all the same.
  const planned = await Promise.all(specs.map(async (spec) => {
    const said: string[] = [];
    const global = globals.get(spec.object);
    if (!global?.queryable) {
      said.push(relatedText.objectUnreadable(spec.label, spec.object));
      return { spec, said, object: null };
    }
    return { spec, said, object: await planObject(metadata, conn, spec, said) };
  }));
  const objects: RelatedObjectPlan[] = [];
  const warnings: string[] = [];
  for (const { spec, said, object } of planned) {
    // What is missing of the rates is said once, as ratesUnreadable (the workspace's currency notice), not among the payments' warnings.
    if (!RATE_SPECS.includes(spec)) warnings.push(...said);
    if (object) objects.push(object);
  }
  // DatedConversionRate exists only in orgs with advanced currency management: listed in describeGlobal but not
  // readable (not queryable, or a required field hidden) means the org dates its rates and this user cannot see
  // them. Today's plain rates would convert every past invoice at the wrong rate, silently: nothing is converted.
  const datedUnreadable = globals.has('DatedConversionRate') && !objects.some((o) => o.role === 'datedRate');
  const ratesUnreadable = multiCurrency && (!objects.some((o) => o.role === 'currency') || datedUnreadable);
  return { objects, warnings, none, ...(ratesUnreadable ? { ratesUnreadable } : {}) };
}

/** One readable object's plan from its describe, or null (with a warning) when a required field is hidden. */
async function planObject(metadata: OrgMetadata, conn: Connection, spec: RelatedObjectSpec, warnings: string[]): Promise<RelatedObjectPlan | null> {
  const describe = await metadata.describe(conn, spec.object);
  const paths: Record<string, string> = {};
  const cells: Record<string, RelatedCellKind> = {};
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
    const kind = CELL_KINDS[found.type];
    if (kind) cells[key] = kind;
    const relation = field.withName?.split('.')[0];
    if (relation && found.relationshipName === relation) paths[`${key}Name`] = assertIdentifier(field.withName!);
  }
  if (!usable) {
    warnings.push(relatedText.requiredFieldsHidden(spec.label, hidden));
    return null;
  }
  if (hidden.length) warnings.push(relatedText.optionalFieldsHidden(spec.label, hidden));
  const modstamp = findField(describe, 'SystemModstamp')?.name ?? findField(describe, 'LastModifiedDate')?.name ?? null;
  return {
    role: spec.role, object: describe.name, paths, modstamp, signature: JSON.stringify({ object: describe.name, paths, modstamp }),
    ...(spec.whole ? { whole: true } : {}), cells,
  };
}

/** Plans per connection, reused by incremental syncs for DESCRIBE_REUSE_MS like the invoice mapping. */
export class RelatedDiscovery {
  private readonly recent = new Map<string, { invoiceObject: string; multiCurrency: boolean; plan: RelatedPlan; at: number }>();

  constructor(
    private readonly metadata: OrgMetadata,
    private readonly clock: Clock,
  ) {}

  async plan(connectionId: string, conn: Connection, invoiceObject: string, reuse: boolean, multiCurrency = false, globals?: GlobalObject[]): Promise<RelatedPlan> {
    const recent = this.recent.get(connectionId);
    const same = recent && recent.invoiceObject === invoiceObject && recent.multiCurrency === multiCurrency;
    if (reuse && same && this.clock.now() - recent.at < DESCRIBE_REUSE_MS) return recent.plan;
    const at = this.clock.now();
    const plan = await discoverRelated(this.metadata, conn, invoiceObject, multiCurrency, globals);
    this.recent.set(connectionId, { invoiceObject, multiCurrency, plan, at });
    return plan;
  }

  forget(connectionId: string): void {
    this.recent.delete(connectionId);
  }
}
