import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginFlow, type LoginTarget } from '../../../electron/core/auth/login-flow';
import { authorizeUrl, createOAuth2, exchangeCode } from '../../../electron/core/auth/oauth-client';
import { createPkce, createState } from '../../../electron/core/auth/pkce';
import { REDIRECT_URI, parseRedirect } from '../../../electron/core/auth/redirect';
import type { LoginAgent } from '../../../electron/core/ports';
import { systemClock } from '../../../electron/core/ports';
import { defaultHttpLimits } from '../../../electron/core/salesforce/http-limits';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { launchChromium } from '../../support/chromium';
import { PlaywrightLoginAgent, approve, deny, fillOrgLogin } from '../../support/playwright-login-agent';
import { ManualClock, MemoryLogger } from '../../support/test-ports';

/** LoginFlow against the local org through its real login and consent pages in Chromium. */

const credentials = { username: 'demo@budgetly.test', password: 'budgetly' };
let org: RunningOrg;
let browser: Browser;
let agent: PlaywrightLoginAgent;
let target: LoginTarget;

beforeAll(async () => {
  [org, browser] = await Promise.all([startOrg({ port: 0, invoices: 10 }), launchChromium()]);
  target = { connectionId: 'c1', loginUrl: org.url, clientId: 'budgetly-demo' };
});
afterAll(async () => {
  await browser?.close();
  await org?.stop();
});
afterEach(async () => {
  await agent?.dispose();
});

function flow(options: { clock?: ManualClock; timeoutMs?: number } = {}) {
  agent = new PlaywrightLoginAgent(browser);
  org.control.resetCounters();
  return new LoginFlow({ clock: options.clock ?? systemClock, logger: new MemoryLogger(), timeoutMs: options.timeoutMs });
}

/** Signs in on the page; the page closes as soon as the redirect is caught, which may interrupt the last click. */
async function signIn(password = credentials.password, decide: typeof approve = approve) {
  const page = await agent.nextPage();
  await fillOrgLogin(page, { ...credentials, password });
  await decide(page).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}

/** An agent that lets the real login happen and then hands back a doctored redirect URL. */
function forging(rewrite: (url: URL) => string): LoginAgent {
  return { login: async (request) => rewrite(new URL(await agent.login(request))) };
}

describe('LoginFlow', () => {
  it('signs in with PKCE through the login and consent pages and reads the identity', async () => {
    const login = flow();
    const [result] = await Promise.all([login.login(target, agent), signIn()]);
    expect(result.identity).toMatchObject({ username: 'demo@budgetly.test', orgId: org.orgId, userId: org.userId });
    expect(result.tokens.instanceUrl).toBe(org.url);
    expect(result.tokens.accessToken.startsWith('00D')).toBe(true);
    expect(result.tokens.refreshToken.startsWith('5Aep')).toBe(true);
    expect(org.control.counters().tokenGrants).toBe(1);

    const sent = new URL(agent.authorizeUrls[0]!);
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('scope')).toBe('api refresh_token');
    expect(sent.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(login.isRunning('c1')).toBe(false);
  });

  it('lets the user correct a wrong password on the same page', async () => {
    const login = flow();
    const driving = (async () => {
      const page = await agent.nextPage();
      await fillOrgLogin(page, { ...credentials, password: 'wrong' });
      await page.locator('#error').waitFor();
      await fillOrgLogin(page, credentials);
      await approve(page).catch(() => undefined);
    })();
    const [result] = await Promise.all([login.login(target, agent), driving]);
    expect(result.identity.username).toBe('demo@budgetly.test');
  });

  it('explains a denied consent and gets no tokens', async () => {
    const login = flow();
    const [outcome] = await Promise.allSettled([login.login(target, agent), signIn(credentials.password, deny)]);
    expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'ACCESS_DENIED', message: expect.stringContaining('You chose not to allow access') } });
    expect(org.control.counters().tokenGrants).toBe(0);
  });

  it('reports a closed login window as cancelled, and allows a new attempt right away', async () => {
    const login = flow();
    const attempt = login.login(target, agent).catch((error: unknown) => error);
    await (await agent.nextPage()).close();
    expect(await attempt).toMatchObject({ code: 'CANCELLED', message: expect.stringContaining('closed') });
    expect(login.isRunning('c1')).toBe(false);
  });

  it('runs one attempt per connection at a time, and Cancel closes the window', async () => {
    const login = flow();
    const attempt = login.login(target, agent);
    const page = await agent.nextPage();
    await expect(login.login(target, agent)).rejects.toMatchObject({ code: 'LOGIN_IN_PROGRESS' });
    expect(login.cancel('c1')).toBe(true);
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect.poll(() => page.isClosed()).toBe(true);
  });

  it('gives up after the overall timeout and closes the window', async () => {
    const clock = new ManualClock();
    const login = flow({ clock, timeoutMs: 5 * 60_000 });
    const attempt = login.login(target, agent);
    const page = await agent.nextPage();
    clock.advance(5 * 60_000);
    await expect(attempt).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('5 minutes') });
    await expect.poll(() => page.isClosed()).toBe(true);
  });

  it.each([
    ['a different state', (url: URL) => (url.searchParams.set('state', `${url.searchParams.get('state')}x`), url.href)],
    ['no state', (url: URL) => (url.searchParams.delete('state'), url.href)],
    ['another path', (url: URL) => url.href.replace('/OauthRedirect', '/OauthRedirectX')],
    ['another port', (url: URL) => url.href.replace(':1717/', ':1718/')],
    ['a lookalike host', (url: URL) => url.href.replace('localhost:1717', 'localhost.attacker.test:1717')],
  ])('refuses a redirect with %s and never exchanges its code', async (_label, rewrite) => {
    const login = flow();
    const [outcome] = await Promise.allSettled([login.login(target, forging(rewrite)), signIn()]);
    expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'LOGIN_FAILED' } });
    expect(org.control.counters().tokenGrants).toBe(0);
  });
});

describe('PKCE at the org', () => {
  async function codeFor(challenge: string): Promise<{ oauth2: ReturnType<typeof createOAuth2>; code: string }> {
    flow();
    const oauth2 = createOAuth2({ loginUrl: org.url, clientId: 'budgetly-demo', redirectUri: REDIRECT_URI }, defaultHttpLimits);
    const state = createState();
    const [redirected] = await Promise.all([
      agent.login({ authorizeUrl: authorizeUrl(oauth2, { state, codeChallenge: challenge }), redirectUri: REDIRECT_URI, signal: new AbortController().signal }),
      signIn(),
    ]);
    return { oauth2, code: parseRedirect(redirected, { redirectUri: REDIRECT_URI, state }).code };
  }

  it('refuses a code sent with the wrong verifier', async () => {
    const { oauth2, code } = await codeFor(createPkce().challenge);
    await expect(exchangeCode(oauth2, code, createPkce().verifier)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(org.control.counters().tokenGrants).toBe(0);
  });

  it('grants tokens for the matching verifier', async () => {
    const pkce = createPkce();
    const { oauth2, code } = await codeFor(pkce.challenge);
    const tokens = await exchangeCode(oauth2, code, pkce.verifier);
    expect(tokens.refreshToken?.startsWith('5Aep')).toBe(true);
  });
});
