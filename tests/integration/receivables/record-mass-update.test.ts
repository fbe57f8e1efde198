import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { stopOrgAndApps } from '../../support/org-setup';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { loginToOrg, type OrgTokens } from '../invoices/support/org-login';
import { recordPhaseEnded as phaseEnded } from '../invoices/support/record-phase';

/**
 * A mass update in Salesforce (reviewB, session 11): an incremental record phase keeps the id of every invoice and line
 * that changed until it writes the copy — all of them after a mass update (1M invoices, 3M lines: ~340 MiB, where a
 * full phase keeps ~60). Beyond `maxChanges` it stops and the phase runs full; what it shows offline is the same.
 */
async function detail(harness: Harness, id: string): Promise<InvoiceDetail> {
  const answer = await harness.call('invoices.get', { connectionId, id });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.value as InvoiceDetail;
}
const shown = (d: InvoiceDetail) => ({ fields: d.fields, terms: d.terms ?? null, lines: d.lines });

describe('the record phase after a mass update', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  let app: Harness;
  let online: Harness;
  const temp = tempDir();
  const other = tempDir();

  beforeAll(async () => {
    org = await startOrg({ invoices: 300 });
    tokens = await loginToOrg(org);
    // An incremental phase may track 100 changed ids here (the app: 250,000).
    app = await startHarness(org, temp.dir, { secretBox: new TestSecretBox(), tokens, tuning: { pageSize: 200, record: { chunkEntries: 25, maxChanges: 100 } }, recordPhase: true });
    online = await startHarness(org, other.dir, { tokens });
  });
  afterAll(() => stopOrgAndApps(org, [app, online], [temp, other]));

  it('more changes than an incremental phase may track: it runs full instead, and offline shows what online shows', async () => {
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await phaseEnded(app, 1)).phase).toBe('done');
    const all = org.control.records('Invoice').length + org.control.records('InvoiceLine').length;

    // A few changes: incremental (it fetches those only).
    const few = org.control.records('Invoice').slice(0, 10).map((r) => r.Id as string);
    org.control.updateInvoices(few);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const small = await phaseEnded(app, 2);
    expect(small.phase).toBe('done');
    expect(small.total).toBeLessThan(all);

    // 250 invoices changed (more than 100): the phase ends done, having fetched every invoice and line.
    const many = org.control.records('Invoice').slice(0, 250).map((r) => r.Id as string);
    org.control.updateInvoices(many);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 3);
    expect(end.phase).toBe('done');
    expect(end.total).toBe(all);
    expect((await online.call('invoices.sync', { connectionId })).ok).toBe(true);
    app.sessions.offline = true;
    try {
      for (const id of [many[0]!, many[249]!, org.control.records('Invoice').at(-1)!.Id as string]) {
        expect(shown(await detail(app, id))).toEqual(shown(await detail(online, id)));
      }
    } finally {
      app.sessions.offline = false;
    }
  });
});
