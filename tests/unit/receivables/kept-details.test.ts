import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../electron/contract';
import { KEPT_DETAILS_MAX, KeptDetails } from '../../../electron/core/invoices/cache/kept-details';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

const detail = (id: string): InvoiceDetail => ({
  invoice: { id, number: `INV-${id}`, customer: 'Acme', invoiceDate: null, dueDate: null, status: null, total: 1, balance: 1, currency: 'EUR', lastModified: null },
  fields: [{ name: 'Amount__c', label: 'Amount', value: 1, type: 'currency' }],
  lines: [],
});

describe('kept invoice records', () => {
  const temp = tempDir();
  afterEach(() => temp.remove());

  it('keeps the most recently opened, reads them back after a restart, and forgets the oldest beyond the cap', async () => {
    const box = new TestSecretBox();
    const kept = new KeptDetails(temp.dir, box, () => true, new MemoryLogger());
    for (let i = 0; i <= KEPT_DETAILS_MAX; i++) await kept.keep('c1', detail(`I${i}`), '2026-12-04T10:00:00.000Z');
    // Opening I1 again makes it the most recent: the oldest is now I2.
    await kept.keep('c1', detail('I1'), '2026-12-04T11:00:00.000Z');
    // One more beyond the cap: I2 goes, I1 stays.
    await kept.keep('c1', detail('NEW'), '2026-12-04T12:00:00.000Z');
    const again = new KeptDetails(temp.dir, box, () => true, new MemoryLogger());
    expect(await again.get('c1', 'I0')).toBeNull();
    expect(await again.get('c1', 'I2')).toBeNull();
    expect(await again.get('c1', 'NEW')).not.toBeNull();
    expect((await again.get('c1', 'I1'))?.keptAt).toBe('2026-12-04T11:00:00.000Z');
    expect((await again.get('c1', `I${KEPT_DETAILS_MAX}`))?.detail.fields[0]).toMatchObject({ type: 'currency' });
    await again.forget('c1');
    expect(readdirSync(join(temp.dir, 'invoices')).filter((name) => name.endsWith('.details'))).toEqual([]);
    // 503 keeps, each rewriting the sealed blob (deflate + seal + fsync'd atomic write, up to ~1 MB): 3.9 s at load 8 on this
    // 2-core machine, past the unit level's 10 s at load ~20 (a CI run beside four builders, 2026-12-06).
  }, 60_000);

  it('the invoices folder is the user\'s alone (0700) when a kept record creates it first, and a 0755 one is tightened', async () => {
    if (process.platform === 'win32') return;
    const kept = new KeptDetails(temp.dir, new TestSecretBox(), () => true, new MemoryLogger());
    await kept.keep('c1', detail('I1'), '2026-12-04T10:00:00.000Z');
    const folder = join(temp.dir, 'invoices');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    // A folder an earlier version made readable by every local user: the next write makes it private.
    chmodSync(folder, 0o755);
    await kept.keep('c1', detail('I2'), '2026-12-04T10:00:00.000Z');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('writes nothing when the offline copy may not be written, and keeps the record for the session', async () => {
    const kept = new KeptDetails(temp.dir, new TestSecretBox(), () => false, new MemoryLogger());
    await kept.keep('c1', detail('I1'), '2026-12-04T10:00:00.000Z');
    expect((await kept.get('c1', 'I1'))?.detail.invoice.number).toBe('INV-I1');
    expect(() => readdirSync(join(temp.dir, 'invoices'))).toThrow();
  });
});
