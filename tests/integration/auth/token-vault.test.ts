import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Result } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { createTestCore, type TestCore as AppInstance } from '../../support/test-core';
import { TestSecretBox, tempDir } from '../../support/test-ports';
import { filesWithTokens, holdsToken } from './no-token-leaks';

/** The token vault in each state the OS can put it in, across app restarts. */
let browser: Browser;
let org: RunningOrg;
let agent: PlaywrightLoginAgent;
const cleanups: (() => Promise<void> | void)[] = [];
const dirs: string[] = [];
const apps: AppInstance[] = [];

beforeAll(async () => {
  [browser, org] = await Promise.all([launchChromium(), startOrg({ invoices: 3 })]);
  agent = new PlaywrightLoginAgent(browser);
});
afterAll(async () => {
  await agent?.dispose();
  await Promise.all([browser?.close(), org?.stop()]);
});
afterEach(async () => {
  for (const dir of dirs) expect(filesWithTokens(dir), 'token on disk').toEqual([]);
  for (const app of apps.splice(0)) {
    expect(app.events.emitted.some(holdsToken)).toBe(false);
    expect(app.logger.lines.some((line) => holdsToken(line))).toBe(false);
    await app.core.dispose();
  }
  for (const cleanup of cleanups.splice(0)) await cleanup();
  dirs.length = 0;
});

function launch(dataDir: string, secretBox: TestSecretBox): AppInstance {
  const app = createTestCore({ dataDir, secretBox, loginAgent: agent, extraLoginOrigins: [org.url] });
  apps.push(app);
  return app;
}

function freshDir(): string {
  const temp = tempDir();
  cleanups.push(temp.remove);
  dirs.push(temp.dir);
  return temp.dir;
}

async function list(app: AppInstance): Promise<Connection[]> {
  const result = (await app.call('connections.list')) as Result<Connection[]>;
  expect(holdsToken(result), 'token in connections.list').toBe(false);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function countInvoices(app: AppInstance, id: string): Promise<number> {
  const conn = await app.core.sessions.open(id, '62.0');
  return (await conn.query<{ Id: string }>('SELECT Id FROM Invoice')).totalSize;
}

describe('token vault', () => {
  it("'os': tokens are sealed on disk and the app is still connected after a restart", async () => {
    const dir = freshDir();
    const box = new TestSecretBox('os');
    const first = launch(dir, box);
    const id = await connectTestCore(first, org, { agent });
    expect((await list(first))[0]).toMatchObject({ status: 'connected', sessionOnly: false });
    const sealed = first.store.get<Record<string, { format: string; version: number }>>('secrets.tokens');
    expect(sealed?.[id]).toMatchObject({ format: 'budgetly-sealed', version: 1 });
    await first.core.dispose();

    const second = launch(dir, box);
    expect((await list(second))[0]).toMatchObject({ id, status: 'connected', username: 'demo@budgetly.test' });
    expect(await countInvoices(second, id)).toBe(3);
  });

  it("'basic_text': memory only (sessionOnly) unless weaker storage is allowed; then it survives a restart", async () => {
    const dir = freshDir();
    const box = new TestSecretBox('basic_text');
    const first = launch(dir, box);
    const id = await connectTestCore(first, org, { agent });
    expect((await list(first))[0]).toMatchObject({ status: 'connected', sessionOnly: true });
    expect(first.store.get('secrets.tokens') ?? {}).toEqual({});
    expect(await countInvoices(first, id)).toBe(3);
    await first.core.dispose();

    const second = launch(dir, box);
    const [afterRestart] = await list(second);
    expect(afterRestart).toMatchObject({ status: 'reconnect-needed', lastError: { code: 'RECONNECT_REQUIRED' } });
    expect(afterRestart?.lastError?.message).toMatch(/memory only/);
    await expect(second.core.sessions.open(id, '62.0')).rejects.toMatchObject({ code: 'RECONNECT_REQUIRED' });

    await connectTestCore(second, org, { agent, connectionId: id });
    second.confirm.answer = true; // the user says yes to the main process's own question
    const set = (await second.call('settings.set', { allowWeakStorage: true })) as Result<unknown>;
    expect(set.ok).toBe(true);
    await expect.poll(async () => (await list(second))[0]?.sessionOnly).toBe(false);
    await expect.poll(() => Object.keys(second.store.get<object>('secrets.tokens') ?? {})).toEqual([id]);
    await second.core.dispose();

    const third = launch(dir, box);
    expect((await list(third))[0]).toMatchObject({ status: 'connected', sessionOnly: false });
    expect(await countInvoices(third, id)).toBe(3);
  });

  it("'unavailable': works for this session, never writes tokens, even with weaker storage allowed", async () => {
    const dir = freshDir();
    const box = new TestSecretBox('unavailable');
    const app = launch(dir, box);
    app.confirm.answer = true;
    await app.call('settings.set', { allowWeakStorage: true });
    const id = await connectTestCore(app, org, { agent });
    expect((await list(app))[0]).toMatchObject({ status: 'connected', sessionOnly: true });
    expect(await countInvoices(app, id)).toBe(3);
    expect(app.store.get('secrets.tokens') ?? {}).toEqual({});
    const info = (await app.call('app.info')) as Result<{ secretProtection: string }>;
    expect(info.ok && info.value.secretProtection).toBe('unavailable');
  });

  it('a corrupted blob is deleted and the connection asks to reconnect (the connection itself is kept)', async () => {
    const dir = freshDir();
    const box = new TestSecretBox('os');
    const first = launch(dir, box);
    const id = await connectTestCore(first, org, { agent });
    await first.core.dispose();
    const blob = first.store.get<{ data: string }>(`secrets.tokens.${id}`)!;
    const bytes = Buffer.from(blob.data, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    first.store.set(`secrets.tokens.${id}`, { ...blob, data: bytes.toString('base64') });

    const second = launch(dir, box);
    const [connection] = await list(second);
    expect(connection).toMatchObject({ status: 'reconnect-needed', lastError: { code: 'RECONNECT_REQUIRED' } });
    expect(connection?.lastError?.message).toMatch(/could not be opened/);
    expect(second.store.get(`secrets.tokens.${id}`)).toBeUndefined();
    await expect(second.core.sessions.open(id, '62.0')).rejects.toMatchObject({ code: 'RECONNECT_REQUIRED' });
  });

  it('a blob sealed by another user or machine (other key) is treated the same way', async () => {
    const dir = freshDir();
    const first = launch(dir, new TestSecretBox('os'));
    const id = await connectTestCore(first, org, { agent });
    await first.core.dispose();
    const second = launch(dir, new TestSecretBox('os'));
    expect((await list(second))[0]?.status).toBe('reconnect-needed');
    expect(second.store.get(`secrets.tokens.${id}`)).toBeUndefined();
  });

  it('a rotated refresh token is saved before use: after 20 rotations and a restart the session still renews', async () => {
    const rotating = await startOrg({ invoices: 2, sessionTtl: 1, rotateRefresh: true });
    cleanups.push(() => rotating.stop());
    const dir = freshDir();
    const box = new TestSecretBox('os');
    const first = createTestCore({ dataDir: dir, secretBox: box, loginAgent: agent, extraLoginOrigins: [rotating.url] });
    apps.push(first);
    const id = await connectTestCore(first, rotating, { agent });
    const conn = await first.core.sessions.open(id, '62.0');
    const before = rotating.control.counters().refreshes;
    for (let round = 0; round < 20; round++) {
      rotating.control.expireSessions();
      expect((await conn.query('SELECT Id FROM Invoice')).totalSize).toBe(2);
    }
    expect(rotating.control.counters().refreshes - before).toBe(20);
    await first.core.dispose();

    const second = createTestCore({ dataDir: dir, secretBox: box, loginAgent: agent, extraLoginOrigins: [rotating.url] });
    apps.push(second);
    rotating.control.expireSessions();
    const again = await second.core.sessions.open(id, '62.0');
    expect((await again.query('SELECT Id FROM Invoice')).totalSize).toBe(2);
    expect((await list(second))[0]?.status).toBe('connected');
  });
});

