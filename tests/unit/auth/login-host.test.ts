import { describe, expect, it } from 'vitest';
import { describeLoginUrl, loginHostOf, loginUrlFor, orgKindOf, REDIRECT_URI } from '../../../electron/contract/login-host';
import { normalizeLoginUrl } from '../../../electron/core/connections/login-host';
import { REDIRECT_URI as CORE_REDIRECT_URI } from '../../../electron/core/auth/redirect';

/** One rule for the form's hint (renderer) and the core's check: the same answers for the same input. */
function both(input: string) {
  const hint = loginHostOf(input, { anyLoopback: true });
  let core: { ok: true; url: string } | { ok: false; message: string };
  try {
    core = { ok: true, url: normalizeLoginUrl(input) };
  } catch (error) {
    core = { ok: false, message: (error as Error).message };
  }
  return { hint, core };
}

describe('login host rules (one module for the form and the core)', () => {
  it.each([
    ['https://login.salesforce.com', 'https://login.salesforce.com'],
    ['https://test.salesforce.com/', 'https://test.salesforce.com'],
    ['acme', 'https://acme.my.salesforce.com'],
    ['acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    [' acme.my.salesforce.com ', 'https://acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce.com/', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['  https://ACME.my.salesforce.com  ', 'https://acme.my.salesforce.com'],
  ])('accepts %s as %s, in the form and in the core alike', (input, origin) => {
    const { hint, core } = both(input);
    expect(hint).toEqual({ ok: true, url: origin });
    expect(core).toEqual(hint);
  });

  it.each([
    ['', /My Domain/],
    ['http://login.salesforce.com', /https/],
    ['https://login.salesforce.com.evil.example', /not a Salesforce login address/],
    ['https://evilsalesforce.com', /not a Salesforce login address/],
    ['https://salesforce.com', /not a Salesforce login address/],
    // Experience Cloud sites (anyone can publish one) are never a login host: a link or file naming one is refused.
    ['https://acme-login.force.com', /not a Salesforce login address/],
    ['https://x.secure.force.com', /not a Salesforce login address/],
    ['https://acme.my.site.com', /not a Salesforce login address/],
    ['https://na1.salesforce.com', /not a Salesforce login address/],
    ['https://user:pw@login.salesforce.com', /user name or password/],
    ['https://login.salesforce.com:8443', /port/],
    ['acme.lightning.force.com', /acme\.my\.salesforce\.com.*not the Lightning address/],
    ['https://acme.lightning.force.com', /not the Lightning address/],
    ['javascript:alert(1)', /https/],
    ['file:///etc/passwd', /https/],
    ['not a url at all', /not a web address/],
    ['https://acme.my.salesforce.com/lightning/page/home', /without a path/],
    ['https://acme.my.salesforce.com/?next=https://evil.example', /without a path/],
    ['https://acme.my.salesforce.com/#x', /without a path/],
  ])('refuses %s with the same message in the form and the core', (input, message) => {
    const { hint, core } = both(input);
    expect(hint).toEqual({ ok: false, message: expect.stringMatching(message) });
    expect(core).toEqual(hint);
  });

  it('the core turns a refusal into INVALID_INPUT', () => {
    expect(() => normalizeLoginUrl('https://acme.lightning.force.com')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('accepts an explicitly allowed origin exactly (the local org), nothing near it', () => {
    const extraOrigins = ['http://127.0.0.1:4567'];
    expect(normalizeLoginUrl('http://127.0.0.1:4567/', extraOrigins)).toBe('http://127.0.0.1:4567');
    expect(() => normalizeLoginUrl('http://127.0.0.1:4568', extraOrigins)).toThrow(/https/);
    expect(() => normalizeLoginUrl('http://localhost:4567', extraOrigins)).toThrow(/https/);
    expect(() => normalizeLoginUrl('http://127.0.0.1:9999')).toThrow(/https/);
  });

  it('the form lets any loopback address through as a hint only (the core decides)', () => {
    expect(loginHostOf('http://127.0.0.1:4321', { anyLoopback: true })).toEqual({ ok: true, url: 'http://127.0.0.1:4321' });
    expect(loginHostOf('http://127.0.0.1:4321').ok).toBe(false);
    expect(loginHostOf('http://evil.example', { anyLoopback: true }).ok).toBe(false);
  });

  it('maps the form’s choices to login URLs and back', () => {
    expect(loginUrlFor('production', '')).toEqual({ ok: true, url: 'https://login.salesforce.com' });
    expect(loginUrlFor('sandbox', 'ignored')).toEqual({ ok: true, url: 'https://test.salesforce.com' });
    expect(orgKindOf('https://login.salesforce.com')).toEqual({ kind: 'production', myDomain: '' });
    expect(orgKindOf('https://test.salesforce.com')).toEqual({ kind: 'sandbox', myDomain: '' });
    expect(orgKindOf('https://acme.my.salesforce.com')).toEqual({ kind: 'mydomain', myDomain: 'https://acme.my.salesforce.com' });
    expect(describeLoginUrl('https://test.salesforce.com')).toBe('Sandbox');
    expect(describeLoginUrl('https://acme.my.salesforce.com')).toBe('acme.my.salesforce.com');
  });

  it('defines the redirect URI once (the core’s is the contract’s)', () => {
    expect(CORE_REDIRECT_URI).toBe(REDIRECT_URI);
    expect(REDIRECT_URI).toBe('http://localhost:1717/OauthRedirect');
  });
});
