/**
 * Child process for the crash test: writes large invoice caches for one connection, one after the
 * other, until it is killed. Each snapshot says in its `object` how many rows it holds.
 * Usage: tsx cache-writer-child.ts <dataDir> <keyHex> <rows>
 */
import { randomBytes } from 'node:crypto';
import { InvoiceCacheStore } from '../../../../electron/core/invoices/cache/cache-store';
import { MemoryLogger, TestSecretBox } from '../../../support/test-ports';

const [dataDir, keyHex, rowsArg] = process.argv.slice(2);
const store = new InvoiceCacheStore(dataDir!, new TestSecretBox('os', Buffer.from(keyHex!, 'hex')), new MemoryLogger());
const count = Number(rowsArg);
for (let round = 1; ; round++) {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: `a0G${String(index).padStart(15, '0')}`,
    number: `BIG-${round}-${index}`,
    // Incompressible text keeps the file large, so the write takes long enough to be interrupted.
    customer: randomBytes(48).toString('base64'),
    invoiceDate: '2026-01-01',
    dueDate: '2026-02-01',
    status: 'Posted',
    total: index,
    balance: index,
    currency: 'EUR',
    lastModified: null,
  }));
  await store.write('c-test', { object: `rows:${count}`, signature: 'child', syncedAt: new Date().toISOString(), watermark: null, rows });
  process.stdout.write(`wrote ${round}\n`);
}
