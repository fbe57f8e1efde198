import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../../electron/contract';
import { englishMessage } from '../../electron/contract/i18n/spoken-messages';
import { matchesRedirectUri } from '../../electron/core/auth/redirect';
import type { LoginAgent, LoginRequest } from '../../electron/core/ports';

/**
 * The tests' login agent (see DESIGN.md): opens the authorize URL in a real Chromium page and
 * catches the redirect with `route()` on the exact redirect URI (origin + path), the way the
 * login window does with `webRequest.onBeforeRequest`. Nothing needs to listen on the redirect
 * port. One browser context per agent plays the login partition (cookies survive between
 * attempts until `clearSession()`). Closing the page = the user closed the window → CANCELLED.
 *
 * The test acts on the page through `onPage` or `nextPage()` with `fillOrgLogin` / `approve` / `deny`.
 */
export interface PlaywrightLoginAgentOptions {
  /** Called with each login page as soon as it starts loading; a failure here fails the attempt. */
  onPage?: (page: Page) => Promise<void> | void;
}

const liveAgents = new Set<PlaywrightLoginAgent>();

export class PlaywrightLoginAgent implements LoginAgent {
  /** Authorize URLs opened so far, newest last (tests read PKCE/state parameters from them). */
  readonly authorizeUrls: string[] = [];
  /** Every URL the agent caught on the redirect URI, newest last. */
  readonly redirects: string[] = [];
  private context: Promise<BrowserContext> | undefined;
  private current: Page | undefined;
  private waiters: ((page: Page) => void)[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly options: PlaywrightLoginAgentOptions = {},
  ) {
    liveAgents.add(this);
  }

  /** The one agent of this test file, when there is exactly one (used by `connectTestCore`). */
  static only(): PlaywrightLoginAgent | undefined {
    return liveAgents.size === 1 ? [...liveAgents][0] : undefined;
  }

  get attempts(): number {
    return this.authorizeUrls.length;
  }

  /** The login page of the running attempt, or of the next one. */
  nextPage(): Promise<Page> {
    if (this.current && !this.current.isClosed()) {
      const page = this.current;
      this.current = undefined;
      return Promise.resolve(page);
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async login({ authorizeUrl, redirectUri, signal }: LoginRequest): Promise<string> {
    if (signal.aborted) throw signal.reason;
    this.authorizeUrls.push(authorizeUrl);
    const context = await this.partition();
    const page = await context.newPage();
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        outcome();
        if (!page.isClosed()) void page.close().catch(() => undefined);
      };
      const onAbort = () => finish(() => reject(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      page.on('close', () => finish(() => reject(new AppError('CANCELLED', englishMessage('loginWindowClosed')))));

      void page
        .route(
          (url) => matchesRedirectUri(url.href, redirectUri),
          async (route) => {
            const url = route.request().url();
            this.redirects.push(url);
            await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Redirect caught by the test login agent.</p>' }).catch(() => undefined);
            finish(() => resolve(url));
          },
        )
        .then(() => {
          this.handOut(page);
          page.goto(authorizeUrl).catch(() => undefined);
          return this.options.onPage?.(page);
        })
        .catch((error: unknown) => {
          finish(() => reject(error instanceof AppError ? error : new AppError('LOGIN_FAILED', `The test's login step failed: ${String(error)}`)));
        });
    });
  }

  /** Like the login window's partition being cleared on disconnect (one context for all connections here: clears all). */
  async clearSession(_connectionId?: string): Promise<void> {
    if (!this.context) return;
    const context = await this.context;
    await context.clearCookies();
  }

  async dispose(): Promise<void> {
    liveAgents.delete(this);
    if (this.context) await (await this.context).close().catch(() => undefined);
    this.context = undefined;
  }

  private partition(): Promise<BrowserContext> {
    this.context ??= this.browser.newContext();
    return this.context;
  }

  private handOut(page: Page): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(page);
    else this.current = page;
  }
}

/** Types the credentials into the org's login page and submits it. */
export async function fillOrgLogin(page: Page, credentials: { username: string; password: string }): Promise<void> {
  await page.locator('#username').waitFor();
  await page.fill('#username', credentials.username);
  await page.fill('#password', credentials.password);
  await page.click('#Login');
}

/** "Allow" on the org's consent page. */
export async function approve(page: Page): Promise<void> {
  await page.click('#oaapprove');
}

/** "Deny" on the org's consent page. */
export async function deny(page: Page): Promise<void> {
  await page.click('#oadeny');
}

/**
 * Whatever the org shows next: the login form (filled and submitted) and then consent (allowed).
 * With a live login cookie the org goes straight to consent.
 */
export async function signInAndAllow(page: Page, credentials: { username: string; password: string }): Promise<void> {
  const form = page.locator('#username');
  const allow = page.locator('#oaapprove');
  await form.or(allow).first().waitFor();
  if (await form.isVisible()) await fillOrgLogin(page, credentials);
  await approve(page);
}
