import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../electron/contract';
import { useOrgHarness } from '../../support/org-setup';
import { TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness } from '../invoices/support/invoice-harness';
import { recordPhaseEnded } from '../invoices/support/record-phase';

describe('the whole record of an opened invoice, kept for offline', () => {
  const box = new TestSecretBox();
  const world = useOrgHarness({ invoices: 300, multiCurrency: true }, { secretBox: box, recordPhase: true, sync: 'incremental' });
  let online: InvoiceDetail;
  let opened: Record<string, unknown>;

  beforeAll(async () => {
    // The background phase after the sync (every invoice's record, whole-record.test.ts) has ended: the copy has them all.
    expect((await recordPhaseEnded(world.harness)).phase).toBe('done');
    // An invoice with a few lines and a fractional amount.
    opened = world.org.control.records('Invoice').find((r) => (r.CurrencyIsoCode as string) === 'EUR' && !Number.isInteger(r.TotalAmountWithTax as number))!;
  });

  it('answers every readable field with its describe type, references by name where the copy has it, and the lines', async () => {
    const answer = await world.harness.call('invoices.get', { connectionId, id: opened.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    online = answer.value as InvoiceDetail;
    expect(online.keptAt ?? null).toBeNull();
    const field = (name: string) => online.fields.find((f) => f.name === name)!;
    // The org's own record, field by field.
    expect(field('TotalAmountWithTax')).toMatchObject({ type: 'currency', value: opened.TotalAmountWithTax });
    expect(field('InvoiceDate')).toMatchObject({ type: 'date', value: opened.InvoiceDate });
    // The customer's lookup reads as the account's name.
    expect(field('BillingAccountId')).toMatchObject({ value: (opened.BillingAccount as { Name: string }).Name });
    const lines = world.org.control.records('InvoiceLine').filter((l) => l.InvoiceId === opened.Id);
    expect(online.lines.map((l) => l.id).sort()).toEqual(lines.map((l) => l.Id as string).sort());
    expect(lines.length).toBeGreaterThan(0);
  });

  it('keeps it sealed beside the offline copy: owner-only, no number or customer readable', async () => {
    // Written after the answer (the panel does not wait for it).
    await world.harness.module.idle();
    const folder = join(world.dir, 'invoices');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.details'))!);
    const bytes = readFileSync(file);
    for (const text of [opened.DocumentNumber as string, (opened.BillingAccount as { Name: string }).Name]) expect(bytes.includes(Buffer.from(text))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('with Salesforce gone and the app started again, shows exactly the same fields and lines, saying when Salesforce gave them', async () => {
    await world.org.stop();
    await world.harness.dispose();
    world.harness = await startHarness(world.org, world.dir, { secretBox: box, tokens: world.harness.tokens });
    const answer = await world.harness.call('invoices.get', { connectionId, id: opened.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const offline = answer.value as InvoiceDetail;
    expect(offline.fields).toEqual(online.fields);
    expect(offline.lines).toEqual(online.lines);
    expect(Date.parse(offline.keptAt!)).toBeGreaterThan(Date.now() - 600_000);

    // An invoice never opened online comes from the record copy of the last sync (whole-record.test.ts); an invoice
    // in neither copy is not made up: the error says why.
    const other = world.org.control.records('Invoice').find((r) => r.Id !== opened.Id)!;
    const never = await world.harness.call('invoices.get', { connectionId, id: other.Id });
    expect(never.ok).toBe(true);
    expect((never.value as InvoiceDetail).lines.length).toBeGreaterThan(0);
    const unknown = await world.harness.call('invoices.get', { connectionId, id: '3tt00000000ZZZZAAA' });
    expect(unknown.ok).toBe(false);
  });
});
