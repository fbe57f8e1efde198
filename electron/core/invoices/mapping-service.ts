import type { Connection } from 'jsforce';
import { AppError, invoiceFieldKeys, type FieldMapping, type InvoiceObject, type Mapping } from '../../contract';
import { CANONICAL_FIELDS } from './canonical-fields';
import type { KeyValueStore } from '../ports';
import { isScalarField } from './describe-types';
import { findInvoiceObjects, shapeOf, type InvoiceShape } from './discovery';
import { resolveMapping, validateUserMapping } from './field-mapping';
import { FALLBACK_CURRENCY, type OrgMetadata } from './org-metadata';
import { buildQueryPlan, type QueryPlan } from './soql';

/** The user's choice per connection: which object, and the fields they picked themselves. */
interface SavedChoice {
  object: string;
  shape: InvoiceShape;
  overrides: FieldMapping;
}

interface SavedEntry {
  choice: SavedChoice;
  /** The last resolved mapping, so the mapping screen works offline too. */
  view: Mapping;
}

export interface SyncMapping {
  object: string;
  plan: QueryPlan;
  /** Changes when anything that shapes the rows changes: a different one forces a full sync. */
  signature: string;
  defaultCurrency: string;
  warnings: string[];
}

const KEY = 'invoiceMappings';

/** Which canonical fields a described field may fill (the same rule `validateUserMapping` applies). */
function withFits(field: { name: string; label: string; type: string }): Mapping['available'][number] {
  return { name: field.name, label: field.label, type: field.type, fits: invoiceFieldKeys.filter((key) => CANONICAL_FIELDS[key].types.includes(field.type)) };
}

/** Object discovery and field mapping, saved per connection in the key-value store. */
export class MappingService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly metadata: OrgMetadata,
  ) {}

  async objects(connectionId: string): Promise<InvoiceObject[]> {
    const { conn, apiVersion } = await this.metadata.open(connectionId);
    return findInvoiceObjects(await this.metadata.globals(conn), apiVersion);
  }

  get(connectionId: string): Mapping | null {
    const view = this.entries()[connectionId]?.view;
    return view ? { ...view, available: view.available.map(withFits) } : null;
  }

  async set(connectionId: string, object: string, fields: FieldMapping | undefined): Promise<Mapping> {
    const { conn } = await this.metadata.open(connectionId);
    const globals = await this.metadata.globals(conn);
    const target = globals.find((candidate) => candidate.name === object && candidate.queryable && candidate.name !== 'SalesforceInvoice');
    if (!target) throw new AppError('INVALID_INPUT', 'This org has no object of that name that you can read.');
    const describe = await this.metadata.describe(conn, target.name);
    const overrides = fields ? validateUserMapping(describe, fields) : {};
    const choice: SavedChoice = { object: target.name, shape: shapeOf(target.name), overrides };
    return (await this.resolve(connectionId, conn, choice)).view;
  }

  /** The mapping a sync runs with, checked against today's describe (auto-choosing the best object the first time). */
  async forSync(connectionId: string, conn: Connection, apiVersion: string): Promise<SyncMapping> {
    let choice = this.entries()[connectionId]?.choice;
    if (!choice) {
      const best = findInvoiceObjects(await this.metadata.globals(conn), apiVersion)[0];
      if (!best) throw new AppError('NO_INVOICE_OBJECT', 'No invoice object was found in this org (Invoice, blng__Invoice__c or a custom invoice object).');
      choice = { object: best.name, shape: best.shape, overrides: {} };
    }
    return (await this.resolve(connectionId, conn, choice)).sync;
  }

  forget(connectionId: string): void {
    const entries = this.entries();
    delete entries[connectionId];
    this.store.set(KEY, entries);
  }

  private async resolve(connectionId: string, conn: Connection, choice: SavedChoice): Promise<{ view: Mapping; sync: SyncMapping }> {
    const describe = await this.metadata.describe(conn, choice.object);
    const { fields, warnings } = resolveMapping(describe, choice.shape, choice.overrides);
    const plan = buildQueryPlan(describe, fields);
    let defaultCurrency = FALLBACK_CURRENCY;
    if (!plan.paths.currency) {
      const corporate = await this.metadata.corporateCurrency(conn);
      if (corporate) defaultCurrency = corporate;
      else warnings.push(`This org does not say which currency its amounts are in; they are shown as ${FALLBACK_CURRENCY}.`);
    }
    const view: Mapping = {
      object: describe.name,
      fields,
      available: describe.fields.filter(isScalarField).map((field) => withFits({ name: field.name, label: field.label, type: field.type })),
      warnings,
    };
    const entries = this.entries();
    entries[connectionId] = { choice, view };
    this.store.set(KEY, entries);
    const signature = JSON.stringify({ object: plan.object, paths: plan.paths, modstamp: plan.modstamp, defaultCurrency });
    return { view, sync: { object: describe.name, plan, signature, defaultCurrency, warnings } };
  }

  private entries(): Record<string, SavedEntry> {
    const value = this.store.get<Record<string, SavedEntry>>(KEY);
    return value && typeof value === 'object' ? { ...value } : {};
  }
}
