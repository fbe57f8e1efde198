import { englishMessage } from '../../contract/i18n/spoken-messages';
import { AppError } from '../../contract';
import type { LoginAgent, LoginRequest } from '../ports';
import { listenForRedirect, type PageWords } from './loopback-listener';

/**
 * Sign-in in the user's own browser (passkeys, security keys, SSO, browser-only org policies):
 * opens the authorize URL through `openExternal` and receives the redirect on a one-shot loopback
 * listener that answers with a "return to Budgetly" page. The user closing the browser tab cannot be
 * seen from here, so Cancel in the app and the overall timeout end the wait.
 */
export class LoopbackLoginAgent implements LoginAgent {
  /** `port` overrides the redirect URI's port (tests); `words` are the core's (the browser's pages in the user's language). */
  constructor(private readonly options: { openExternal: (url: string) => Promise<void>; port?: number; words?: () => PageWords | undefined }) {}

  async login(request: LoginRequest): Promise<string> {
    const state = new URL(request.authorizeUrl).searchParams.get('state') ?? '';
    const listener = await listenForRedirect({ redirectUri: request.redirectUri, port: this.options.port, signal: request.signal, state, words: this.options.words?.() });
    try {
      await this.options.openExternal(request.authorizeUrl).catch((error: unknown) => {
        throw new AppError('LOGIN_FAILED', englishMessage('loginBrowserNotOpened'), { cause: error });
      });
      return await listener.redirect;
    } finally {
      await listener.close();
    }
  }
}
