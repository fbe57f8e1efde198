import type { InvoiceListRow } from '../../contract';
import type { StatusKindMap } from '../../contract/invoice-status';
import { distinctOrgNames } from '../../contract/org-names';
import { exportInvoices, type ExportPorts } from './export-invoices';
import type { ExportFacts } from './export-report';
import type { ExportRequest } from './export-request';
import type { ApplicationRow, ApplicationRows } from './xlsx-applications';
import type { RowsByPlace } from './export-rows';

/** One connection's part of a combined export: its rows by id (as of the date asked), what its statuses mean, its name. */
export interface CombinedSource {
  rows: Pick<ReadonlyMap<string, InvoiceListRow>, 'get'>;
  statusKinds: StatusKindMap;
  label: string;
  /** The applications of its exported invoices (the XLSX Applications sheet); null without payment objects. */
  applicationsOf?: (rows: readonly InvoiceListRow[]) => ApplicationRows | null;
  /** For the XLSX Summary sheet: the connection, its sync, who is signed in. */
  facts?: ExportFacts;
}

/** Distinct non-empty values, joined: the Summary's line for several orgs. */
const joined = (values: readonly (string | undefined)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))].join(', ');

/**
 * The Summary sheet's facts for several orgs: every connection and user named, the oldest sync (the file is at
 * most that old) and each org's own sync time, the exporter as each org knows them.
 */
function combinedFacts(sources: readonly (CombinedSource | null)[]): ExportFacts & { orgs: { label: string; syncedAt: string | null }[] } {
  const present = sources.filter((source): source is CombinedSource & { facts: ExportFacts } => source?.facts !== undefined);
  const synced = present.map((source) => source.facts.syncedAt);
  const oldest = synced.some((at) => at === null) ? null : (synced.filter((at): at is string => at !== null).sort()[0] ?? null);
  return {
    connection: {
      label: joined(present.map((source) => source.facts.connection?.label ?? source.label)),
      username: joined(present.map((source) => source.facts.connection?.username)),
      orgId: joined(present.map((source) => source.facts.connection?.orgId)),
      instanceUrl: joined(present.map((source) => source.facts.connection?.instanceUrl)),
    },
    syncedAt: oldest,
    exportedBy: joined(present.map((source) => source.facts.exportedBy)),
    exportedAt: present[0]?.facts.exportedAt ?? new Date().toISOString(),
    orgs: present.map((source) => ({ label: source.label, syncedAt: source.facts.syncedAt })),
  };
}

/** Each org under a name no other org in the file has (org-names.ts): the Org column and the per-org totals go by name. */
function distinctLabels(sources: (CombinedSource | null)[]): (CombinedSource | null)[] {
  const names = distinctOrgNames(sources.map((source) => source && { label: source.label, username: source.facts?.connection?.username }));
  return sources.map((source, place) => source && (names[place] === source.label ? source : { ...source, label: names[place]! }));
}

/**
 * "All connections" (#21): exactly the rows on screen, in their order, each read from its own org's copy and
 * tagged with its connection's name (the `org` column). `ids[i]` belongs to `connections[orgOf[i]]`; a connection
 * without a copy (never synced) contributes nothing, like a row deleted meanwhile. Each row's status is read with
 * its own org's meanings (days overdue, aging bucket), as the combined view counts it. The XLSX has the one-org
 * export's sheets too: Applications (each org's applications of its invoices, with an Org column: the orgs number
 * their invoices alike) and Summary (every org named, the bucket totals per currency across the orgs and per org).
 */
export async function exportCombined(
  request: ExportRequest & { combined: NonNullable<ExportRequest['combined']> },
  sourceOf: (connectionId: string) => Promise<CombinedSource | null>,
  ports: ExportPorts,
): Promise<{ path: string | null; rows: number }> {
  const { connections, orgOf } = request.combined;
  const sources = distinctLabels(await Promise.all(connections.map(sourceOf)));
  const kindsOfRow = new WeakMap<object, StatusKindMap>();
  const sourceOfRow = new WeakMap<object, number>();
  const keys = request.ids.map((id, i) => `${orgOf[i]}:${id}`);
  const rowOf = (key: string): InvoiceListRow | undefined => {
    const cut = key.indexOf(':');
    const place = Number(key.slice(0, cut));
    const source = sources[place];
    const row = source?.rows.get(key.slice(cut + 1));
    if (!row || !source) return undefined;
    const tagged = { ...row, org: source.label } as InvoiceListRow;
    kindsOfRow.set(tagged, source.statusKinds);
    sourceOfRow.set(tagged, place);
    return tagged;
  };
  // Each org's applications of its own exported invoices (looked up in its own copy: the orgs share record ids).
  const applicationsOf = (rows: RowsByPlace<InvoiceListRow>): ApplicationRows | null => {
    const byOrg = new Map<number, InvoiceListRow[]>();
    for (let k = 0; k < rows.length; k++) {
      // The rows here are objects of their own (tagged by rowOf), kept as they are.
      const row = rows.at(k)!;
      const place = sourceOfRow.get(row)!;
      let mine = byOrg.get(place);
      if (!mine) byOrg.set(place, (mine = []));
      mine.push(row);
    }
    const parts = [...byOrg].flatMap(([place, mine]) => {
      const applications = sources[place]!.applicationsOf?.(mine) ?? null;
      return applications ? [{ org: sources[place]!.label, applications }] : [];
    });
    if (parts.length === 0) return null;
    return {
      byOrg: true,
      count: parts.reduce((n, part) => n + part.applications.count, 0),
      currencies: new Set(parts.flatMap((part) => [...part.applications.currencies])),
      *rows(): Generator<ApplicationRow> {
        for (const part of parts) for (const row of part.applications.rows()) yield { ...row, org: part.org };
      },
    };
  };
  const facts = sources.some((source) => source?.facts) ? combinedFacts(sources) : undefined;
  return exportInvoices({ ...request, ids: keys }, { get: rowOf }, ports, applicationsOf, null, (row) => kindsOfRow.get(row), facts);
}
