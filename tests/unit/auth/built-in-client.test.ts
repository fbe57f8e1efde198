import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, Result } from '../../../electron/contract';
import { builtInClientIdFor, builtInClientIdsFromEnv, NO_BUILT_IN_CLIENT } from '../../../electron/contract/built-in-client';
import { createTestCore, type TestCore } from '../../support/test-core';

const ids = { default: 'PROD_ID', sandbox: 'SANDBOX_ID', byLoginHost: { 'https://acme.my.salesforce.com': 'ACME_ID' } };

describe('the build’s client ids', () => {
  it('reads BUDGETLY_CLIENT_ID, a sandbox id and per-host ids from the build’s environment', () => {
    expect(builtInClientIdsFromEnv({})).toEqual(NO_BUILT_IN_CLIENT);
    expect(
      builtInClientIdsFromEnv({
        BUDGETLY_CLIENT_ID: ' 3MVG9_prod.id ',
        BUDGETLY_CLIENT_ID_SANDBOX: '3MVG9_sandbox',
        BUDGETLY_CLIENT_IDS: 'https://ACME.my.salesforce.com=3MVG9_acme, https://beta.my.salesforce.com=3MVG9_beta',
      }),
    ).toEqual({
      default: '3MVG9_prod.id',
      sandbox: '3MVG9_sandbox',
      byLoginHost: { 'https://acme.my.salesforce.com': '3MVG9_acme', 'https://beta.my.salesforce.com': '3MVG9_beta' },
    });
  });

  it.each([
    [{ BUDGETLY_CLIENT_ID: 'has space' }, /BUDGETLY_CLIENT_ID is not a client id/],
    [{ BUDGETLY_CLIENT_ID: 'https://evil.example' }, /BUDGETLY_CLIENT_ID is not a client id/],
    [{ BUDGETLY_CLIENT_IDS: 'http://acme.my.salesforce.com=ID' }, /BUDGETLY_CLIENT_IDS/],
    [{ BUDGETLY_CLIENT_IDS: 'no-equals-sign' }, /BUDGETLY_CLIENT_IDS/],
    [{ BUDGETLY_CLIENT_ID: 'ok', BUDGETLY_CLIENT_SECRET: 's3cret' }, /never carries a client secret/],
  ])('stops the build on a malformed value %o', (env, message) => {
    expect(() => builtInClientIdsFromEnv(env)).toThrow(message);
  });

  it('reach the build when an admin runs the README’s commands as written', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const block = /### Build Budgetly with your client id[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toContain('npm run dist');
    // The same lines in a shell, with `env` where the build would start (the ids' ellipses made concrete).
    const shown = execFileSync('sh', ['-c', block!.replaceAll('…', 'X').replace('npm run dist', 'env')], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    const env = Object.fromEntries(shown.split('\n').filter((line) => line.startsWith('BUDGETLY_')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    expect(builtInClientIdsFromEnv(env)).toEqual({
      default: '3MVG9X',
      sandbox: '3MVG9X',
      byLoginHost: { 'https://acme.my.salesforce.com': '3MVG9X', 'https://acme--uat.sandbox.my.salesforce.com': '3MVG9X' },
    });
  });

  it('picks the most specific id for a login host', () => {
    expect(builtInClientIdFor('https://acme.my.salesforce.com', ids)).toBe('ACME_ID');
    expect(builtInClientIdFor('https://test.salesforce.com', ids)).toBe('SANDBOX_ID');
    expect(builtInClientIdFor('https://acme--uat.sandbox.my.salesforce.com', ids)).toBe('SANDBOX_ID');
    expect(builtInClientIdFor('https://login.salesforce.com', ids)).toBe('PROD_ID');
    expect(builtInClientIdFor('https://test.salesforce.com', { ...ids, sandbox: null })).toBe('PROD_ID');
    expect(builtInClientIdFor('https://login.salesforce.com', NO_BUILT_IN_CLIENT)).toBeNull();
  });
});

describe('connections.add without a client id', () => {
  const cores: TestCore[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
  });

  it('uses the build’s id for that login host, and says so in app.info', async () => {
    const app = createTestCore({ builtInClientIds: ids });
    cores.push(app);
    const info = await app.call('app.info');
    expect(info.ok && info.value.builtInClientIds).toEqual(ids);
    const sandbox = (await app.call('connections.add', { label: 'UAT', loginUrl: 'https://test.salesforce.com' })) as Result<Connection>;
    expect(sandbox.ok && sandbox.value.clientId).toBe('SANDBOX_ID');
    const typed = (await app.call('connections.add', { label: 'Other app', loginUrl: 'https://login.salesforce.com', clientId: 'TYPED' })) as Result<Connection>;
    expect(typed.ok && typed.value.clientId).toBe('TYPED');
  });

  it('is refused with a clear message in a build without one, and nothing is added', async () => {
    const app = createTestCore();
    cores.push(app);
    const refused = await app.call('connections.add', { label: 'Acme', loginUrl: 'https://login.salesforce.com' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/client id/) });
    expect((await app.call('connections.list')).value).toEqual([]);
  });
});
