import { describe, expect, it } from 'vitest';
import { normalizeLoginUrl } from '../../../electron/core/connections/login-host';

describe('login host validation', () => {
  it.each([
    ['https://login.salesforce.com', 'https://login.salesforce.com'],
    ['https://test.salesforce.com/', 'https://test.salesforce.com'],
    ['acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce.com/lightning/page/home', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['  https://ACME.my.salesforce.com  ', 'https://acme.my.salesforce.com'],
    ['https://acme.lightning.force.com', 'https://acme.lightning.force.com'],
  ])('accepts %s as %s', (input, origin) => {
    expect(normalizeLoginUrl(input)).toBe(origin);
  });

  it.each([
    ['http://login.salesforce.com', /https/],
    ['https://login.salesforce.com.evil.example', /not a Salesforce login address/],
    ['https://evilsalesforce.com', /not a Salesforce login address/],
    ['https://salesforce.com', /not a Salesforce login address/],
    ['https://user:pw@login.salesforce.com', /user name or password/],
    ['https://login.salesforce.com:8443', /port/],
    ['javascript:alert(1)', /./],
    ['file:///etc/passwd', /./],
    ['not a url at all', /./],
    ['http://127.0.0.1:9999', /https/],
  ])('refuses %s with INVALID_INPUT', (input, message) => {
    expect(() => normalizeLoginUrl(input)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(message) }));
  });

  it('accepts an explicitly allowed origin exactly (the local org), nothing near it', () => {
    const extra = ['http://127.0.0.1:4567'];
    expect(normalizeLoginUrl('http://127.0.0.1:4567/', extra)).toBe('http://127.0.0.1:4567');
    expect(() => normalizeLoginUrl('http://127.0.0.1:4568', extra)).toThrow();
    expect(() => normalizeLoginUrl('http://localhost:4567', extra)).toThrow();
  });
});
