import type { InvoiceListRow } from '../../../electron/contract';
import type { StatusKindMap } from '../../../electron/contract/invoice-status';
import type { ReceivableRules } from '../invoices/prepared';

/** An invoice of the combined view: the org's row under a key unique across orgs, with its connection. */
export interface CombinedRow extends InvoiceListRow {
  /** `<connection id>:<Salesforce id>`: two orgs may hold the same record id (a sandbox copied from production). */
  id: string;
  /** The record's own id in its org (what the detail panel, Open in Salesforce and export are given). */
  sourceId: string;
  connectionId: string;
  /** The connection's name (the Org column). */
  org: string;
}

/** One connection's part of the combined view: its rows (as of the aging date) and how they stand. */
export interface OrgPart {
  connectionId: string;
  org: string;
  rows: readonly InvoiceListRow[] | undefined;
  statusKinds?: StatusKindMap;
}

/**
 * The key of a row of a connection: by the connection's id, not its place in the list — when an org before it is
 * removed, an open row keeps its key instead of becoming the row of the same record id in the next org.
 */
const combinedKey = (connectionId: string, id: string) => `${connectionId}:${id}`;

const rowCache = new WeakMap<readonly InvoiceListRow[], { org: string; connectionId: string; rows: CombinedRow[] }>();

/** One org's rows tagged with their connection; the same array again while that org's rows and name are unchanged. */
function tagged(part: OrgPart): CombinedRow[] {
  const rows = part.rows ?? [];
  const cached = rowCache.get(rows);
  if (cached && cached.org === part.org && cached.connectionId === part.connectionId) return cached.rows;
  const out = new Array<CombinedRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out[i] = { ...row, id: combinedKey(part.connectionId, row.id), sourceId: row.id, connectionId: part.connectionId, org: part.org };
  }
  rowCache.set(rows, { org: part.org, connectionId: part.connectionId, rows: out });
  return out;
}

/**
 * Every org's rows (or those of the orgs `shown`) in one list, org after org (the grid sorts them; ties between orgs keep this order). An org
 * whose rows have not arrived adds none. Tagging is done once per org list: a sync of one org re-tags its rows only.
 */
export function combineRows(parts: readonly OrgPart[], shown: ReadonlySet<string> | null = null): CombinedRow[] {
  // Keyed by connection: a row keeps its key when the org filter changes or another org is added or removed.
  const lists = parts.map((part) => tagged(part)).filter((_, p) => !shown || shown.has(parts[p]!.connectionId));
  return lists.length === 1 ? lists[0]! : ([] as CombinedRow[]).concat(...lists);
}

/** Each connection's status meanings (connection id → its map; {} while its list has not arrived). */
export function statusKindsByOrg(parts: readonly OrgPart[]): Record<string, StatusKindMap> {
  return Object.fromEntries(parts.map((part) => [part.connectionId, part.statusKinds ?? {}]));
}

/**
 * The combined view's receivable rules: each row's status read with its own org's meanings (one org's "Pending"
 * or "Void" may be a draft where another's is posted or cancelled), so every total is the orgs' own totals summed.
 */
export function combinedRules(kinds: Readonly<Record<string, StatusKindMap>>, includeDrafts: boolean): ReceivableRules {
  return { statusKindsOf: (row) => kinds[(row as CombinedRow).connectionId], includeDrafts };
}

/** The indexes (into the combined rows) of each connection's rows among `indexes`, in that order. */
export function indexesByOrg(rows: readonly CombinedRow[], indexes: ArrayLike<number>): Map<string, number[]> {
  const byOrg = new Map<string, number[]>();
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const id = rows[i]!.connectionId;
    let list = byOrg.get(id);
    if (!list) byOrg.set(id, (list = []));
    list.push(i);
  }
  return byOrg;
}
