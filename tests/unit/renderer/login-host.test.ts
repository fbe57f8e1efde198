import { describe, expect, it } from 'vitest';
import { loginUrlFor, myDomainUrl } from '../../../renderer/src/connections/login-host';

describe('My Domain input', () => {
  it('accepts the forms people paste', () => {
    expect(myDomainUrl('acme')).toEqual({ ok: true, url: 'https://acme.my.salesforce.com' });
    expect(myDomainUrl(' acme.my.salesforce.com ')).toEqual({ ok: true, url: 'https://acme.my.salesforce.com' });
    expect(myDomainUrl('https://acme--uat.sandbox.my.salesforce.com/')).toEqual({ ok: true, url: 'https://acme--uat.sandbox.my.salesforce.com' });
    expect(myDomainUrl('http://127.0.0.1:4321')).toEqual({ ok: true, url: 'http://127.0.0.1:4321' });
  });

  it('explains what is wrong with the rest', () => {
    for (const bad of ['', 'http://acme.my.salesforce.com', 'https://acme.my.salesforce.com/home', 'https://u:p@acme.my.salesforce.com', 'acme.lightning.force.com', 'not a url']) {
      const result = myDomainUrl(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('uses the standard login hosts for production and sandbox', () => {
    expect(loginUrlFor('production', '')).toEqual({ ok: true, url: 'https://login.salesforce.com' });
    expect(loginUrlFor('sandbox', 'ignored')).toEqual({ ok: true, url: 'https://test.salesforce.com' });
  });
});
