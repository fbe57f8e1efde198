import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../electron/contract';
import { recordUrl } from '../../../electron/core/invoices/read/record-link';
import { demoOrgFromEnv } from '../../../electron/main/demo-org';
import { isSafeExternalUrl } from '../../../electron/main/navigation-policy';
import { createTestCore } from '../../support/test-core';

/** Issue #17, findings 6 and 7: what may leave the app for the OS browser, and the dev-only demo org. */
const demo = 'http://127.0.0.1:4555';

describe('links handed to the OS browser', () => {
  it('allow https and, on a developer machine, the demo org’s exact origin over http — no other loopback service', () => {
    expect(isSafeExternalUrl('https://acme.my.salesforce.com/lightning/r/Invoice/3tt/view', demo)).toBe(true);
    expect(isSafeExternalUrl(`${demo}/lightning/r/Invoice/3tt/view`, demo)).toBe(true);
    for (const url of ['http://127.0.0.1:4556/', 'http://localhost:4555/', 'http://[::1]:4555/', 'http://127.0.0.1/', 'http://u:p@127.0.0.1:4555/']) {
      expect(isSafeExternalUrl(url, demo), url).toBe(false);
    }
    expect(isSafeExternalUrl(`${demo}/`, null)).toBe(false);
  });

  it('record links on plain http only for the trusted demo origin', () => {
    expect(recordUrl(demo, 'Invoice', '3tt000000000001AAA', [demo])).toBe(`${demo}/lightning/r/Invoice/3tt000000000001AAA/view`);
    for (const instance of ['http://127.0.0.1:4556', 'http://localhost:4555', 'http://[::1]:4555']) {
      expect(() => recordUrl(instance, 'Invoice', '3tt000000000001AAA', [demo]), instance).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });
});

describe('the app.openExternal channel', () => {
  it('is gone: the renderer cannot ask the main process to open a URL', async () => {
    expect(channelNames).not.toContain('app.openExternal');
    const testCore = createTestCore();
    try {
      const result = await testCore.call('app.openExternal', { url: 'https://evil.example/' });
      expect(result.ok).toBe(false);
      expect(testCore.shell.opened).toEqual([]);
    } finally {
      await testCore.dispose();
    }
  });
});

describe('the demo org from BUDGETLY_DEMO_ORG_URL', () => {
  const env = { BUDGETLY_DEMO_ORG_URL: demo };

  it('is offered on a developer machine', () => {
    expect(demoOrgFromEnv(env, { packaged: false })).toMatchObject({ loginUrl: demo, clientId: 'budgetly-demo' });
  });

  it('is ignored by a packaged app (no extra trusted http origin on a user’s install)', () => {
    expect(demoOrgFromEnv(env, { packaged: true })).toBeNull();
  });
});
