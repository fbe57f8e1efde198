import { englishMessage } from '../../../contract/i18n/spoken-messages';
import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import { AppError, invoiceFieldKeys, type FieldMapping, type InvoiceObject, type Mapping } from '../../../contract';
import { defaultStatusKind, type StatusKindMap } from '../../../contract/invoice-status';
import { statusChoices } from './status-kinds';
import { CANONICAL_FIELDS } from './canonical-fields';
import { systemClock, type Clock, type KeyValueStore } from '../../ports';
import { isScalarField, type GlobalObject } from './describe-types';
import { findInvoiceObjects, shapeOf, type InvoiceShape } from './discovery';
import { resolveMapping, validateUserMapping } from './field-mapping';
import { FALLBACK_CURRENCY, type OrgMetadata } from './org-metadata';
import { buildQueryPlan, type QueryPlan } from '../sync/soql';

/** The user's choice per connection: which object, and the fields they picked themselves. */
interface SavedChoice {
  object: string;
  shape: InvoiceShape;
  overrides: FieldMapping;
  /** What the user said status values mean for receivables (absent: the shape's defaults). */
  statusKinds?: StatusKindMap;
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
  /** Built from a describe read earlier in this process (not checked against the org's describe today). */
  reused?: boolean;
  /**
   * The org's objects (describeGlobal) when resolving this mapping read them (a connection's first sync chooses its invoice
   * object from them): the related plan of the same sync reads them from here instead of asking the org again. Never on a
   * reused mapping (not kept between syncs).
   */
  globals?: GlobalObject[];
}

/**
 * How long an incremental sync may reuse the mapping resolved from a describe earlier in this
 * process. A field hidden since then makes the query fail with INVALID_FIELD, and the sync then
 * describes again and retries; a field made readable again shows within this time (or at once on
 * a full sync, which always describes).
 */
export const DESCRIBE_REUSE_MS = 10 * 60_000;

const KEY = 'invoiceMappings';

/** Which canonical fields a described field may fill (the same rule `validateUserMapping` applies). */
function withFits(field: { name: string; label: string; type: string }): Mapping['available'][number] {
  return { name: field.name, label: field.label, type: field.type, fits: invoiceFieldKeys.filter((key) => CANONICAL_FIELDS[key].types.includes(field.type)) };
}

/** Object discovery and field mapping, saved per connection in the key-value store. */
export class MappingService {
  /** The last mapping resolved from a fresh describe, per connection (for incremental syncs). */
  private readonly recent = new Map<string, { sync: SyncMapping; apiVersion: string; at: number }>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly metadata: OrgMetadata,
    private readonly clock: Clock = systemClock,
  ) {}

  async objects(connectionId: string): Promise<InvoiceObject[]> {
    const { conn, apiVersion } = await this.metadata.open(connectionId);
    return findInvoiceObjects(await this.metadata.globals(conn), apiVersion);
  }

  get(connectionId: string): Mapping | null {
    const view = this.entries()[connectionId]?.view;
    return view ? { ...view, available: view.available.map(withFits), statuses: view.statuses ?? [] } : null;
  }

  /**
   * What each of these status values means for receivables: the mapping's (picklist values, defaults or the
   * user's choice), else the default for the chosen object's shape (values a text status field holds).
   */
  statusKinds(connectionId: string, values: Iterable<string>): StatusKindMap {
    const entry = this.entries()[connectionId];
    const known = new Map((entry?.view.statuses ?? []).map((status) => [status.value, status.kind]));
    const shape = entry?.choice.shape ?? 'custom';
    const kinds: StatusKindMap = {};
    for (const value of values) kinds[value] = known.get(value) ?? entry?.choice.statusKinds?.[value] ?? defaultStatusKind(value, shape);
    return kinds;
  }

  async set(connectionId: string, object: string, fields: FieldMapping | undefined, statusKinds?: StatusKindMap): Promise<Mapping> {
    const { conn } = await this.metadata.open(connectionId);
    const globals = await this.metadata.globals(conn);
    const target = globals.find((candidate) => candidate.name === object && candidate.queryable && candidate.name !== 'SalesforceInvoice');
    if (!target) throw new AppError('INVALID_INPUT', englishMessage('mappingNoSuchObject'));
    const describe = await this.metadata.describe(conn, target.name);
    const overrides = fields ? validateUserMapping(describe, fields) : {};
    const previous = this.entries()[connectionId]?.choice;
    // Status meanings carry over while the object stays the same; new ones replace them.
    const kinds = statusKinds ?? (previous?.object === target.name ? previous.statusKinds : undefined);
    const choice: SavedChoice = { object: target.name, shape: shapeOf(target.name), overrides, ...(kinds ? { statusKinds: kinds } : {}) };
    return (await this.resolve(connectionId, conn, choice)).view;
  }

  /**
   * The mapping a sync runs with, checked against today's describe (auto-choosing the best object the
   * first time). With `reuse`, the mapping resolved for this connection within DESCRIBE_REUSE_MS is
   * returned as it is (marked `reused`) without asking Salesforce again.
   */
  async forSync(connectionId: string, conn: Connection, apiVersion: string, options: { reuse?: boolean } = {}): Promise<SyncMapping> {
    const recent = this.recent.get(connectionId);
    if (options.reuse && recent && recent.apiVersion === apiVersion && this.clock.now() - recent.at < DESCRIBE_REUSE_MS) {
      return { ...recent.sync, warnings: [...recent.sync.warnings], reused: true };
    }
    let choice = this.entries()[connectionId]?.choice;
    let globals: GlobalObject[] | undefined;
    if (!choice) {
      globals = await this.metadata.globals(conn);
      const best = findInvoiceObjects(globals, apiVersion)[0];
      if (!best) throw new AppError('NO_INVOICE_OBJECT', englishMessage('mappingNoInvoiceObject'));
      choice = { object: best.name, shape: best.shape, overrides: {} };
    }
    const at = this.clock.now();
    const { sync } = await this.resolve(connectionId, conn, choice);
    this.recent.set(connectionId, { sync, apiVersion, at });
    return globals ? { ...sync, globals } : sync;
  }

  forget(connectionId: string): void {
    this.recent.delete(connectionId);
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
      else warnings.push(englishMessage('mappingNoCurrency', { currency: FALLBACK_CURRENCY }));
    }
    const view: Mapping = {
      object: describe.name,
      fields,
      available: describe.fields.filter(isScalarField).map((field) => withFits({ name: field.name, label: field.label, type: field.type })),
      warnings,
      statuses: statusChoices(describe, fields.status, choice.shape, choice.statusKinds),
    };
    const entries = this.entries();
    entries[connectionId] = { choice, view };
    this.store.set(KEY, entries);
    // A new choice or a fresh describe: an earlier mapping must not be reused.
    this.recent.delete(connectionId);
    // With the customer's account id (customerId) the signature changes: a copy from before it syncs in full once.
    const signature = JSON.stringify({ object: plan.object, paths: plan.paths, modstamp: plan.modstamp, defaultCurrency, customerId: plan.customerId });
    return { view, sync: { object: describe.name, plan, signature, defaultCurrency, warnings } };
  }

  private entries(): Record<string, SavedEntry> {
    const value = this.store.get<Record<string, SavedEntry>>(KEY);
    return value && typeof value === 'object' ? { ...value } : {};
  }
}
