import { describe, expect, it } from 'vitest';
import { channels, LIST_WINDOW_MAX, type InvoiceListRow } from '../../../electron/contract';
import { decodeInvoiceColumns, encodeInvoiceColumns, NUMBER_NULL, STRING_ABSENT, STRING_NULL } from '../../../electron/contract/invoice-columns';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher';
import { createSenderCheck } from '../../../electron/core/ipc/sender-check';
import { row } from '../renderer/invoice-fixtures';

const renderer = 'app://budgetly/index.html';

/** Rows of every kind a list window holds: nulls, optional fields absent or present (null too), JPY, negatives, -0. */
function mixedRows(): InvoiceListRow[] {
  return [
    row({ customer: 'Acme', customerId: '001000000000001AAA', lastModified: '2026-11-01T10:00:00.000Z' }),
    row({ customer: null, invoiceDate: null, dueDate: null, status: null, total: null, balance: null, currency: 'JPY' }),
    { ...row({ customer: 'Acme', total: 1234.56, balance: -0.01 }), paid: 1000, credited: 234.57, lastPaymentDate: '2026-02-01', fullyPaidOn: null, daysToPay: null },
    { ...row({ customer: 'Zeta GmbH', currency: 'EUR', total: 0, balance: -0 }), paid: 0, credited: 0, lastPaymentDate: null, fullyPaidOn: '2026-03-04', daysToPay: 62 },
    { ...row({ customer: 'Émile & Söhne "Ltd", 東京', number: '' + 'INV-ü-1', total: 1e15 + 0.5 }), paid: 12.3 },
    row({ customer: 'Acme', status: 'Draft', total: -50, balance: -50, currency: 'JPY' }),
  ];
}

describe('a list window as columns (issue #19)', () => {
  it('decodes to exactly the rows encoded: the same values, the same fields present, null kept apart from absent', () => {
    const rows = mixedRows();
    const decoded = decodeInvoiceColumns(encodeInvoiceColumns(rows));
    expect(decoded).toStrictEqual(rows);
    // toStrictEqual treats -0 and 0 as different: the sign of a zero balance survives too.
    expect(Object.is(decoded[3]!.balance, -0)).toBe(true);
    expect(Object.keys(decoded[0]!)).not.toContain('paid');
    expect('daysToPay' in decoded[2]!).toBe(true);
    expect(decoded[2]!.daysToPay).toBeNull();
  });

  it('holds each distinct string once, however many rows carry it', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row({ customer: `Customer ${i % 10}`, currency: i % 2 ? 'USD' : 'EUR', invoiceDate: '2026-01-01', dueDate: '2026-01-31' }));
    const columns = encodeInvoiceColumns(rows);
    // 10 customers + 2 currencies + 2 dates + 1 status; the 1,000 ids and numbers each in one text, not a string apiece.
    expect(columns.strings).toHaveLength(15);
    expect(columns.own.id).toBe(rows.map((r) => r.id).join(''));
    expect(columns.own.number).toBe(rows.map((r) => r.number).join(''));
    expect(decodeInvoiceColumns(columns)).toStrictEqual(rows);
  });

  it('decodes windows whose rows all have (or all lack) the account id and the payment figures — every field from its own column', () => {
    // Every value distinct per field and row, so a field read from another column (or another row) shows.
    const base = (i: number) => row({ customer: `Customer ${i}`, invoiceDate: `2026-01-${String(10 + i).padStart(2, '0')}`, dueDate: `2026-02-${String(10 + i).padStart(2, '0')}`, status: `Status ${i}`, total: 100 + i, balance: 50 + i, currency: `C${i}`, lastModified: `2026-11-0${i + 1}T10:00:00.000Z` });
    const accountsOnly = Array.from({ length: 5 }, (_, i) => ({ ...base(i), customerId: `001000000000000A${String(i).padStart(2, '0')}` }));
    const withFigures = accountsOnly.map((r, i) => ({ ...r, paid: 10 + i, credited: 20 + i, lastPaymentDate: i === 1 ? null : `2026-03-${String(10 + i).padStart(2, '0')}`, fullyPaidOn: i === 2 ? null : `2026-04-${String(10 + i).padStart(2, '0')}`, daysToPay: i === 3 ? null : 30 + i }));
    const neither = Array.from({ length: 5 }, (_, i) => base(i));
    for (const rows of [accountsOnly, withFigures, neither, [...accountsOnly, ...neither], [...withFigures, ...accountsOnly]]) {
      const decoded = decodeInvoiceColumns(encodeInvoiceColumns(rows));
      expect(decoded).toStrictEqual(rows);
      decoded.forEach((r, i) => expect(Object.keys(r)).toEqual(Object.keys(rows[i]!)));
    }
  });

  it('holds a shared value once over the windows of one load (the map given), ids, numbers and instants not', () => {
    const window = (from: number) => Array.from({ length: 100 }, (_, i) => row({ customer: `Customer ${(from + i) % 7}`, customerId: `001000000000000A0${(from + i) % 7}`, currency: 'EUR', lastModified: `2026-11-01T10:00:${String(i % 60).padStart(2, '0')}.000Z` }));
    const shared = new Map<string, string>();
    const first = window(0);
    const second = window(3);
    expect(decodeInvoiceColumns(encodeInvoiceColumns(first), shared)).toStrictEqual(first);
    expect(decodeInvoiceColumns(encodeInvoiceColumns(second), shared)).toStrictEqual(second);
    // 7 customers, their 7 account ids, one currency, one status, the two dates of the fixture.
    expect([...shared.keys()].sort()).toEqual([...new Set([...first, ...second].flatMap((r) => [r.customer!, r.customerId!, r.currency, r.status!, r.invoiceDate!, r.dueDate!]))].sort());
  });

  it('an empty window is empty', () => {
    expect(decodeInvoiceColumns(encodeInvoiceColumns([]))).toEqual([]);
  });

  it.each([
    ['a column shorter than the window', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.numbers.balance = c.numbers.balance.slice(1)), 'balance column'],
    ['a place outside the string table', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.text.customer[2] = c.strings.length + 5), 'customer of row 2'],
    ['a row without an id', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.text.id[1] = STRING_ABSENT), 'row 1 has no id'],
    ['marks of another length', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.missing.total = new Uint8Array(2)), 'total marks'],
    // A mark that is none of present / null / absent, and null where the row contract has none: each made a row the
    // contract refuses (paid: null, customerId: null), with no error.
    ['a mark that means nothing', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.missing.balance = new Uint8Array(6).fill(7, 4, 5)), 'balance of row 4 is marked 7'],
    ['a paid amount marked null', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.missing.paid![2] = NUMBER_NULL), 'paid of row 2 is marked 1'],
    ['a customer account id that is null', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.text.customerId[0] = STRING_NULL), 'customerId of row 0 is null'],
    // The own texts: each row's value ends where the next one's starts, and the last one at the text's end.
    ['an id that ends past the window’s ids', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.text.id[5] = c.own.id.length + 1), 'id of row 5 lies outside'],
    ['a number that ends before the previous one', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.text.number[3] = c.text.number[1]! - 1), 'number of row 3 lies outside'],
    ['ids with text no row holds', (c: ReturnType<typeof encodeInvoiceColumns>) => void (c.own.id += 'a0B9'), 'id text holds more'],
    ['no instants text', (c: ReturnType<typeof encodeInvoiceColumns>) => void delete (c.own as Partial<typeof c.own>).lastModified, 'no lastModified text'],
  ])('refuses %s with a clear error and makes no row', (_name, spoil, message) => {
    const columns = encodeInvoiceColumns(mixedRows());
    spoil(columns);
    expect(() => decodeInvoiceColumns(columns)).toThrow(`The invoice list window is malformed: `);
    expect(() => decodeInvoiceColumns(columns)).toThrow(message);
  });

  it('the contract accepts what the core sends and refuses columns of the wrong kind', () => {
    const answer = { total: 6, offset: 0, version: 'v', payments: 'available', syncedAt: null, object: 'Invoice', statusKinds: {}, warnings: [] };
    const output = channels['invoices.listColumns'].output;
    expect(output.safeParse({ ...answer, columns: encodeInvoiceColumns(mixedRows()) }).success).toBe(true);
    const columns = encodeInvoiceColumns(mixedRows());
    expect(output.safeParse({ ...answer, columns: { ...columns, text: { ...columns.text, id: Array.from(columns.text.id) } } }).success).toBe(false);
  });
});

describe('invoices.listColumns windows (zod)', () => {
  const calls: unknown[] = [];
  const dispatch = createDispatcher(
    {
      'invoices.listColumns': (input) => {
        calls.push(input);
        return { columns: encodeInvoiceColumns([]), total: 0, offset: 0, version: 'none', payments: 'notSynced', syncedAt: null, object: null, statusKinds: {}, warnings: [] };
      },
    },
    createSenderCheck(renderer),
  );

  it('accepts the windows invoices.list accepts', async () => {
    await expect(dispatch('invoices.listColumns', { connectionId: 'c1', offset: 500, limit: LIST_WINDOW_MAX }, renderer)).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual([{ connectionId: 'c1', offset: 500, limit: LIST_WINDOW_MAX }]);
  });

  it.each([
    ['a limit above the cap', { offset: 0, limit: LIST_WINDOW_MAX + 1 }, 'limit'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['an extra key', { offset: 0, columns: ['id'] }, 'columns'],
  ])('refuses %s with a clear INVALID_INPUT naming the field, before the handler runs', async (_name, window, field) => {
    const before = calls.length;
    const result = await dispatch('invoices.listColumns', { connectionId: 'c1', ...window }, renderer);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((result as { error: { message: string } }).error.message).toContain(field);
    expect(calls).toHaveLength(before);
  });
});
