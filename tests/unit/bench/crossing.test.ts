import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import { decodeInvoiceColumns, encodeInvoiceColumns } from '../../../electron/contract/invoice-columns';
import { crossingOf, startPartServer, type PartServer } from '../../../scripts/bench/lib/crossing';
import { takeAnswer } from '../../../scripts/bench/page/probe-crossing';

/**
 * The bench's crossing of a list window from its core to its page (scripts/bench/lib/crossing.ts → page/probe-crossing.ts),
 * run here in Node (the probe's fetch, TextDecoder and atob are Node's too) over a real loopback server: the page must get
 * the answer the core gave, each typed array on a backing store of its own as a structured clone gives them.
 */
const customers = ['Acme GmbH', 'İstanbul Ticaret', 'Straße & Co', '北京贸易', 'Zeta 🚀', null];
function rowsOf(n: number, number: (k: number) => string = (k) => `INV-${k}`): InvoiceListRow[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `a0${String(k).padStart(16, '0')}`,
    number: number(k),
    customer: customers[k % customers.length]!,
    ...(k % 3 === 0 ? {} : { customerId: `001${k % 50}` }),
    invoiceDate: k % 11 === 0 ? null : `2026-0${1 + (k % 9)}-1${k % 10}`,
    dueDate: '2026-12-31',
    status: k % 2 ? 'Posted' : 'Paid',
    total: k % 13 === 0 ? null : 100 + k / 7,
    balance: k % 5 === 0 ? -0 : k * 0.1,
    currency: k % 4 ? 'EUR' : 'JPY',
    lastModified: k % 4 === 0 ? null : `2026-01-0${1 + (k % 9)}T10:00:00.000Z`,
    ...(k % 6 === 0 ? { paid: k, credited: 0, fullyPaidOn: '2026-02-01', daysToPay: k % 40 } : {}),
  }));
}
const answerOf = (rows: InvoiceListRow[]) => ({ ok: true, value: { offset: 500, total: 100_000, columns: encodeInvoiceColumns(rows) } });
const typedArraysOf = (value: unknown): ArrayBufferView[] =>
  ArrayBuffer.isView(value) ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(typedArraysOf) : [];

let server: PartServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("the bench's crossing of a list window", () => {
  it('binary: the page gets the core\'s answer, the typed arrays\' bytes and the long texts beside a small JSON header', async () => {
    server = await startPartServer('binary');
    const rows = rowsOf(3_000, (k) => (k % 97 === 0 ? `INV-İ${k}-€` : `INV-${k}`));
    const answer = answerOf(rows);
    const text = server.pack('invoices.listColumns', answer);
    const header = JSON.parse(text) as { $binary: { url: string; parts: [string, number][] } };
    const kinds = header.$binary.parts.map(([kind]) => kind);
    // 11 text cells, 5 numbers, the marks of the number fields not always present; the three own fields' texts.
    expect(kinds.filter((kind) => kind === 'Uint32Array')).toHaveLength(11);
    expect(kinds.filter((kind) => kind === 'Float64Array')).toHaveLength(5);
    expect(kinds.filter((kind) => kind === 'utf8')).toHaveLength(3);
    // The header: the window's shared strings, the parts' list, the rest of the answer (the cells are not in it).
    expect(text.length).toBeLessThan(JSON.stringify(answer.value.columns.strings).length + 2_500);

    const taken = await takeAnswer('invoices.listColumns', text);
    expect(taken.value).toStrictEqual(answer);
    expect(taken.bytes).toBe(header.$binary.parts.reduce((sum, [, length]) => sum + length, 0));
    // As a structured clone: every typed array on a whole backing store of its own (not views of the fetched body).
    const arrays = typedArraysOf(taken.value);
    expect(arrays.length).toBeGreaterThanOrEqual(16);
    for (const array of arrays) expect([array.byteOffset, array.byteLength]).toEqual([0, array.buffer.byteLength]);
    expect(new Set(arrays.map((array) => array.buffer)).size).toBe(arrays.length);
    // The rows the renderer makes of it are the rows the core encoded (-0 stays -0).
    const columns = (taken.value as ReturnType<typeof answerOf>).value.columns;
    expect(decodeInvoiceColumns(columns)).toStrictEqual(decodeInvoiceColumns(answer.value.columns));
    expect(Object.is(decodeInvoiceColumns(columns)[5]!.balance, -0)).toBe(true);
    // Served once: nothing is kept for a window the page took.
    expect(server.pending()).toBe(0);
    expect((await fetch(header.$binary.url)).status).toBe(404);
  });

  it('binary: a long text that UTF-8 would not carry (a lone surrogate) stays in the JSON header, exact', async () => {
    server = await startPartServer('binary');
    const answer = answerOf(rowsOf(1_000, (k) => (k === 400 ? `INV-\uD800${k}` : `INV-${k}`)));
    const text = server.pack('invoices.listColumns', answer);
    expect((JSON.parse(text) as { $binary: { parts: [string, number][] } }).$binary.parts.filter(([kind]) => kind === 'utf8')).toHaveLength(2);
    expect((await takeAnswer('invoices.listColumns', text)).value).toStrictEqual(answer);
  });

  it('json (BENCH_CROSSING=json): the same answer from one JSON string, typed arrays as base64; other channels plain JSON', async () => {
    server = await startPartServer('json');
    const answer = answerOf(rowsOf(2_000));
    const text = server.pack('invoices.listColumns', answer);
    const taken = await takeAnswer('invoices.listColumns', text);
    expect(taken.value).toStrictEqual(answer);
    expect(taken.bytes).toBe(0);
    const list = { ok: true, value: { invoices: rowsOf(3), total: 3 } };
    expect(server.pack('invoices.list', list)).toBe(JSON.stringify(list));
  });

  it('only binary or json is a crossing', () => {
    expect(crossingOf(undefined)).toBe('binary');
    expect(crossingOf('json')).toBe('json');
    expect(() => crossingOf('clone')).toThrow(/BENCH_CROSSING/);
  });
});
