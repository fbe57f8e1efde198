import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginFlow, type LoginTarget } from '../../../electron/core/auth/login-flow';
import { systemClock } from '../../../electron/core/ports';
import type { HttpLimits } from '../../../electron/core/salesforce/http-limits';
import { SessionManager } from '../../../electron/core/salesforce/session-manager';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { launchChromium } from '../../support/chromium';
import { failure } from '../../support/failure';
import { PlaywrightLoginAgent, signInAndAllow } from '../../support/playwright-login-agent';
import { MemoryLogger } from '../../support/test-ports';
import { MemorySource } from './support/memory-session-source';

/**
 * Token, refresh and identity answers that break off mid-body or stall after their headers,
 * against the local org's `drop` and `stall` faults. The overall limit is set far beyond the test's own
 * timeout, so only the transport's handling of the body (a dropped body fails at once, a stalled one after
 * the short body limit) can make these tests pass.
 */

const LIMITS: HttpLimits = { timeoutMs: 10 * 60_000, maxRetries: 0, retryDelayMs: 50, bodyTimeoutMs: 300 };
const TOKEN = '/services/oauth2/token';
const credentials = { username: 'demo@budgetly.test', password: 'budgetly' };
const COUNT = 'SELECT COUNT() FROM Invoice';

let org: RunningOrg;
let browser: Browser;
let agent: PlaywrightLoginAgent;
let target: LoginTarget;

beforeAll(async () => {
  [org, browser] = await Promise.all([startOrg({ port: 0, invoices: 12 }), launchChromium()]);
  target = { connectionId: 'c1', loginUrl: org.url, clientId: 'budgetly-demo' };
});
afterAll(async () => {
  await browser?.close();
  await org?.stop();
});
afterEach(async () => {
  org.control.clearFaults();
  await agent?.dispose();
});

function loginFlow(): LoginFlow {
  agent = new PlaywrightLoginAgent(browser);
  return new LoginFlow({ clock: systemClock, logger: new MemoryLogger(), httpLimits: LIMITS });
}

/** One sign-in through the org's pages; the page closes once the redirect is caught. */
function signIn(login: LoginFlow) {
  return Promise.all([login.login(target, agent), agent.nextPage().then((page) => signInAndAllow(page, credentials).catch(() => undefined))]).then(
    ([result]) => result,
  );
}

describe('sign-in when the token answer breaks off', () => {
  it.each([
    ['is cut off mid-body', 'drop'],
    ['stalls after its headers', 'stall'],
  ] as const)('fails as NETWORK when the token answer %s, and the next Connect signs in', async (_label, kind) => {
    const login = loginFlow();
    org.control.injectFault({ kind, count: 1, pathPrefix: TOKEN });
    const error = await failure(signIn(login));
    expect(error).toMatchObject({ code: 'NETWORK', message: expect.stringContaining('broke off while finishing your sign-in') });
    expect(error.message).toContain('Check your internet connection and sign in again.');
    expect(login.isRunning('c1')).toBe(false);

    const result = await signIn(login);
    expect(result.identity.username).toBe('demo@budgetly.test');
    expect(result.tokens.refreshToken.startsWith('5Aep')).toBe(true);
  });

  it('fails as NETWORK when the identity answer is cut off, and revokes the tokens it got', async () => {
    const login = loginFlow();
    org.control.resetCounters();
    org.control.injectFault({ kind: 'drop', count: 1, pathPrefix: '/id/' });
    const error = await failure(signIn(login));
    expect(error.code).toBe('NETWORK');
    expect(login.isRunning('c1')).toBe(false);
    await expect.poll(() => org.control.counters().revokes).toBe(1);
  });
});

describe('a refresh whose answer breaks off', () => {
  it.each(['drop', 'stall'] as const)('(%s) is a NETWORK failure, not a revocation: the stored refresh token stays and the next call renews', async (kind) => {
    const { tokens } = await signIn(loginFlow());
    const source = new MemorySource(org.url, tokens);
    const sessions = new SessionManager(source, { logger: new MemoryLogger(), httpLimits: LIMITS, extraOrigins: [org.url] });
    const conn = await sessions.open('c1', '62.0');
    org.control.expireSessions();
    org.control.resetCounters();
    org.control.injectFault({ kind, count: 1, pathPrefix: TOKEN });

    const error = await failure(conn.query(COUNT));
    expect(error.code).toBe('NETWORK');
    expect(source.status).toBe('connected');
    expect(source.reconnectErrors).toEqual([]);
    expect(source.tokens).toBe(tokens);
    expect(org.control.counters().refreshes).toBe(1);

    expect((await conn.query(COUNT)).totalSize).toBe(12);
    expect(source.saved.at(-1)?.refreshToken).toBe(tokens.refreshToken);
  });
});
