// Start-up time / memory and paging throughput: `npx tsx tests/org/bench.ts [invoices] [--page]`.
import { startOrg } from './index.ts';
import { CLIENT_ID_FOR_BENCH, loginForBench } from './bench-login.ts';

const invoices = Number(process.argv[2] ?? 100_000);
const page = process.argv.includes('--page');
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const rss0 = mb();
let t = performance.now();
const org = await startOrg({ invoices, clientId: CLIENT_ID_FOR_BENCH });
console.log(`start ${invoices} invoices: ${Math.round(performance.now() - t)} ms, RSS ${mb()} MB (before ${rss0} MB)`);
if (page) {
  const token = await loginForBench(org);
  t = performance.now();
  let url = `${org.url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id, DocumentNumber, InvoiceDate, DueDate, Status, BillingAccount.Name, TotalAmount, TotalAmountWithTax, Balance, SystemModstamp FROM Invoice')}`;
  let n = 0;
  let pages = 0;
  const times: number[] = [];
  for (;;) {
    const p0 = performance.now();
    const body = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
    times.push(performance.now() - p0);
    n += body.records.length;
    pages++;
    if (body.done) break;
    url = org.url + body.nextRecordsUrl;
  }
  const total = performance.now() - t;
  console.log(`paged ${n} records in ${pages} pages: ${Math.round(total)} ms (first page ${Math.round(times[0]!)} ms incl. query, later pages avg ${Math.round(times.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, times.length - 1))} ms, last ${Math.round(times.at(-1)!)} ms), RSS ${mb()} MB`);
}
await org.stop();
