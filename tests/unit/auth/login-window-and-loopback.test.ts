import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyLoginNavigation, isAllowedLoginPage, loginPartition } from '../../../electron/core/auth/login-window-policy';
import { listenForRedirect } from '../../../electron/core/auth/loopback-listener';
import { REDIRECT_URI } from '../../../electron/core/auth/redirect';

describe('login window policy', () => {
  const local = ['http://127.0.0.1:4555'];

  it.each([
    ['https://login.salesforce.com/?locale=us', true],
    ['https://acme.my.salesforce.com/secur/frontdoor.jsp', true],
    ['https://acme--uat.sandbox.my.salesforce.com/', true],
    ['https://acme.lightning.force.com/', false],
    ['https://acme.my.site.com/', false],
    ['https://evil.force.com/', false],
    ['http://127.0.0.1:4555/services/oauth2/authorize', true],
    ['http://login.salesforce.com/', false],
    ['https://salesforce.com.evil.test/', false],
    ['https://evilsalesforce.com/', false],
    ['http://127.0.0.1:4556/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
  ])('%s → allowed %s', (url, allowed) => {
    expect(isAllowedLoginPage(url, local)).toBe(allowed);
  });

  it('recognises the redirect before anything else and blocks the rest', () => {
    expect(classifyLoginNavigation(`${REDIRECT_URI}?code=1&state=2`, REDIRECT_URI, local)).toEqual({ kind: 'redirect', url: `${REDIRECT_URI}?code=1&state=2` });
    expect(classifyLoginNavigation('https://login.salesforce.com/', REDIRECT_URI, local)).toEqual({ kind: 'allow' });
    expect(classifyLoginNavigation('http://localhost:1718/OauthRedirect?code=1', REDIRECT_URI, local)).toEqual({ kind: 'block' });
  });

  it('gives each connection its own partition', () => {
    expect(loginPartition('c-1', true)).toBe('persist:login-c-1');
    expect(loginPartition('c-1', false)).toBe('login-c-1');
    expect(loginPartition('../x y', true)).toBe('persist:login-___x_y');
  });
});

describe('loopback redirect listener', () => {
  it('answers the redirect with a return-to-Budgetly page, resolves with it, and closes', async () => {
    const controller = new AbortController();
    const listener = await listenForRedirect({ redirectUri: REDIRECT_URI, port: 0, signal: controller.signal, state: 'xyz' });
    const base = `http://127.0.0.1:${listener.port}`;

    const other = await fetch(`${base}/favicon.ico`);
    expect(other.status).toBe(404);

    const answer = await fetch(`${base}/OauthRedirect?code=abc&state=xyz`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('You can return to Budgetly');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    await expect(listener.redirect).resolves.toBe(`${REDIRECT_URI}?code=abc&state=xyz`);

    await listener.close();
    await expect(fetch(`${base}/OauthRedirect?code=again`)).rejects.toThrow();
  });

  it('stops listening and rejects when the attempt is aborted', async () => {
    const controller = new AbortController();
    const listener = await listenForRedirect({ redirectUri: REDIRECT_URI, port: 0, signal: controller.signal, state: 'xyz' });
    controller.abort(Object.assign(new Error('Sign-in cancelled.'), { code: 'CANCELLED' }));
    await expect(listener.redirect).rejects.toThrow('Sign-in cancelled.');
    await listener.close();
    await expect(fetch(`http://127.0.0.1:${listener.port}/OauthRedirect`)).rejects.toThrow();
  });

  it('ignores answers with another state or none, and keeps waiting for the right one', async () => {
    const controller = new AbortController();
    const listener = await listenForRedirect({ redirectUri: REDIRECT_URI, port: 0, signal: controller.signal, state: 'xyz' });
    const base = `http://127.0.0.1:${listener.port}`;
    let settled = false;
    void listener.redirect.then(() => (settled = true), () => (settled = true));

    for (const query of ['?code=evil&state=guess', '?code=evil', '?error=access_denied&state=guess', '?code=evil&state=xyz2']) {
      const answer = await fetch(`${base}/OauthRedirect${query}`);
      expect(answer.status, query).toBe(400);
      expect(await answer.text()).toContain('does not belong to the sign-in');
    }
    expect(settled).toBe(false);

    const right = await fetch(`${base}/OauthRedirect?code=abc&state=xyz`);
    expect(right.status).toBe(200);
    await expect(listener.redirect).resolves.toBe(`${REDIRECT_URI}?code=abc&state=xyz`);
    await listener.close();
  });

  it('fails clearly when another program holds the port on ::1 (the browser may send localhost there)', async (context) => {
    const squatter = await listenOn('::1', 0).catch(() => null);
    if (!squatter) return context.skip('this computer has no IPv6 loopback');
    const port = (squatter.address() as { port: number }).port;
    try {
      await expect(listenForRedirect({ redirectUri: REDIRECT_URI, port, signal: new AbortController().signal, state: 'xyz' })).rejects.toMatchObject({
        code: 'LOGIN_FAILED',
        message: expect.stringContaining('busy'),
      });
      // Nothing was left listening on 127.0.0.1 either.
      const again = await listenOn('127.0.0.1', port);
      await new Promise<void>((resolve) => again.close(() => resolve()));
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('says plainly when its port is taken', async () => {
    const first = await listenForRedirect({ redirectUri: REDIRECT_URI, port: 0, signal: new AbortController().signal, state: 'xyz' });
    await expect(listenForRedirect({ redirectUri: REDIRECT_URI, port: first.port, signal: new AbortController().signal, state: 'xyz' })).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
      message: expect.stringContaining('busy'),
    });
    await first.close();
  });
});

function listenOn(host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
