/**
 * Which shape of `invoices.list` crosses IPC fastest at 100,000 rows (benchmark, not a test):
 *   npx tsx tests/integration/invoices/bench/list-transfer.ts
 * Electron's ipcRenderer.invoke serializes with V8's structured clone (v8.serialize is the same
 * ValueSerializer), so that is what is timed: serialize + deserialize, median of 7 runs.
 */
import { deserialize, serialize } from 'node:v8';
import type { InvoiceRow } from '../../../../electron/contract';

const N = 100_000;
const currencies = ['USD', 'EUR', 'GBP', 'JPY'];
const rows: InvoiceRow[] = Array.from({ length: N }, (_, i) => ({
  id: `3tt5g${String(i).padStart(10, '0')}AAA`,
  number: `INV-${String(i + 1).padStart(7, '0')}`,
  customer: `Customer ${i % 5000} GmbH & Co. KG`,
  invoiceDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  dueDate: `2026-${String(((i + 1) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  status: ['Draft', 'Posted', 'Paid', 'Cancelled'][i % 4]!,
  total: Math.round(Math.random() * 1e7) / 100,
  balance: Math.round(Math.random() * 1e6) / 100,
  currency: currencies[i % 4]!,
  lastModified: new Date(1_790_000_000_000 + i * 1000).toISOString(),
}));

function columnar(list: InvoiceRow[]) {
  const take = <K extends keyof InvoiceRow>(key: K) => list.map((row) => row[key]);
  return {
    id: take('id'), number: take('number'), customer: take('customer'), invoiceDate: take('invoiceDate'), dueDate: take('dueDate'),
    status: take('status'), currency: take('currency'), lastModified: take('lastModified'),
    total: Float64Array.from(list, (row) => row.total ?? Number.NaN), balance: Float64Array.from(list, (row) => row.balance ?? Number.NaN),
  };
}

function time(run: () => unknown): number {
  const samples: number[] = [];
  for (let k = 0; k < 7; k++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return Math.round(samples.sort((a, b) => a - b)[3]!);
}

/** The renderer wants row objects back (its table and filters work on rows). */
function rowsFromColumns(c: ReturnType<typeof columnar>): InvoiceRow[] {
  return c.id.map((id, i) => ({
    id, number: c.number[i]!, customer: c.customer[i]!, invoiceDate: c.invoiceDate[i]!, dueDate: c.dueDate[i]!, status: c.status[i]!,
    total: Number.isNaN(c.total[i]!) ? null : c.total[i]!, balance: Number.isNaN(c.balance[i]!) ? null : c.balance[i]!,
    currency: c.currency[i]!, lastModified: c.lastModified[i]!,
  }));
}

const columns = columnar(rows);
const report = {
  'array of row objects': { build: 0, clone: time(() => deserialize(serialize(rows))), rebuild: 0, bytes: serialize(rows).length },
  'columnar arrays': {
    build: time(() => columnar(rows)),
    clone: time(() => deserialize(serialize(columns))),
    rebuild: time(() => rowsFromColumns(columns)),
    bytes: serialize(columns).length,
  },
};
for (const [name, r] of Object.entries(report)) {
  console.log(`${name}: build ${r.build} ms + serialize/deserialize ${r.clone} ms + rows again ${r.rebuild} ms = ${r.build + r.clone + r.rebuild} ms, ${(r.bytes / 2 ** 20).toFixed(1)} MiB`);
}
