import { describe, expect, it } from 'vitest';
import { distinctOrgNames } from '../../../electron/contract/org-names';

describe('All connections: orgs with one name', () => {
  it('a production org and its full sandbox (same Organization name) are told apart by their Salesforce user; unique names stay as they are', () => {
    expect(
      distinctOrgNames([
        { label: 'Acme Corp', username: 'ap@acme.test' },
        { label: 'Globex', username: 'ar@globex.test' },
        null,
        { label: 'Acme Corp', username: 'ap@acme.test.uat' },
      ]),
    ).toEqual(['Acme Corp (ap@acme.test)', 'Globex', null, 'Acme Corp (ap@acme.test.uat)']);
  });

  it('without a user, or with the same user twice, the place tells them apart: never one name for two orgs', () => {
    const names = distinctOrgNames([{ label: 'login.salesforce.com' }, { label: 'login.salesforce.com' }, { label: 'X', username: 'u' }, { label: 'X', username: 'u' }]);
    expect(names).toEqual(['login.salesforce.com (1)', 'login.salesforce.com (2)', 'X (u)', 'X (u) (4)']);
    expect(new Set(names).size).toBe(names.length);
  });
});
