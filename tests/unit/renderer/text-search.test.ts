import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterMask, noFilters } from '../../../renderer/src/invoices/filters';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { buildSearchText, rowsMatching, warmSearchParts } from '../../../renderer/src/invoices/text-search';
import { row } from './invoice-fixtures';

/** What the search box always meant: the row's number or customer, lower-cased, holds the query. */
const naive = (rows: ReturnType<typeof row>[], query: string) =>
  rows.flatMap((r, i) => (`${r.number}\u0001${r.customer ?? ''}`.toLocaleLowerCase().includes(query) ? [i] : []));

describe('the search over one string of every row', () => {
  const names = ['Acme GmbH', 'ACME Corp', 'İstanbul Ticaret', 'Straße & Co', 'acme', null, '', 'Zeta', 'Åland Oy', 'Ac'];
  const rows = Array.from({ length: 3_000 }, (_, k) => row({ number: `INV-${k}`, customer: names[(k * 7) % names.length]! }));
  const search = buildSearchText(rows);

  it('finds exactly the rows whose number or customer holds the text, while typing on and deleting', () => {
    // Typing a name and deleting it again: each query narrows the last one or starts over.
    const typed = ['a', 'ac', 'acm', 'acme', 'acme ', 'acme g', 'acme', 'ac', 'a', 'i̇', 'i̇s', 'inv-1', 'inv-12', 'inv-129', '9', 'ße', 'ss', '\u0001acme', 'y'];
    for (const query of typed) expect([...rowsMatching(search, query)], query).toEqual(naive(rows, query));
  });

  it('searches each customer once (a first letter matches most rows) with the same rows, and a number holding a separator whole', () => {
    const queries = ['a', 'c', 'e', 'i', 'n', 'v', '-', '1', ' ', 'z', 'i̇s', 'ße', 'acme c', 'inv-12'];
    const before = queries.map((query) => [...rowsMatching(search, query)]);
    warmSearchParts(search);
    queries.forEach((query, k) => {
      expect([...rowsMatching(search, query)], query).toEqual(naive(rows, query));
      expect(before[k], query).toEqual(naive(rows, query));
    });
    const odd = [row({ number: 'INV\u00011', customer: 'Acme' }), row({ number: 'INV-2', customer: 'Zeta' })];
    const oddSearch = buildSearchText(odd);
    warmSearchParts(oddSearch);
    for (const query of ['a', 'inv', '1acme', '\u00011']) expect([...rowsMatching(oddSearch, query)], query).toEqual(naive(odd, query));
  });

  it('never matches across two rows, nor text holding the rows’ separator', () => {
    // INV-1's text ends in 'ac' (customer "Ac"), the next row starts with 'inv-': no row holds 'acinv'.
    expect([...rowsMatching(search, 'acinv')]).toEqual([]);
    expect([...rowsMatching(search, 'ac\u0000inv')]).toEqual([]);
    expect(naive(rows, 'acinv')).toEqual([]);
  });

  it('gives the workspace filter the same rows as a pass over each row, after another list was searched', () => {
    const other = prepareInvoices(rows.slice(0, 100));
    filterMask(other, { ...noFilters, search: 'ac' }, { asOfDay: 0, agingBasis: 'dueDate' });
    const prepared = prepareInvoices(rows);
    // 'acme' extends 'ac', but 'ac' was searched in another list: this one is searched whole.
    const mask = filterMask(prepared, { ...noFilters, search: '  ACME ' }, { asOfDay: 0, agingBasis: 'dueDate' });
    expect(mask.reduce((found: number[], on, i) => (on ? [...found, i] : found), [])).toEqual(naive(rows, 'acme'));
  });

  it('loses no row and adds none while typing on (searched within the last rows) or deleting, at any size of the last answer', () => {
    // Numbers that all start alike (a query within `inv-` is in every number) and some that hold letters of names; keys
    // typed and deleted at random, so a query extends the last one, follows a deletion, or extends one no number held.
    const numbers = ['INV-001', 'INV-012', 'INV-1A', 'INV-ACME', 'INV-9', 'INV-20'];
    const customers = ['Acme GmbH', 'acne', 'Nova', 'İnci', 'Ivy & Vine', 'Straße', null, ''];
    const anyRows = fc.array(fc.record({ number: fc.constantFrom(...numbers), customer: fc.constantFrom(...customers) }), { minLength: 1, maxLength: 90 });
    const keys = fc.array(fc.oneof(fc.constantFrom(...'acmeinv-019 ßsi̇'), fc.constant('⌫')), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(anyRows, keys, fc.boolean(), (fields, typed, warm) => {
        const rows = fields.map((f) => row(f));
        const search = buildSearchText(rows);
        if (warm) warmSearchParts(search);
        let query = '';
        for (const key of typed) {
          query = key === '⌫' ? query.slice(0, -1) : query + key;
          if (query === '') continue;
          expect([...rowsMatching(search, query)], query).toEqual(naive(rows, query));
        }
      }),
      { numRuns: 400 },
    );
  });
});
