import { describe, expect, it } from 'vitest';
import { savedViewSchema, viewColumnIds, viewStateSchema } from '../../../electron/contract/saved-views';
import { invoiceColumns } from '../../../renderer/src/invoices/columns';
import { noFilters } from '../../../renderer/src/invoices/filters';
import { fitViewState, readViewState, workspaceStateOf, type Available, type WorkspaceState } from '../../../renderer/src/views/view-state';
import { plainViewState, viewState } from '../../support/view-state';
import { unreadableColumns } from '../../../renderer/src/views/unreadable-columns';

const everything: Available = { currencies: ['EUR', 'USD'], customers: ['Acme', 'Globex'], statuses: ['Posted', 'Draft'], paymentColumns: true };

const workspace: WorkspaceState = {
  filters: { ...noFilters, search: 'inv-1', currencies: ['EUR'], statuses: ['Posted'], dueDateFrom: '2026-01-01', overdueOnly: true, aging: '31-60', customer: 'Acme', changedSince: '2026-11-01T08:00:00.000Z', partlyPaid: true },
  sorting: [{ id: 'balance', desc: true }],
  visibleColumns: ['number', 'customer', 'balance', 'paid'],
  agingBasis: 'invoiceDate',
  agingAsOf: '2026-06-30',
  currency: { showIn: 'corporate', basis: 'asOf' },
  groupByCustomer: true,
  columnWidths: { customer: 20, balance: 7.5 },
};

describe('a view is the workspace as data', () => {
  it('the contract names exactly the grid’s columns (a column added to the grid must be added to views too)', () => {
    expect([...viewColumnIds]).toEqual(invoiceColumns.map((column) => column.id));
  });

  it('reading the workspace gives a valid view that applies back to the same workspace', () => {
    const view = readViewState(workspace);
    expect(viewStateSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({ asOf: '2026-06-30', agingBasis: 'invoiceDate', sort: { column: 'balance', desc: true }, columns: ['number', 'customer', 'balance', 'paid'], groupByCustomer: true });
    expect(workspaceStateOf(fitViewState(view, everything).state)).toEqual(workspace);
  });

  it('"today" stays a rule, not the day it was saved; default columns are written out', () => {
    const view = readViewState({ ...workspace, agingAsOf: null, visibleColumns: null, sorting: [] });
    expect(view.asOf).toBeNull();
    expect(view.columns).toEqual(plainViewState.columns);
    expect(view.sort).toEqual({ column: 'invoiceDate', desc: true });
  });

  it('refuses what no workspace could hold: unknown columns, bad dates, lower-case currencies, extra keys, a later version', () => {
    const bad = [
      { ...plainViewState, columns: ['number', 'secretField'] },
      { ...plainViewState, version: 2 },
      viewState({ filters: { dueDateFrom: '31.12.2026' } }),
      viewState({ filters: { currencies: ['eur'] } }),
      { ...plainViewState, extra: true },
      viewState({ filters: { changedSince: 'yesterday' } }),
    ];
    for (const state of bad) expect(viewStateSchema.safeParse(state).success, JSON.stringify(state)).toBe(false);
  });

  it('a view name is one line of at most 80 characters', () => {
    const named = (name: string) => savedViewSchema.safeParse({ id: 'v1', name, connectionId: 'c1', state: plainViewState }).success;
    expect(named('EUR overdue > 60 days')).toBe(true);
    expect(named('x'.repeat(80))).toBe(true);
    expect(named('x'.repeat(81))).toBe(false);
    expect(named('   ')).toBe(false);
    expect(named('two\nlines')).toBe(false);
    expect(named('bell\u0007')).toBe(false);
    expect(named('c1 control\u0085')).toBe(false);
  });
});

describe('column widths in a view (#21: "visible columns and widths")', () => {
  it('a view keeps the widths the user set and sets them again when opened', () => {
    const view = readViewState(workspace);
    expect(view.widths).toEqual({ customer: 20, balance: 7.5 });
    expect(workspaceStateOf(fitViewState(view, everything).state).columnWidths).toEqual({ customer: 20, balance: 7.5 });
  });

  it('the grid’s own widths (none set) are kept as such: opening the view gives every column its own width back', () => {
    const view = readViewState({ ...workspace, columnWidths: undefined });
    expect(view.widths).toEqual({});
    expect(workspaceStateOf(view).columnWidths).toEqual({});
  });

  it('a view saved before widths existed opens as it did: the widths on screen are left as they are', () => {
    const before = viewState();
    expect('widths' in before).toBe(false);
    expect(viewStateSchema.parse(before)).toEqual(before);
    expect('columnWidths' in workspaceStateOf(before)).toBe(false);
  });

  it('refuses widths that are not numbers in a sane range, or of a column the grid does not have', () => {
    const withWidths = (widths: unknown) => viewStateSchema.safeParse({ ...plainViewState, widths }).success;
    expect(withWidths({ customer: 3, number: 40, org: 12.25 })).toBe(true);
    for (const bad of [{ customer: 0 }, { customer: -5 }, { customer: 2.9 }, { customer: 40.5 }, { customer: 1e308 }, { customer: '20' }, { customer: null }, { secretField: 10 }, JSON.parse('{"__proto__":10}'), [10, 20], 'wide'])
      expect(withWidths(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('a view that names what the org no longer has', () => {
  it('opens without the missing currency, customer and status, and says each', () => {
    const view = viewState({ filters: { currencies: ['EUR', 'CHF'], statuses: ['Posted', 'Voided'], customer: 'Initech' } });
    const { state, dropped } = fitViewState(view, everything);
    expect(state.filters).toMatchObject({ currencies: ['EUR'], statuses: ['Posted'], customer: null });
    expect(dropped).toEqual([
      { kind: 'currency', value: 'CHF' },
      { kind: 'status', value: 'Voided' },
      { kind: 'customer', value: 'Initech' },
    ]);
  });

  it('a filter on only missing currencies becomes no currency filter (every currency), never an empty grid', () => {
    const { state } = fitViewState(viewState({ filters: { currencies: ['CHF'] } }), everything);
    expect(state.filters.currencies).toEqual([]);
  });

  it('payment columns whose objects field-level security hides are left out, with their sort and their filters', () => {
    const view = viewState({ columns: ['number', 'balance', 'paid', 'daysToPay'], sort: { column: 'daysToPay', desc: true }, filters: { paidLate: true } });
    const { state, dropped } = fitViewState(view, { ...everything, paymentColumns: false });
    expect(state.columns).toEqual(['number', 'balance']);
    expect(state.sort).toEqual({ column: 'invoiceDate', desc: true });
    expect(state.filters.paidLate).toBe(false);
    expect(dropped).toEqual([{ kind: 'column', value: 'paid' }, { kind: 'column', value: 'daysToPay' }, { kind: 'paymentFilters' }]);
  });

  it('an invoice field field-level security hides (the mapping dropped it) is left out as a column, with its sort, and said', () => {
    const view = viewState({ columns: ['number', 'customer', 'dueDate', 'balance'], sort: { column: 'dueDate', desc: false } });
    const { state, dropped } = fitViewState(view, { ...everything, unreadableColumns: unreadableColumns([{ fields: { number: 'Name', customer: 'AccountId', balance: 'Balance' } }]) });
    expect(state.columns).toEqual(['number', 'customer', 'balance']);
    expect(state.sort).toEqual({ column: 'invoiceDate', desc: true });
    expect(dropped).toEqual([{ kind: 'column', value: 'dueDate' }]);
  });

  it('a field is unreadable only when no org can read it, and only when every org’s mapping is known', () => {
    const a = { fields: { number: 'Name', dueDate: 'DueDate' } };
    const b = { fields: { number: 'Name' } };
    expect(unreadableColumns([a, b])).not.toContain('dueDate');
    expect(unreadableColumns([b])).toEqual(['customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'lastModified']);
    // The number is always there; a hidden currency is the org's corporate currency.
    expect(unreadableColumns([b])).not.toContain('currency');
    expect(unreadableColumns([b, null])).toEqual([]);
    expect(unreadableColumns([])).toEqual([]);
  });

  it('a view of what the org has opens whole, nothing said', () => {
    const view = readViewState(workspace);
    expect(fitViewState(view, everything)).toEqual({ state: view, dropped: [] });
  });
});
