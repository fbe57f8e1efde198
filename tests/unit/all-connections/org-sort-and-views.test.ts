import { describe, expect, it } from 'vitest';
import { savedViewSchema, viewStateSchema } from '../../../electron/contract/saved-views';
import { combineRows, type OrgPart } from '../../../renderer/src/all-connections/combine-lists';
import { combinedPayments, valuesOfOrgs } from '../../../renderer/src/all-connections/org-values';
import { NO_CUSTOMER, prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { sortedOrder } from '../../../renderer/src/invoices/sort';
import { fitViewState, readViewState, workspaceStateOf, type Available } from '../../../renderer/src/views/view-state';
import { plainViewState, viewState } from '../../support/view-state';
import { noFilters } from '../../../renderer/src/invoices/filters';
import { row } from '../renderer/invoice-fixtures';

// Listed Zeta, then Acme, then Beta: the combined rows come org after org in the connections' order.
const parts: OrgPart[] = [
  { connectionId: 'z', org: 'Zeta Ltd', rows: [row({ number: 'Z-2' }), row({ number: 'Z-1', currency: 'CHF' })] },
  { connectionId: 'a', org: 'Acme EU', rows: [row({ number: 'A-1', customer: null }), row({ number: 'A-3', status: 'Archived' })] },
  { connectionId: 'b', org: 'beta GmbH', rows: [row({ number: 'B-1' })] },
];

describe('sort by Org in All connections', () => {
  it('orders the rows by org name (A…Z, as the other text columns: case-insensitive), each org’s by invoice number (descending too: the tie-break stays)', () => {
    const prepared = prepareInvoices(combineRows(parts));
    const numbers = (desc: boolean) => [...sortedOrder(prepared, { column: 'org', desc }, 0)].map((i) => prepared.rows[i]!.number);
    expect(numbers(false)).toEqual(['A-1', 'A-3', 'B-1', 'Z-1', 'Z-2']);
    expect(numbers(true)).toEqual(['Z-1', 'Z-2', 'B-1', 'A-1', 'A-3']);
  });
});

const connected = [
  { id: 'z', name: 'Zeta Ltd' },
  { id: 'a', name: 'Acme EU' },
];
const all: Available = { ...valuesOfOrgs(parts.map((part) => part.rows)), paymentColumns: true, orgs: connected };

describe('a view of All connections', () => {
  it('keeps the org filter and a sort by Org, and sets them again', () => {
    const state = readViewState({
      filters: noFilters, sorting: [{ id: 'org', desc: false }], visibleColumns: null, agingBasis: 'dueDate', agingAsOf: null,
      currency: { showIn: 'own', basis: 'invoiceDate' }, groupByCustomer: false, orgs: [connected[1]!],
    });
    expect(viewStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({ sort: { column: 'org', desc: false }, orgs: [{ id: 'a', name: 'Acme EU' }] });
    expect(savedViewSchema.safeParse({ id: 'v', name: 'Acme only', connectionId: '*', state }).success).toBe(true);
    const opened = fitViewState(state, all);
    expect(opened.dropped).toEqual([]);
    expect(workspaceStateOf(opened.state)).toMatchObject({ sorting: [{ id: 'org', desc: false }], orgs: [{ id: 'a', name: 'Acme EU' }] });
  });

  it('a view naming an org whose connection is gone opens with the others, and says which (by the name it had)', () => {
    const view = viewState({ orgs: [{ id: 'gone', name: 'Old Sandbox' }, { id: 'z', name: 'Zeta Ltd' }] });
    const { state, dropped } = fitViewState(view, all);
    expect(state.orgs).toEqual([{ id: 'z', name: 'Zeta Ltd' }]);
    expect(dropped).toEqual([{ kind: 'org', value: 'Old Sandbox' }]);
    // Only gone orgs: every org, never an empty grid.
    const onlyGone = fitViewState(viewState({ orgs: [{ id: 'gone', name: 'Old Sandbox' }] }), all);
    expect(onlyGone.state.orgs).toEqual([]);
  });

  it('is checked against what every org has, not only the orgs shown (CHF is only Zeta’s, “no customer” only Acme’s)', () => {
    const { dropped } = fitViewState(viewState({ filters: { currencies: ['CHF'], customer: NO_CUSTOMER, statuses: ['Archived'] } }), all);
    expect(dropped).toEqual([]);
  });

  it('opened in one org’s workspace, its org filter means nothing and its sort by Org is the default sort — nothing said', () => {
    const { orgs, ...oneOrg } = all;
    expect(orgs).toBeDefined();
    const { state, dropped } = fitViewState(viewState({ sort: { column: 'org', desc: true }, orgs: [{ id: 'z', name: 'Zeta Ltd' }] }), oneOrg);
    expect(state.sort).toEqual(plainViewState.sort);
    expect(state).not.toHaveProperty('orgs');
    expect(dropped).toEqual([]);
  });

  it('refuses an org filter that is not a list of connections (or over 100 of them) and a sort by an unknown column', () => {
    const ok = (state: unknown) => viewStateSchema.safeParse(state).success;
    expect(ok({ ...plainViewState, orgs: Array.from({ length: 101 }, (_, k) => ({ id: `c${k}`, name: 'x' })) })).toBe(false);
    expect(ok({ ...plainViewState, orgs: ['z'] })).toBe(false);
    expect(ok({ ...plainViewState, orgs: [{ id: 'z', name: 'Zeta', admin: true }] })).toBe(false);
    expect(ok({ ...plainViewState, sort: { column: 'secret', desc: false } })).toBe(false);
  });

  it('the payment columns count as readable when some org can read its payments', () => {
    expect(combinedPayments(['none', 'available'])).toBe('available');
    expect(combinedPayments(['unreadable', 'none'])).toBe('unreadable');
    expect(combinedPayments([undefined])).toBeUndefined();
  });
});
