import { describe, expect, it } from 'vitest';
import { isTrustedSalesforceUrl, requireTrustedSalesforceUrl } from '../../../electron/core/salesforce/trusted-salesforce-url';

/** Where a bearer token may go (issue #17, finding 1); the integration test drives it through sign-in, refresh and load. */
const local = ['http://127.0.0.1:4555'];

describe('trusted Salesforce URLs', () => {
  it.each([
    'https://acme.my.salesforce.com',
    'https://acme--uat.sandbox.my.salesforce.com/services/data',
    'https://na1.salesforce.com',
    'https://login.salesforce.com/id/00D000000000001/005000000000001',
    'http://127.0.0.1:4555/id/00D/005',
  ])('%s is trusted', (url) => {
    expect(isTrustedSalesforceUrl(url, local)).toBe(true);
  });

  it.each([
    'http://acme.my.salesforce.com',
    'https://acme.my.salesforce.com:8443',
    'https://user:pw@acme.my.salesforce.com',
    'https://salesforce.com.evil.test',
    'https://evilsalesforce.com',
    'https://acme.force.com',
    'https://acme.my.site.com',
    'https://acme.my.salesforce.com.',
    'http://127.0.0.1:4556',
    'http://localhost:4555',
    'file:///etc/passwd',
    'not a url',
    '',
  ])('%s is refused', (url) => {
    expect(isTrustedSalesforceUrl(url, local)).toBe(false);
  });

  it('names the refused host in a plain message, with the code the caller needs', () => {
    expect(() => requireTrustedSalesforceUrl('http://evil.test/x?token=1', [], 'LOGIN_FAILED')).toThrow(
      expect.objectContaining({ code: 'LOGIN_FAILED', message: expect.stringContaining('“http://evil.test”') }),
    );
    expect(() => requireTrustedSalesforceUrl('https://evil.test', [], 'RECONNECT_REQUIRED')).toThrow(expect.objectContaining({ code: 'RECONNECT_REQUIRED' }));
  });
});
