import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection, PolicyStatus, ProvisionedOffer, Settings } from '../../../electron/contract';
import { readPolicyFile } from '../../../electron/core/policy/policy-reader';
import { digestFromRegQuery } from '../../../electron/core/policy/windows-policy-digest';
import { englishT } from '../../../electron/core/policy/policy-text';
import { createTestCore, type TestCore } from '../../support/test-core';
import { tempDir } from '../../support/test-ports';

/**
 * The machine-wide policy file, read by the real core from a real file (a temp folder stands in for
 * /etc/budgetly): its connections appear without the user adding them, its locks hold against crafted IPC
 * calls through the contract's dispatcher (what a compromised renderer could send), and a file that is
 * broken, too large or writable by other users is ignored with a message naming why, changing nothing.
 */
const acme = { name: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme' };
const policy = {
  budgetly: 1,
  connections: [acme, { name: 'Acme sandbox', loginUrl: 'https://test.salesforce.com', clientId: '3MVG9_sandbox' }],
  settings: { signInMethod: 'browser', allowWeakStorage: false, syncInterval: { min: 15, max: 60 }, updates: 'notify' },
};

let folder: { dir: string; remove(): void };
let policyFile: string;
const cores: TestCore[] = [];
const core = (options: Parameters<typeof createTestCore>[0] = {}) => {
  const made = createTestCore({ policyFile, ...options });
  cores.push(made);
  return made;
};
const write = (content: unknown) => writeFileSync(policyFile, typeof content === 'string' ? content : JSON.stringify(content), { mode: 0o644 });

beforeEach(() => {
  folder = tempDir('budgetly-policy-');
  mkdirSync(join(folder.dir, 'budgetly'), { mode: 0o755 });
  policyFile = join(folder.dir, 'budgetly', 'policy.json');
});
afterEach(async () => {
  for (const made of cores.splice(0)) await made.dispose();
  folder.remove();
});

describe('predefined connections', () => {
  it('appear without the user adding them, marked as the policy’s, and only once across restarts', async () => {
    write(policy);
    const first = core();
    const list = (await first.call('connections.list')).value as Connection[];
    expect(list.map(({ label, loginUrl, clientId, signInMethod, fromPolicy }) => ({ label, loginUrl, clientId, signInMethod, fromPolicy }))).toEqual([
      { label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', signInMethod: 'browser', fromPolicy: true },
      { label: 'Acme sandbox', loginUrl: 'https://test.salesforce.com', clientId: '3MVG9_sandbox', signInMethod: 'browser', fromPolicy: true },
    ]);
    await first.dispose();
    cores.splice(0);
    const reopened = core({ dataDir: first.dataDir, secretBox: first.secretBox });
    expect((await reopened.call('connections.list')).value).toHaveLength(2);
  });
});

describe('locked settings', () => {
  it('are answered as the policy has them, whatever was saved, and policy.status says which and why', async () => {
    // Saved by the user before IT deployed the file (no policy yet)…
    const dataDir = join(folder.dir, 'data');
    const before = core({ dataDir });
    expect((await before.call('settings.set', { signInMethod: 'window', syncInterval: 'off', updates: 'automatic', theme: 'dark' })).ok).toBe(true);
    await before.dispose();
    cores.splice(0);
    // …then the file, read when the app starts again on the same data.
    write(policy);
    const testCore = core({ dataDir, secretBox: before.secretBox });
    expect(testCore.store.get('settings')).toMatchObject({ signInMethod: 'window', syncInterval: 'off', updates: 'automatic', theme: 'dark' });
    expect((await testCore.call('settings.get')).value).toMatchObject({ signInMethod: 'browser', syncInterval: 60, updates: 'notify', allowWeakStorage: false, theme: 'dark' });
    const status = (await testCore.call('policy.status')).value as PolicyStatus;
    expect(status).toEqual({
      path: policyFile,
      state: 'applied',
      problem: null,
      locks: { signInMethod: 'browser', weakStorageNeverAllowed: true, syncInterval: { min: 15, max: 60 }, updates: 'notify' },
      connections: ['Acme production', 'Acme sandbox'],
    });
    expect((await testCore.call('updates.status')).value).toMatchObject({ policy: 'notify', lockedBy: 'policy' });
  });

  it.each([
    ['the sign-in method', { signInMethod: 'window' }, /“Sign in with” is set by your organisation's policy file/],
    ['weaker storage', { allowWeakStorage: true }, /“Weaker storage” is set by your organisation's policy file/],
    ['updates', { updates: 'automatic' }, /“Updates” is set by your organisation's policy file/],
    ['a sync interval below the minimum', { syncInterval: 5 }, /outside what your organisation's policy file allows/],
    ['background sync off (the policy has a maximum)', { syncInterval: 'off' }, /outside what your organisation's policy file allows/],
  ])('a crafted settings.set for %s is refused, names the file, and changes nothing', async (_what, patch, message) => {
    write(policy);
    const testCore = core({ secretProtection: 'basic_text' });
    testCore.confirm.answer = true;
    const before = (await testCore.call('settings.get')).value as Settings;
    const result = await testCore.call('settings.set', { ...patch, theme: 'dark' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(message) });
    expect(result.error?.message).toContain(policyFile);
    // Nothing half-applied, and the main process never asked the user about a locked setting.
    expect((await testCore.call('settings.get')).value).toEqual(before);
    expect(testCore.confirm.asked).toHaveLength(0);
  });

  it('lets the user change what is not locked, and choose within the bounds', async () => {
    write(policy);
    const testCore = core();
    expect(await testCore.call('settings.set', { theme: 'dark', syncInterval: 15, signInMethod: 'browser' })).toMatchObject({ ok: true, value: { theme: 'dark', syncInterval: 15 } });
  });

  it('holds for connections too: a crafted connections.add or update with the other sign-in method is refused', async () => {
    write(policy);
    const testCore = core();
    const add = await testCore.call('connections.add', { label: 'Mine', loginUrl: 'https://login.salesforce.com', clientId: 'mine', signInMethod: 'window' });
    expect(add.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Sign in with') });
    const [first] = (await testCore.call('connections.list')).value as Connection[];
    expect((await testCore.call('connections.update', { id: first!.id, signInMethod: 'window' })).error).toMatchObject({ code: 'FORBIDDEN' });
    const added = await testCore.call('connections.add', { label: 'Mine', loginUrl: 'https://login.salesforce.com', clientId: 'mine' });
    expect(added).toMatchObject({ ok: true, value: { signInMethod: 'browser' } });
  });
});

describe('a policy file that is refused is ignored, saying why', () => {
  const refusedWith = async (message: RegExp) => {
    const testCore = core();
    const status = (await testCore.call('policy.status')).value as PolicyStatus;
    expect(status).toMatchObject({ state: 'refused', connections: [], locks: { signInMethod: null, weakStorageNeverAllowed: false, syncInterval: null, updates: null } });
    expect(status.problem).toContain(`Budgetly ignored the policy file ${policyFile}`);
    expect(status.problem).toMatch(message);
    // Nothing of it applies: no connection added, every setting free.
    expect((await testCore.call('connections.list')).value).toEqual([]);
    expect(await testCore.call('settings.set', { signInMethod: 'window', syncInterval: 'off' })).toMatchObject({ ok: true });
    expect(testCore.logger.lines.some((line) => line.startsWith('warn Budgetly ignored the policy file'))).toBe(true);
  };

  it('broken JSON', async () => {
    write('{"budgetly": 1, "connections": [');
    await refusedWith(/not valid JSON/);
  });

  it('an unknown field', async () => {
    write({ ...policy, settings: { ...policy.settings, theme: 'dark' } });
    await refusedWith(/does not know: theme/);
  });

  it('a non-Salesforce login host', async () => {
    write({ budgetly: 1, connections: [{ ...acme, loginUrl: 'https://acme.salesforce.com.evil.example' }] });
    await refusedWith(/connection 1 is not accepted: .*not a Salesforce login address/);
  });

  it('larger than 1 MB (refused before it is read)', async () => {
    write(`{"budgetly":1,"pad":"${'x'.repeat(1024 * 1024)}"}`);
    await refusedWith(/1,025 KB, more than the 1 MB/);
  });

  it('writable by other users', async () => {
    write(policy);
    chmodSync(policyFile, 0o666);
    await refusedWith(/other users of this computer can change it \(its permissions are 666\)/);
  });

  it('in a folder other users may write to', async () => {
    write(policy);
    chmodSync(join(folder.dir, 'budgetly'), 0o777);
    await refusedWith(/other users of this computer can replace it \(its folder's permissions are 777\)/);
  });

  it('not an ordinary file', async () => {
    mkdirSync(policyFile);
    await refusedWith(/not an ordinary file/);
  });

  it('a connection without a client id, in a build that has none built in (it could never be added)', async () => {
    const { clientId: _none, ...withoutClientId } = acme;
    write({ ...policy, connections: [policy.connections[1], withoutClientId] });
    await refusedWith(/connection 2 is not accepted: .*no “clientId”.*none built in/);
  });
});

describe('a connection without a client id', () => {
  it('is added with the client id the build carries', async () => {
    const { clientId: _none, ...withoutClientId } = acme;
    write({ budgetly: 1, connections: [withoutClientId] });
    const testCore = core({ builtInClientIds: { default: '3MVG9_built_in', sandbox: null, byLoginHost: {} } });
    expect((await testCore.call('policy.status')).value).toMatchObject({ state: 'applied', connections: ['Acme production'] });
    expect((await testCore.call('connections.list')).value).toMatchObject([{ label: 'Acme production', clientId: '3MVG9_built_in', fromPolicy: true }]);
  });
});

describe('a connection link or file under a locked sign-in method', () => {
  it('is offered, shown and added with the policy’s method, whether it names none or the other one', async () => {
    write({ budgetly: 1, settings: { signInMethod: 'browser' } });
    const testCore = core();
    for (const [name, method] of [['Acme one', null], ['Acme two', 'window']] as const) {
      const params = new URLSearchParams({ name, loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', ...(method ? { signInMethod: method } : {}) });
      const before = testCore.events.of('provisioning.changed').length;
      testCore.launch.deliver({ kind: 'link', url: `budgetly://connect?${params}` });
      for (let i = 0; i < 100 && testCore.events.of('provisioning.changed').length === before; i++) await new Promise((r) => setTimeout(r, 10));
      const offer = (await testCore.call('provisioning.pending')).value as ProvisionedOffer;
      expect(offer, name).toMatchObject({ status: 'ready', label: name, signInMethod: 'browser' });
      expect(await testCore.call('provisioning.accept', { id: offer.id }), name).toMatchObject({ ok: true, value: { label: name, signInMethod: 'browser' } });
    }
  });
});

describe('on Windows, where Node cannot read the file’s ACL', () => {
  // Any user may create folders in %ProgramData%: a file there proves nothing until an administrator confirms it
  // with its SHA-256 under HKLM\SOFTWARE\Policies\Budgetly (only administrators write HKLM; a GPO deploys both).
  const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
  const read = (adminDigest: string | null) => readPolicyFile(policyFile, { platform: 'win32', adminDigest: () => adminDigest });
  const reason = (result: ReturnType<typeof readPolicyFile>) => (result.state === 'refused' ? result.message(englishT) : result.state);

  it('a file no administrator confirmed (a user planted it) is ignored, saying what confirms it', () => {
    write(policy);
    expect(reason(read(null))).toMatch(/no administrator confirmed it: .*PolicySha256.*HKLM\\SOFTWARE\\Policies\\Budgetly/);
  });

  it('a file changed since an administrator confirmed it is ignored', () => {
    write(policy);
    const confirmed = digestOf(JSON.stringify({ ...policy, connections: [] }));
    expect(reason(read(confirmed))).toMatch(/it changed since an administrator confirmed it/);
  });

  it('the confirmed file applies', () => {
    write(policy);
    expect(read(digestOf(JSON.stringify(policy)).toUpperCase())).toMatchObject({ state: 'applied', policy: { connections: [{ label: 'Acme production' }, { label: 'Acme sandbox' }] } });
  });

  it('the confirmation is read from reg.exe’s answer (any other answer confirms nothing)', () => {
    const digest = digestOf('x');
    const answer = `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Budgetly\r\n    PolicySha256    REG_SZ    ${digest}\r\n\r\n`;
    expect(digestFromRegQuery(answer)).toBe(digest);
    expect(digestFromRegQuery(answer.replace('REG_SZ', 'REG_DWORD'))).toBeNull();
    expect(digestFromRegQuery(answer.replace(digest, digest.slice(1)))).toBeNull();
    expect(digestFromRegQuery(answer.replace('PolicySha256', 'OtherValue'))).toBeNull();
    expect(digestFromRegQuery('')).toBeNull();
  });
});

describe('file ownership', () => {
  it('a file that belongs to another user is refused', () => {
    write(policy);
    const me = process.getuid!();
    if (me === 0) chownSync(policyFile, 4242, 4242);
    const read = readPolicyFile(policyFile, me === 0 ? {} : { uid: me + 1 });
    expect(read.state).toBe('refused');
    expect(read.state === 'refused' ? read.message(englishT) : '').toMatch(/belongs to another user \(user id \d+\); it must belong to root/);
  });

  it('the reason and a refused lock are said in the language of Settings', async () => {
    write({ ...policy, settings: { ...policy.settings, theme: 'dark' } });
    const testCore = core({ locale: 'de-DE' });
    expect(((await testCore.call('policy.status')).value as PolicyStatus).problem).toBe(
      `Budgetly hat die Richtliniendatei ${policyFile} ignoriert: settings hat ein Feld, das Budgetly nicht kennt: theme.`,
    );
    write(policy);
    const locked = core({ locale: 'de-DE' });
    expect((await locked.call('settings.set', { signInMethod: 'window' })).error?.message).toBe(
      `„Anmelden mit“ ist durch die Richtliniendatei Ihrer Organisation (${policyFile}) festgelegt und kann hier nicht geändert werden.`,
    );
    expect((await locked.call('settings.set', { language: 'fr' })).ok).toBe(true);
    expect((await locked.call('settings.set', { signInMethod: 'window' })).error?.message).toContain('est fixé par le fichier de stratégie de votre organisation');
  });

  it('no file: no policy, nothing locked', async () => {
    const testCore = core();
    expect((await testCore.call('policy.status')).value).toMatchObject({ state: 'none', problem: null, connections: [] });
  });
});
