import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Connection, Settings } from '../../../electron/contract';
import { InvoiceCacheStore } from '../../../electron/core/invoices/cache/cache-store';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../../org';
import { createTestCore, type TestCore } from '../../support/test-core';
import { MemoryLogger, tempDir } from '../../support/test-ports';

/**
 * Weaker storage (Linux without a keyring, `basic_text`) is switched on only after the main process asked the
 * user itself (the Confirm port: a native dialog in the app, scripted here), never on the renderer's word; and
 * switching it off deletes what was stored weakly (sealed tokens, offline copy) at once. Issue #17, finding 5.
 */
let org: RunningOrg;
let testCore: TestCore;

beforeAll(async () => {
  org = await startOrg({ invoices: 12 });
});
afterAll(async () => {
  await org?.stop();
});
afterEach(async () => {
  await testCore?.dispose();
});

const settings = async () => (await testCore.call('settings.get')).value as Settings;

describe('switching weaker storage on', () => {
  it('asks in the main process; declined, nothing changes (the rest of the request still applies)', async () => {
    testCore = createTestCore({ secretProtection: 'basic_text' });
    testCore.confirm.answer = false;
    const result = await testCore.call('settings.set', { allowWeakStorage: true, theme: 'dark' });
    expect(result).toMatchObject({ ok: true, value: { allowWeakStorage: false, theme: 'dark' } });
    expect(testCore.confirm.asked).toHaveLength(1);
    expect(testCore.confirm.asked[0]).toMatchObject({ title: expect.stringContaining('weaker protection'), confirm: 'Allow weaker storage' });
    expect(await settings()).toMatchObject({ allowWeakStorage: false, theme: 'dark' });
  });

  it('cannot be used to nag: one question at a time, and after a “no” not asked again this session', async () => {
    const dir = tempDir();
    onTestFinished(() => dir.remove());
    testCore = createTestCore({ secretProtection: 'basic_text', dataDir: dir.dir });
    testCore.confirm.answer = false;
    // Three requests at once (a renderer hammering the channel): one dialog, one answer for all.
    const answers = await Promise.all([1, 2, 3].map(() => testCore.call('settings.set', { allowWeakStorage: true })));
    expect(answers.map((answer) => answer.value)).toMatchObject([{ allowWeakStorage: false }, { allowWeakStorage: false }, { allowWeakStorage: false }]);
    expect(testCore.confirm.asked).toHaveLength(1);
    // Asked again after the “no”: refused without a dialog, with the way to be asked again; nothing saved.
    testCore.confirm.answer = true;
    for (let i = 0; i < 5; i++) {
      expect(await testCore.call('settings.set', { allowWeakStorage: true, theme: 'dark' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/restart Budgetly/) },
      });
    }
    expect(testCore.confirm.asked).toHaveLength(1);
    expect(await settings()).toMatchObject({ allowWeakStorage: false });
    // The next session asks again.
    await testCore.dispose();
    testCore = createTestCore({ secretProtection: 'basic_text', dataDir: dir.dir });
    testCore.confirm.answer = true;
    expect(await testCore.call('settings.set', { allowWeakStorage: true })).toMatchObject({ ok: true, value: { allowWeakStorage: true } });
    expect(testCore.confirm.asked).toHaveLength(1);
  });

  it('switches it on when the user says yes, and does not ask again while it stays on', async () => {
    testCore = createTestCore({ secretProtection: 'basic_text' });
    testCore.confirm.answer = true;
    expect(await testCore.call('settings.set', { allowWeakStorage: true })).toMatchObject({ ok: true, value: { allowWeakStorage: true } });
    expect(await testCore.call('settings.set', { allowWeakStorage: true, theme: 'light' })).toMatchObject({ ok: true, value: { allowWeakStorage: true } });
    expect(testCore.confirm.asked).toHaveLength(1);
  });
});

describe('switching weaker storage off', () => {
  it('deletes the weakly sealed sign-in and the offline copy at once; this session keeps working from memory', async () => {
    testCore = createTestCore({ secretProtection: 'basic_text', loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
    testCore.confirm.answer = true;
    await testCore.call('settings.set', { allowWeakStorage: true });
    const id = ((await testCore.call('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' })).value as Connection).id;
    expect(await testCore.call('connections.connect', { id })).toMatchObject({ ok: true });
    expect(await testCore.call('invoices.sync', { connectionId: id, mode: 'full' })).toMatchObject({ ok: true });
    const cacheFile = new InvoiceCacheStore(testCore.dataDir, testCore.secretBox, new MemoryLogger()).pathFor(id);
    expect(existsSync(cacheFile)).toBe(true);
    expect(testCore.store.get(`secrets.tokens.${id}`)).toBeDefined();

    expect(await testCore.call('settings.set', { allowWeakStorage: false })).toMatchObject({ ok: true, value: { allowWeakStorage: false } });
    // Gone when the call answers, not at the next sync.
    expect(existsSync(cacheFile)).toBe(false);
    expect(testCore.store.get(`secrets.tokens.${id}`)).toBeUndefined();
    // The invoices and the sign-in stay for this session (memory only).
    const list = await testCore.call('invoices.list', { connectionId: id });
    expect(list).toMatchObject({ ok: true, value: { total: 12 } });
    expect(await testCore.call('invoices.sync', { connectionId: id })).toMatchObject({ ok: true });
    expect(existsSync(cacheFile)).toBe(false);
  });
});

describe('a machine policy that never allows weaker storage', () => {
  it('deployed after the user allowed it: the weakly sealed sign-in and offline copy leave the disk at the next start; that session keeps working from memory', async () => {
    const dir = tempDir();
    const policyDir = tempDir('budgetly-policy-');
    onTestFinished(() => {
      dir.remove();
      policyDir.remove();
    });
    const options = { secretProtection: 'basic_text' as const, loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url], dataDir: dir.dir };
    testCore = createTestCore(options);
    testCore.confirm.answer = true;
    await testCore.call('settings.set', { allowWeakStorage: true });
    const id = ((await testCore.call('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' })).value as Connection).id;
    expect(await testCore.call('connections.connect', { id })).toMatchObject({ ok: true });
    expect(await testCore.call('invoices.sync', { connectionId: id, mode: 'full' })).toMatchObject({ ok: true });
    const secretBox = testCore.secretBox;
    const cacheFile = new InvoiceCacheStore(dir.dir, secretBox, new MemoryLogger()).pathFor(id);
    expect(existsSync(cacheFile)).toBe(true);
    await testCore.dispose();

    // IT deploys the policy; the saved setting still says weaker storage is allowed.
    const policyFile = join(policyDir.dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ budgetly: 1, settings: { allowWeakStorage: false } }), { mode: 0o644 });
    testCore = createTestCore({ ...options, secretBox, policyFile });
    expect(await settings()).toMatchObject({ allowWeakStorage: false });
    const connection = ((await testCore.call('connections.list')).value as Connection[])[0];
    expect(connection).toMatchObject({ id, status: 'connected' });
    expect(await testCore.call('invoices.list', { connectionId: id })).toMatchObject({ ok: true, value: { total: 12 } });
    // Nothing weakly sealed is left on the disk once the start-up read it …
    expect(testCore.store.get(`secrets.tokens.${id}`)).toBeUndefined();
    expect(existsSync(cacheFile)).toBe(false);
    // … and this session still has the sign-in and the invoices (memory only), writing nothing back.
    expect(await testCore.call('invoices.sync', { connectionId: id })).toMatchObject({ ok: true });
    expect(testCore.store.get(`secrets.tokens.${id}`)).toBeUndefined();
    expect(existsSync(cacheFile)).toBe(false);
  });
});
