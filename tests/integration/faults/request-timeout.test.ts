import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceGet } from '../../../electron/core/invoices/sync/salesforce-get';
import { toSyncError } from '../../../electron/core/invoices/sync/sync-faults';
import { startOrg, type RunningOrg } from '../../org';
import { loginToOrg, type OrgTokens } from '../invoices/support/org-login';

/**
 * Latency beyond the time limit. The sync's limit is 2 minutes per request (salesforce-get.ts), too
 * long for a test run, so the very transport the sync uses is given a 300 ms limit here and the org
 * answers after 3 s: the request gives up on time, with a NETWORK error the user can act on, and the
 * next request (once the org is fast again) works. Latency below the limit is a row of
 * sync-faults-table.test.ts.
 */
describe('latency beyond the time limit', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  const path = '/services/data/v67.0/query?q=' + encodeURIComponent('SELECT Id FROM Invoice LIMIT 5');
  const connection = () => new jsforce.Connection({ instanceUrl: tokens.instanceUrl, accessToken: tokens.accessToken, version: '67.0' });

  beforeAll(async () => {
    org = await startOrg({ port: 0, invoices: 20 });
    tokens = await loginToOrg(org);
  });
  afterAll(async () => org?.stop());

  it('gives up on time with NETWORK, then works once the org answers quickly again', async () => {
    org.control.injectFault({ kind: 'latency', ms: 3_000, count: 1, pathPrefix: '/services/data/v67.0/query' });
    const started = Date.now();
    const error = await salesforceGet(connection(), path, { timeoutMs: 300 }).catch((reason: unknown) => reason);
    // It gave up instead of waiting for the org's late answer (3 s).
    expect(Date.now() - started).toBeLessThan(2_500);
    const mapped = toSyncError(error);
    expect(mapped.code).toBe('NETWORK');
    expect(mapped.message.length).toBeGreaterThan(15);
    const page = await salesforceGet<{ records: unknown[] }>(connection(), path, { timeoutMs: 2_000 });
    expect(page.records).toHaveLength(5);
  });
});
