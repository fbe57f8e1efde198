import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceListRow, InvoiceRow } from '../../../electron/contract';
import { customerDirectory } from '../../../electron/contract/customer-directory';
import { createListParts } from '../../../renderer/src/workspace/list-parts';
import type { LoadRules } from '../../../renderer/src/workspace/list-sums';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { amountColumns } from '../../../renderer/src/invoices/amount-columns';
import { numberKeysOf } from '../../../renderer/src/invoices/number-keys';
import { prepareInvoices, type ReceivableRules } from '../../../renderer/src/invoices/prepared';
import { cardCollection } from '../../../renderer/src/receivables/card-collection';
import { rowsMatching, warmSearchParts } from '../../../renderer/src/invoices/text-search';
import { row } from './invoice-fixtures';

// Customers as a copy holds them: accounts renamed between syncs (the newer stamp has the name now), two accounts of
// one name, plain names, none; names whose lower case is longer (İ); statuses, currencies and dates of every shape.
const customers: Pick<InvoiceRow, 'customer' | 'customerId'>[] = [
  { customer: 'Acme GmbH', customerId: '001A' },
  { customer: 'Acme (old)', customerId: '001A' },
  { customer: 'Acme GmbH', customerId: '001B' },
  { customer: 'İstanbul Ticaret', customerId: '001C' },
  { customer: null, customerId: '001D' },
  { customer: '', customerId: undefined },
  { customer: null, customerId: undefined },
  { customer: 'Straße & Co', customerId: undefined },
  { customer: 'Zeta', customerId: '001E' },
  { customer: 'zeta', customerId: undefined },
];
const statuses = ['Posted', 'Draft', 'Canceled', null, 'Pending', 'posted'];
const currencies = ['USD', 'EUR', 'JPY', 'eur'];
const dates = ['2026-01-05', '2025-12-31', '', null, '2026-02-30', 'not a date', '2024-02-29'];

/**
 * `numbers`: all of one shape (a prefix and digits: the sort keys' fast path), one off the shape in a later window, or
 * of many shapes (lower-case longer than upper: İ).
 */
function listOf(n: number, numbers: 'plain' | 'one off' | 'mixed' = 'mixed'): InvoiceListRow[] {
  const numberOf = (k: number) => (numbers === 'plain' || (numbers === 'one off' && k !== n - 7) ? `INV-${k}` : k % 97 === 0 || numbers === 'one off' ? `INV-İ${k}` : `INV-${k}`);
  return Array.from({ length: n }, (_, k) => ({
    ...row({
      number: numberOf(k),
      ...customers[(k * 7) % customers.length]!,
      status: statuses[(k * 5) % statuses.length]!,
      currency: currencies[(k * 3) % currencies.length]!,
      invoiceDate: dates[k % dates.length]!,
      dueDate: dates[(k * 11) % dates.length]!,
      lastModified: k % 4 === 0 ? null : `2026-0${1 + (k % 9)}-0${1 + (k % 7)}T10:00:00.000Z`,
      total: k % 13 === 0 ? null : 100 + ((k * 37) % 1000) / 7,
      balance: k % 6 === 0 ? 0 : k % 17 === 0 ? null : ((k * 53) % 900) / 3,
    }),
    // Paid in full, some (the cards' days to pay).
    fullyPaidOn: k % 6 === 0 ? dates[(k * 3) % dates.length]! : null,
    daysToPay: k % 6 === 0 ? k % 40 : null,
  }));
}

/** The list cut into windows of these sizes (the last takes what is left). */
function windowsOf(rows: InvoiceListRow[], sizes: number[]): InvoiceListRow[][] {
  const out: InvoiceListRow[][] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(rows.slice(at, at + size));
    at += size;
  }
  out.push(rows.slice(at));
  return out;
}

const rules: ReceivableRules = { statusKinds: { Draft: 'draft', Pending: 'draft', Canceled: 'cancelled' }, includeDrafts: true };
/** The view's rules as the list loads (the workspace's): what the sums of every row are made under, window by window. */
const AS_OF = 20_460;
const loadRules: LoadRules = { ...rules, asOfDay: AS_OF, basis: 'dueDate', cutOff: false };
const underRules = () => loadRules;
const queries = ['a', 'acme', 'i̇s', 'inv-1', 'ße', 'zeta', '0', 'inv-i̇'];

/** Everything the parts feed, as the user meets it: the prepared columns, the search's rows, the customer directory. */
function whatTheViewReads(rows: readonly InvoiceListRow[]) {
  const prepared = prepareInvoices(rows, rules);
  warmSearchParts(prepared.search);
  const directory = customerDirectory(rows);
  const amounts = amountColumns(prepared);
  const every = Uint32Array.from(rows, (_, i) => i);
  const some = every.filter((i) => i % 3 === 0);
  const most = every.filter((i) => i % 5 !== 0);
  return {
    invoiceDay: [...prepared.invoiceDay],
    dueDay: [...prepared.dueDay],
    statuses: prepared.statuses,
    currencies: prepared.currencies,
    customers: prepared.customers,
    kind: [...prepared.kind],
    counted: [...prepared.counted],
    text: prepared.search.text,
    starts: [...prepared.search.starts],
    found: queries.map((query) => [...rowsMatching(prepared.search, query)]),
    keys: directory.keys,
    labels: directory.keys.map((key) => directory.label(key)),
    byLabel: directory.keys.map((key) => directory.keyOfLabel(directory.label(key))),
    has: ['Acme GmbH', 'zeta', 'Zeta', 'Nobody', directory.keys[0]!].map((key) => directory.has(key)),
    numberKeys: [...numberKeysOf(rows)],
    codes: amounts.codes,
    currency: [...amounts.currency],
    totals: [...amounts.total],
    balances: [...amounts.balance],
    open: [...amounts.open],
    // The cards' DSO and days to pay over every row and over some, as of a day and cut off at it.
    cards: [cardCollection(prepared, every, AS_OF, false), cardCollection(prepared, some, AS_OF, true), cardCollection(prepared, most, AS_OF, false), cardCollection(prepared, every, AS_OF, true)].map((m) => [...m]),
    // The cards' totals and aging over every row, most (the sums of every row less the rows left out) and some; on both bases and another day.
    cardTotals: [every, most, some].map((set) => computeTotals(prepared, set)),
    aging: [computeAging(prepared, every, AS_OF, 'dueDate'), computeAging(prepared, every, AS_OF, 'invoiceDate'), computeAging(prepared, every, AS_OF + 45, 'dueDate'), computeAging(prepared, most, AS_OF, 'dueDate'), computeAging(prepared, some, AS_OF, 'invoiceDate')],
  };
}

describe('the complete list’s parts, made window by window as the list loads (workspace/list-parts.ts)', () => {
  it.each(['mixed', 'plain', 'one off'] as const)('joins to exactly what one pass over the whole list makes, however the list is cut into windows (numbers: %s)', (numbers) => {
    const rows = listOf(1_500, numbers);
    const scratch = whatTheViewReads([...rows]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 6 }), (sizes) => {
        const all = [...rows];
        const parts = createListParts(underRules);
        for (const window of windowsOf(all, sizes)) parts.add(window);
        expect(parts.join(all)).toBe(true);
        expect(whatTheViewReads(all)).toEqual(scratch);
      }),
      { numRuns: 15 },
    );
  });

  it('the sums of every row made under the load’s rules are what the view adds up — taken for those rules only; under others, or rules changed between windows, the view adds up its own', () => {
    const rows = listOf(1_200);
    const scratch = whatTheViewReads([...rows]);
    const cases: [string, () => LoadRules | null][] = [
      ['the same rules', underRules],
      ['no rules yet', () => null],
      ['drafts not included', () => ({ ...loadRules, includeDrafts: false })],
      ['other statuses', () => ({ ...loadRules, statusKinds: { Posted: 'draft' } })],
      ['another day', () => ({ ...loadRules, asOfDay: AS_OF - 30 })],
      ['the invoice date', () => ({ ...loadRules, basis: 'invoiceDate' })],
      ['cut off at the day', () => ({ ...loadRules, cutOff: true })],
    ];
    for (const [name, rulesNow] of cases) {
      for (const changed of [false, true]) {
        const all = [...rows];
        let asked = 0;
        // `changed`: the first window's sums are made under the view's rules, the later ones' under these (a setting changed meanwhile).
        const parts = createListParts(() => (changed && asked++ === 0 ? loadRules : rulesNow()));
        for (const window of windowsOf(all, [200, 500])) parts.add(window);
        expect(parts.join(all), name).toBe(true);
        expect(whatTheViewReads(all), `${name}${changed ? ', changed between windows' : ''}`).toEqual(scratch);
      }
    }
  });

  it('the rows’ kinds joined under the view’s rules are taken: the statuses are not read again', () => {
    const all = listOf(600);
    const parts = createListParts(underRules);
    for (const window of windowsOf(all, [250])) parts.add(window);
    expect(parts.join(all)).toBe(true);
    const status = all[400]!.status;
    Object.defineProperty(all[400]!, 'status', { get: () => { throw new Error('read again'); } });
    expect(prepareInvoices(all, rules).kind[400]).toBe(status === 'Canceled' ? 2 : status === 'Draft' || status === 'Pending' ? 1 : 0);
    expect(() => prepareInvoices(all, { ...rules, includeDrafts: false })).toThrow('read again');
  });

  it('an account renamed in a later window is shown by its newer name, as in one pass', () => {
    const older = row({ customer: 'Old Name Ltd', customerId: '001X', lastModified: '2026-01-01T00:00:00.000Z' });
    const newer = row({ customer: 'New Name Ltd', customerId: '001X', lastModified: '2026-03-01T00:00:00.000Z' });
    const stale = row({ customer: 'Old Name Ltd', customerId: '001X', lastModified: '2026-02-01T00:00:00.000Z' });
    const all = [older, newer, stale];
    const parts = createListParts(underRules);
    [[older], [newer], [stale]].forEach((window) => parts.add(window));
    expect(parts.join(all)).toBe(true);
    expect(customerDirectory(all).keys.map((key) => customerDirectory(all).label(key))).toEqual(['New Name Ltd']);
  });

  it('joins nothing for rows that are not the windows added, in order — a window missed, two swapped, other rows — and those rows are still prepared exactly', () => {
    const rows = listOf(900);
    const scratch = whatTheViewReads([...rows]);
    const cases: [string, (windows: InvoiceListRow[][]) => InvoiceListRow[][]][] = [
      ['a window missed', (windows) => windows.filter((_, k) => k !== 1)],
      ['two windows swapped', (windows) => [windows[1]!, windows[0]!, ...windows.slice(2)]],
      ['a window of other rows', (windows) => [windows[0]!, windows[1]!.map((r) => ({ ...r })), ...windows.slice(2)]],
      ['one window too many', (windows) => [...windows, windows[2]!]],
    ];
    for (const [name, change] of cases) {
      const all = [...rows];
      const parts = createListParts(underRules);
      for (const window of change(windowsOf(all, [100, 300, 200]))) parts.add(window);
      expect(parts.join(all), name).toBe(false);
      expect(whatTheViewReads(all), name).toEqual(scratch);
    }
  });

  it('joins nothing when a part failed on a window (that kind a window short), and the rows are still prepared exactly', () => {
    const rows = listOf(900);
    const scratch = whatTheViewReads([...rows]);
    const all = [...rows];
    // A row whose customer cannot be read the first time it is asked (the search text's part reads it first).
    const flaky = { ...all[450]! };
    let reads = 0;
    Object.defineProperty(flaky, 'customer', {
      get: () => {
        if (reads++ === 0) throw new Error('not readable yet');
        return rows[450]!.customer;
      },
    });
    all[450] = flaky;
    const parts = createListParts(underRules);
    for (const window of windowsOf(all, [300, 300])) parts.add(window);
    expect(parts.join(all)).toBe(false);
    expect(whatTheViewReads(all)).toEqual(scratch);
  });
});
