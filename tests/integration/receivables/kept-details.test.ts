import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { loginToOrg, type OrgTokens } from '../invoices/support/org-login';
import { recordPhaseEnded } from '../invoices/support/record-phase';

describe('the whole record of an opened invoice, kept for offline', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  let harness: Harness;
  const temp = tempDir();
  const box = new TestSecretBox();
  let online: InvoiceDetail;
  let opened: Record<string, unknown>;

  beforeAll(async () => {
    org = await startOrg({ invoices: 300, multiCurrency: true });
    tokens = await loginToOrg(org);
    harness = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    // The background phase after the sync (every invoice's record, whole-record.test.ts) has ended: the copy has them all.
    expect((await recordPhaseEnded(harness)).phase).toBe('done');
    // An invoice with a few lines and a fractional amount.
    opened = org.control.records('Invoice').find((r) => (r.CurrencyIsoCode as string) === 'EUR' && !Number.isInteger(r.TotalAmountWithTax as number))!;
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop().catch(() => undefined);
    temp.remove();
  });

  it('answers every readable field with its describe type, references by name where the copy has it, and the lines', async () => {
    const answer = await harness.call('invoices.get', { connectionId, id: opened.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    online = answer.value as InvoiceDetail;
    expect(online.keptAt ?? null).toBeNull();
    const field = (name: string) => online.fields.find((f) => f.name === name)!;
    // The org's own record, field by field.
    expect(field('TotalAmountWithTax')).toMatchObject({ type: 'currency', value: opened.TotalAmountWithTax });
    expect(field('InvoiceDate')).toMatchObject({ type: 'date', value: opened.InvoiceDate });
    // The customer's lookup reads as the account's name.
    expect(field('BillingAccountId')).toMatchObject({ value: (opened.BillingAccount as { Name: string }).Name });
    const lines = org.control.records('InvoiceLine').filter((l) => l.InvoiceId === opened.Id);
    expect(online.lines.map((l) => l.id).sort()).toEqual(lines.map((l) => l.Id as string).sort());
    expect(lines.length).toBeGreaterThan(0);
  });

  it('keeps it sealed beside the offline copy: owner-only, no number or customer readable', () => {
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.details'))!);
    const bytes = readFileSync(file);
    for (const text of [opened.DocumentNumber as string, (opened.BillingAccount as { Name: string }).Name]) expect(bytes.includes(Buffer.from(text))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('with Salesforce gone and the app started again, shows exactly the same fields and lines, saying when Salesforce gave them', async () => {
    await org.stop();
    await harness.dispose();
    harness = await startHarness(org, temp.dir, { secretBox: box, tokens });
    const answer = await harness.call('invoices.get', { connectionId, id: opened.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const offline = answer.value as InvoiceDetail;
    expect(offline.fields).toEqual(online.fields);
    expect(offline.lines).toEqual(online.lines);
    expect(Date.parse(offline.keptAt!)).toBeGreaterThan(Date.now() - 600_000);

    // An invoice never opened online comes from the record copy of the last sync (whole-record.test.ts); an invoice
    // in neither copy is not made up: the error says why.
    const other = org.control.records('Invoice').find((r) => r.Id !== opened.Id)!;
    const never = await harness.call('invoices.get', { connectionId, id: other.Id });
    expect(never.ok).toBe(true);
    expect((never.value as InvoiceDetail).lines.length).toBeGreaterThan(0);
    const unknown = await harness.call('invoices.get', { connectionId, id: '3tt00000000ZZZZAAA' });
    expect(unknown.ok).toBe(false);
  });
});
