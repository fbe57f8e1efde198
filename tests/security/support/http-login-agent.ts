import type { LoginAgent, LoginRequest } from '../../../electron/core/ports';

/**
 * A login agent without a browser: walks the local org's real authorize → login → consent pages
 * with plain HTTP (cookies kept per attempt) and returns the URL the org redirected to, as the login
 * window would catch it. `rewrite` lets a test play an attacker who changes that URL.
 */
export class HttpLoginAgent implements LoginAgent {
  readonly redirects: string[] = [];

  constructor(
    private readonly options: { username?: string; password?: string; rewrite?: (redirect: URL, request: LoginRequest) => string } = {},
  ) {}

  async login(request: LoginRequest): Promise<string> {
    const jar: string[] = [];
    const send = async (url: string, body?: string) => {
      const response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie: jar.join('; '), ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
        body,
        redirect: 'manual',
        signal: request.signal,
      });
      jar.push(...response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!));
      await response.arrayBuffer();
      return response;
    };
    const next = (response: Response, base: string) => new URL(response.headers.get('location')!, base).href;
    const start = await send(request.authorizeUrl);
    const loginPage = next(start, request.authorizeUrl);
    await send(loginPage);
    await send(loginPage, new URLSearchParams({ username: this.options.username ?? 'demo@budgetly.test', password: this.options.password ?? 'budgetly' }).toString());
    const consent = await send(`${loginPage}/consent`, 'decision=allow');
    const resumed = await send(next(consent, loginPage));
    const redirect = next(resumed, loginPage);
    this.redirects.push(redirect);
    return this.options.rewrite ? this.options.rewrite(new URL(redirect), request) : redirect;
  }
}
