import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginFlow } from '../../../electron/core/auth/login-flow';
import { LoopbackLoginAgent } from '../../../electron/core/auth/loopback-login-agent';
import { systemClock } from '../../../electron/core/ports';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { launchChromium } from '../../support/chromium';
import { approve, fillOrgLogin } from '../../support/playwright-login-agent';
import { MemoryLogger } from '../../support/test-ports';

/**
 * The system-browser sign-in for real: Chromium plays the user's browser (no interception at all),
 * the org redirects it over HTTP to the loopback listener, which answers with the return page.
 * The org accepts loopback redirect URIs on any port, so the test uses a free one instead of 1717.
 */
let org: RunningOrg;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [org, browser] = await Promise.all([startOrg({ port: 0, invoices: 10 }), launchChromium()]);
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await org?.stop();
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('system-browser sign-in', () => {
  it('signs in through the browser and shows the user the way back to Budgetly', async () => {
    const port = await freePort();
    const pages: Promise<void>[] = [];
    const agent = new LoopbackLoginAgent({
      openExternal: async (url) => {
        const page = await context.newPage();
        pages.push(
          (async () => {
            await page.goto(url);
            await fillOrgLogin(page, { username: 'demo@budgetly.test', password: 'budgetly' });
            await approve(page);
            await page.getByText('You can return to Budgetly').waitFor();
          })(),
        );
      },
    });
    const flow = new LoginFlow({ clock: systemClock, logger: new MemoryLogger(), redirectUri: `http://localhost:${port}/OauthRedirect` });
    const result = await flow.login({ connectionId: 'c1', loginUrl: org.url, clientId: 'budgetly-demo' }, agent);
    await Promise.all(pages);
    expect(result.identity).toMatchObject({ username: 'demo@budgetly.test', orgId: org.orgId });
    // One-shot: the listener is gone.
    await expect(fetch(`http://127.0.0.1:${port}/OauthRedirect?code=x`)).rejects.toThrow();
  });

  it('stops listening when the user cancels in the app', async () => {
    const port = await freePort();
    const flow = new LoginFlow({ clock: systemClock, logger: new MemoryLogger(), redirectUri: `http://localhost:${port}/OauthRedirect` });
    let opened!: () => void;
    const wasOpened = new Promise<void>((resolve) => (opened = resolve));
    const agent = new LoopbackLoginAgent({ openExternal: async () => opened() });
    const attempt = flow.login({ connectionId: 'c1', loginUrl: org.url, clientId: 'budgetly-demo' }, agent).catch((error: unknown) => error);
    await wasOpened;
    flow.cancel('c1');
    expect(await attempt).toMatchObject({ code: 'CANCELLED' });
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/OauthRedirect`).then(() => 'open', () => 'closed')).toBe('closed');
  });
});
