import { BrowserWindow, session as electronSession, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { AppError } from '../contract';
import { classifyLoginNavigation, loginPartition } from '../core/auth/login-window-policy';
import type { LoginAgent, LoginRequest } from '../core/ports';
import { denyAllPermissions } from './security';

export interface LoginWindowAgentOptions {
  /** The app window the login window belongs to (shown on top of it). */
  parent?: () => BrowserWindow | undefined;
  /** Origins allowed besides Salesforce's https domains (CoreDeps.extraLoginOrigins, e.g. the local org). */
  extraOrigins?: readonly string[];
}

/**
 * Sign-in in a window of the app's own (DESIGN.md "login agent"): sandboxed, no preload, its own
 * partition per connection. The redirect URI is caught on `webRequest.onBeforeRequest` and cancelled
 * (nothing needs to listen on it), with will-redirect / will-navigate / did-navigate / did-fail-load as
 * backups. Pages outside Salesforce's https domains are blocked; popups (IdP, "forgot password") stay
 * in the partition. Closing the window rejects with CANCELLED; an abort closes it.
 */
export class LoginWindowAgent implements LoginAgent {
  private readonly partitions = new Set<string>();

  constructor(private readonly options: LoginWindowAgentOptions = {}) {}

  login(request: LoginRequest): Promise<string> {
    const { authorizeUrl, redirectUri, signal } = request;
    if (signal.aborted) return Promise.reject(signal.reason);
    const partition = request.connectionId ? loginPartition(request.connectionId, true) : loginPartition('once', false);
    this.partitions.add(partition);
    const session = electronSession.fromPartition(partition);
    const allowed = [new URL(authorizeUrl).origin, ...(this.options.extraOrigins ?? [])];
    const window = new BrowserWindow(loginWindowOptions(partition, this.options.parent?.()));

    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        session.webRequest.onBeforeRequest(null);
        outcome();
        if (!window.isDestroyed()) window.close();
      };
      const caught = (url: string) => finish(() => resolve(url));
      const blocked = (url: string) => finish(() => reject(leftSalesforce(url)));
      const onAbort = () => finish(() => reject(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      window.on('closed', () => finish(() => reject(new AppError('CANCELLED', 'Sign-in cancelled: the login window was closed.'))));

      denyAllPermissions(session);
      session.webRequest.onBeforeRequest({ urls: [redirectFilter(redirectUri)] }, (details, callback) => {
        const decision = classifyLoginNavigation(details.url, redirectUri, allowed);
        callback({ cancel: decision.kind === 'redirect' });
        if (decision.kind === 'redirect') caught(details.url);
      });
      guard(window.webContents, { redirectUri, allowed, caught, blocked, partition });
      // Some identity providers refuse "embedded" browsers by user agent; present a plain Chrome one.
      window.webContents.setUserAgent(window.webContents.getUserAgent().replace(/ (Electron|budgetly|Budgetly)\/\S+/g, ''));
      window.once('ready-to-show', () => window.show());
      window.loadURL(authorizeUrl).catch(() => undefined); // a cancelled redirect rejects loadURL: expected
    });
  }

  /** Forgets cookies and storage of one connection's login partition (all used so far without an id). */
  async clearSession(connectionId?: string): Promise<void> {
    const partitions = connectionId ? [loginPartition(connectionId, true)] : [...this.partitions];
    await Promise.all(
      partitions.map(async (partition) => {
        const session = electronSession.fromPartition(partition);
        await session.clearStorageData();
        await session.clearCache();
        await session.clearAuthCache();
      }),
    );
  }
}

/** Backups for the redirect, navigation blocking and popups, for a login window and its children. */
interface GuardContext {
  redirectUri: string;
  allowed: string[];
  caught: (url: string) => void;
  /** A main-frame navigation away from Salesforce (e.g. to an SSO identity provider) ends the attempt with advice. */
  blocked: (url: string) => void;
  partition: string;
}

function guard(contents: WebContents, context: GuardContext): void {
  const check = (event: { preventDefault(): void; isMainFrame: boolean }, url: string) => {
    const decision = classifyLoginNavigation(url, context.redirectUri, context.allowed);
    if (decision.kind === 'allow') return;
    if (decision.kind === 'redirect') {
      event.preventDefault();
      context.caught(url);
    } else if (event.isMainFrame) {
      // Only the page itself is held to Salesforce's domains; frames inside it (captcha, help) are left alone.
      event.preventDefault();
      context.blocked(url);
    }
  };
  contents.on('will-navigate', (event) => check(event, event.url));
  contents.on('will-redirect', (event) => check(event, event.url));
  contents.on('did-navigate', (_event, url) => {
    if (classifyLoginNavigation(url, context.redirectUri, context.allowed).kind === 'redirect') context.caught(url);
  });
  contents.on('did-fail-load', (_event, _code, _description, url, isMainFrame) => {
    if (isMainFrame && classifyLoginNavigation(url, context.redirectUri, context.allowed).kind === 'redirect') context.caught(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = classifyLoginNavigation(url, context.redirectUri, context.allowed);
    if (decision.kind === 'redirect') {
      context.caught(url);
      return { action: 'deny' };
    }
    if (decision.kind === 'block') return { action: 'deny' };
    // IdP and help popups open as children in the same partition, under the same rules.
    return { action: 'allow', overrideBrowserWindowOptions: { ...loginWindowOptions(context.partition), show: true } };
  });
  contents.on('did-create-window', (child) => guard(child.webContents, context));
}

function leftSalesforce(url: string): AppError {
  let host = 'another site';
  try {
    host = new URL(url).host || host;
  } catch {
    // keep the generic wording
  }
  return new AppError(
    'LOGIN_FAILED',
    `This org sends its sign-in to ${host.slice(0, 80)}, which the login window does not open. Choose “Sign in with your browser” for this connection and connect again.`,
  );
}

function loginWindowOptions(partition: string, parent?: BrowserWindow): BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 720,
    show: false,
    title: 'Sign in to Salesforce – Budgetly',
    autoHideMenuBar: true,
    ...(parent ? { parent, modal: false } : {}),
    webPreferences: {
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    },
  };
}

/** webRequest match pattern for the redirect URI's host, any port (the exact origin + path match happens in the handler). */
function redirectFilter(redirectUri: string): string {
  const url = new URL(redirectUri);
  return `${url.protocol}//${url.hostname}/*`;
}

