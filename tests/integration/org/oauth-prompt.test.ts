/* eslint-disable @typescript-eslint/no-explicit-any -- jsforce params are loosely typed */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_USER, startOrg, type RunningOrg } from '../../org/index.ts';
import { approve, fillOrgLogin } from '../../support/playwright-login-agent';
import { launchChromium, oauth2, pkce, REDIRECT } from './org-test-helpers.ts';

let org: RunningOrg;
let browser: Browser;
beforeAll(async () => {
  [org, browser] = await Promise.all([startOrg({ port: 0, invoices: 20 }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await org?.stop();
});

it('an existing browser session skips the login page; prompt=login shows it again with login_hint', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hits: URL[] = [];
  await page.route((u) => u.origin + u.pathname === REDIRECT, async (route) => {
    hits.push(new URL(route.request().url()));
    await route.fulfill({ status: 200, body: 'ok' });
  });
  const url = (extra: Record<string, string> = {}) =>
    oauth2(org).getAuthorizationUrl({ scope: 'api refresh_token', state: 's', code_challenge: pkce().challenge, code_challenge_method: 'S256', ...extra } as any);
  await page.goto(url());
  await fillOrgLogin(page, DEMO_USER);
  await approve(page);
  await expect.poll(() => hits.length, { timeout: 15_000 }).toBe(1);
  // session + grant exist: straight back to the redirect URI with a code (Playwright does not
  // route a redirect hop of page.goto, so watch the requests instead; nothing listens there)
  page.on('request', (r) => { if (r.url().startsWith(`${REDIRECT}?`)) hits.push(new URL(r.url())); });
  await page.goto(url()).catch(() => undefined);
  await expect.poll(() => hits.length, { timeout: 15_000 }).toBe(2);
  expect(hits[1]!.searchParams.get('code')).toBeTruthy();
  const page2 = await context.newPage(); // same cookies, clean navigation state
  await page2.goto(url({ prompt: 'login', login_hint: 'demo@budgetly.test' }));
  await expect.poll(() => page2.locator('#username').inputValue()).toBe('demo@budgetly.test');
  await context.close();
});
