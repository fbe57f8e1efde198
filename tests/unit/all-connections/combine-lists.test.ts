import { describe, expect, it } from 'vitest';
import { combineRows, combinedRules, indexesByOrg, statusKindsByOrg, type OrgPart } from '../../../renderer/src/all-connections/combine-lists';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { combinedExport } from '../../../renderer/src/all-connections/combined-export';
import { row } from '../renderer/invoice-fixtures';

// Two orgs holding the same record id (a sandbox refreshed from production has production's ids).
const shared = 'a0SAME0000000001';
const a = [row({ id: shared, number: 'A-1' }), row({ number: 'A-2', currency: 'EUR' })];
const b = [row({ id: shared, number: 'B-1' })];
const parts: OrgPart[] = [
  { connectionId: 'conn-a', org: 'Acme EU', rows: a, statusKinds: { Posted: 'posted', Void: 'cancelled' } },
  { connectionId: 'conn-b', org: 'Acme US', rows: b, statusKinds: { Posted: 'posted', Void: 'draft', Draft: 'draft' } },
];

describe('the combined list of every connection', () => {
  it('keeps every row with its connection, its own record id and a key unique across orgs', () => {
    const rows = combineRows(parts);
    expect(rows.map((r) => [r.number, r.org, r.connectionId, r.sourceId])).toEqual([
      ['A-1', 'Acme EU', 'conn-a', shared],
      ['A-2', 'Acme EU', 'conn-a', a[1]!.id],
      ['B-1', 'Acme US', 'conn-b', shared],
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
  });

  it('narrows to the orgs picked without changing a row’s key (the open row stays open)', () => {
    const all = combineRows(parts);
    const onlyB = combineRows(parts, new Set(['conn-b']));
    expect(onlyB.map((r) => r.number)).toEqual(['B-1']);
    expect(onlyB[0]!.id).toBe(all[2]!.id);
  });

  it('tags an org’s rows once: an unchanged org gives the same row objects after another org’s sync', () => {
    const first = combineRows(parts);
    const afterSyncOfB = combineRows([parts[0]!, { ...parts[1]!, rows: [...b] }]);
    expect(afterSyncOfB[0]).toBe(first[0]);
    expect(afterSyncOfB[2]).not.toBe(first[2]);
  });

  it('keeps a row’s key when an org before it is removed: the open row never becomes another org’s row of the same record id', () => {
    const c: OrgPart = { connectionId: 'conn-c', org: 'Acme CA', rows: [row({ id: shared, number: 'C-1' })] };
    const open = combineRows([parts[0]!, parts[1]!, c]).find((r) => r.number === 'B-1')!.id;
    expect(combineRows([parts[1]!, c]).find((r) => r.id === open)?.number).toBe('B-1');
  });

  it('adds nothing for an org whose list has not arrived', () => {
    expect(combineRows([parts[0]!, { ...parts[1]!, rows: undefined }]).map((r) => r.number)).toEqual(['A-1', 'A-2']);
  });

  it('counts each org’s invoices by that org’s own status meanings: the totals are each org’s own totals summed', () => {
    // "Pending" is a draft in a Revenue Cloud org and posted in an org on a custom object; "Void" cancelled in one, a draft in the other.
    const orgs: OrgPart[] = [
      { connectionId: 'rc', org: 'Revenue Cloud', rows: [row({ status: 'Pending', total: 10, balance: 10 }), row({ status: 'Void', total: 20, balance: 20 }), row({ total: 1, balance: 1 })], statusKinds: { Pending: 'draft', Void: 'cancelled', Posted: 'posted' } },
      { connectionId: 'custom', org: 'Custom', rows: [row({ status: 'Pending', total: 300, balance: 300 }), row({ status: 'Void', total: 4000, balance: 4000 })], statusKinds: { Pending: 'posted', Void: 'draft' } },
    ];
    const all = (n: number) => Array.from({ length: n }, (_, i) => i);
    for (const includeDrafts of [false, true]) {
      const combined = prepareInvoices(combineRows(orgs), combinedRules(statusKindsByOrg(orgs), includeDrafts));
      const own = orgs.map((org) => computeTotals(prepareInvoices(org.rows!, { statusKinds: org.statusKinds, includeDrafts }), all(org.rows!.length))[0]!);
      const [usd] = computeTotals(combined, all(combined.rows.length));
      expect([includeDrafts, usd!.count, usd!.total, usd!.balance]).toEqual([includeDrafts, own[0]!.count + own[1]!.count, own[0]!.total + own[1]!.total, own[0]!.balance + own[1]!.balance]);
    }
  });

  it('splits the rows shown by org, in order', () => {
    const rows = combineRows(parts);
    expect(Object.fromEntries(indexesByOrg(rows, [2, 0, 1]))).toEqual({ 'conn-b': [2], 'conn-a': [0, 1] });
  });

  it('exports each row by its own record id and its connection’s place, with the Org column first', () => {
    const rows = combineRows(parts);
    const request = combinedExport({
      connections: ['conn-a', 'conn-b'],
      rows,
      shown: [2, 0],
      columns: ['org', 'number'],
      asOf: '2026-06-30',
      balancesAsOf: false,
      agingBasis: 'dueDate',
      includeDrafts: false,
      filters: ['Org: Acme US'],
    });
    expect(request.ids).toEqual([shared, shared]);
    expect(request.filters).toEqual(['Org: Acme US']);
    expect(request.combined).toEqual({ connections: ['conn-a', 'conn-b'], orgOf: [1, 0] });
    expect(request.columns).toEqual(['org', 'number', 'agingBucket']);
  });
});
