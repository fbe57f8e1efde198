import type { AgingBasis } from '../../contract';
import type { CustomerAgingTable } from '../../contract/customer-aging';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { Cell } from './export-cells';
import { bucketHeadings, type OrgTables } from './report-tables';
import type { TableSheet } from './xlsx-table-sheet';

/**
 * The Summary sheet of an XLSX export: the audit trail an auditor asks for — which org and connection, as of which
 * date and on which basis, which filters, when the data was synced, who exported it and when — and the aging bucket
 * totals per currency of what was exported (the same sums as the workspace's cards).
 */
export interface SummaryFacts {
  /** The connection the invoices come from (label, org, Salesforce user). */
  connection: { label: string; username?: string; displayName?: string; orgId?: string; instanceUrl?: string } | undefined;
  /** When the offline copy was last synced (ISO), null when unknown. */
  syncedAt: string | null;
  /** The person who exported: the Salesforce user, else the computer's user. */
  exportedBy: string;
  /** When (ISO, UTC). */
  exportedAt: string;
  asOf: string;
  balancesAsOf: boolean;
  basis: AgingBasis;
  includeDrafts: boolean;
  /** The workspace's active filters as the user reads them (the chips), none when empty. */
  filters: readonly string[];
  /** Invoices in the file (the invoice export) or counted in the report. */
  invoices: number;
  /** "All connections": each org's name and when its copy was synced (the bucket totals then follow per org too). */
  orgs?: readonly { label: string; syncedAt: string | null }[];
}

const text = (value: string): Cell => (value === '' ? { kind: 'empty' } : { kind: 'text', value });
const money = (value: number, currency: string): Cell => ({ kind: 'money', value, currency });

export function summarySheet(
  t: CatalogueT,
  facts: SummaryFacts,
  tables: readonly CustomerAgingTable[],
  corporate: { table: CustomerAgingTable | null; missing: number } | null,
  perOrg: readonly OrgTables[] = [],
): TableSheet {
  const c = facts.connection;
  const line = (label: string, value: Cell): Cell[] => [text(label), value];
  const rows: Cell[][] = [
    line(t('report:summaryOrg'), text([c?.orgId, c?.instanceUrl].filter(Boolean).join(' · '))),
    line(t('report:summaryConnection'), text(c?.label ?? '')),
    line(t('report:summarySalesforceUser'), text(c?.username ?? '')),
    line(t('report:summaryAsOf'), { kind: 'date', value: facts.asOf }),
    line(t('report:summaryBalances'), text(facts.balancesAsOf ? t('report:summaryBalancesAsOf') : t('report:summaryBalancesLastSync'))),
    line(t('report:summaryBasis'), text(facts.basis === 'dueDate' ? t('report:summaryBasisDueDate') : t('report:summaryBasisInvoiceDate'))),
    line(t('report:summaryReceivables'), text(facts.includeDrafts ? t('report:summaryPostedAndDrafts') : t('report:summaryPostedOnly'))),
    line(t('report:summaryFilters'), text(facts.filters.length ? facts.filters.join('; ') : t('report:summaryNoFilters'))),
    line(t('report:summaryInvoices'), { kind: 'number', value: facts.invoices }),
    line(t('report:summarySyncedAt'), facts.syncedAt ? { kind: 'instant', value: facts.syncedAt } : { kind: 'empty' }),
    line(t('report:summaryExportedBy'), text(facts.exportedBy)),
    line(t('report:summaryExportedAt'), { kind: 'instant', value: facts.exportedAt }),
    ...(facts.orgs ?? []).map((org) => line(t('report:summarySyncedAtOrg', { org: org.label }), org.syncedAt ? { kind: 'instant', value: org.syncedAt } : { kind: 'empty' })),
    [],
    [text(t('report:summaryBucketTotals'))],
    [text(t('columns:currency')), ...bucketHeadings(t).map(text), text(t('report:total'))],
  ];
  for (const table of tables) rows.push([text(table.currency), ...table.totals.amounts.map((a) => money(a, table.currency)), money(table.totals.total, table.currency)]);
  if (corporate?.table) {
    const { currency, totals } = corporate.table;
    rows.push([text(t('report:captionCorporate', { currency })), ...totals.amounts.map((a) => money(a, currency)), money(totals.total, currency)]);
  }
  if (corporate && corporate.missing > 0) rows.push([text(t('report:missingRate', { count: corporate.missing, currency: corporate.table?.currency ?? '' }))]);
  if (perOrg.length > 0) {
    rows.push([], [text(t('report:summaryBucketTotalsPerOrg'))], [text(t('columns:org')), text(t('columns:currency')), ...bucketHeadings(t).map(text), text(t('report:total'))]);
    for (const org of perOrg) {
      for (const table of org.tables) rows.push([text(org.label), text(table.currency), ...table.totals.amounts.map((a) => money(a, table.currency)), money(table.totals.total, table.currency)]);
    }
  }
  return { name: t('report:sheetSummary'), header: [t('report:summaryItem'), t('report:summaryValue')], widths: [30, 44, 16, 16, 16, 16, 18], rows };
}
