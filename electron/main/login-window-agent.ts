import { BaseWindow, WebContentsView, session as electronSession, shell, type BrowserWindow, type BrowserWindowConstructorOptions, type WebContents, type WebPreferences } from 'electron';
import { AppError } from '../contract';
import { classifyLoginNavigation, loginOriginBar, loginPartition } from '../core/auth/login-window-policy';
import { englishMessage } from '../contract/i18n/spoken-messages';
import type { LoginAgent, LoginRequest } from '../core/ports';
import { originBarPage, ORIGIN_BAR_HEIGHT } from './login-origin-bar';
import { denyAllPermissions } from './security';

export interface LoginWindowAgentOptions {
  /** The app window the login window belongs to (shown on top of it). */
  parent?: () => BrowserWindow | undefined;
  /** Origins allowed besides Salesforce's sign-in hosts (CoreDeps.extraLoginOrigins, e.g. the local org). */
  extraOrigins?: readonly string[];
  /** The window's title in the language of Settings, read when a sign-in starts (`common:loginWindowTitle`). */
  /** The window's title in the user's language; undefined (no core words yet) falls back to English. */
  title?: () => string | undefined;
  /** "Not secure" in the origin bar, in the user's language (English without core words). */
  notSecure?: () => string | undefined;
}

const ENGLISH_TITLE = 'Sign in to Salesforce – Budgetly';

/**
 * Sign-in in a window of the app's own (DESIGN.md "login agent"): sandboxed, no preload, its own
 * partition per connection, Electron's own user agent (never disguised). A read-only origin bar (a view of
 * its own above the page, with a lock for https) shows whose page it is. The redirect URI is caught on
 * `webRequest.onBeforeRequest` and cancelled (nothing needs to listen on it), with will-redirect /
 * will-navigate / did-navigate / did-fail-load as backups. The policy (core/auth/login-window-policy.ts)
 * decides every navigation and popup: Salesforce sign-in pages stay, other https popups go to the OS
 * browser, a main-frame move elsewhere ends the attempt with advice. Closing the window rejects with
 * CANCELLED; an abort closes it.
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
    const parent = this.options.parent?.();
    const title = this.options.title?.() ?? ENGLISH_TITLE;
    const window = new BaseWindow({ width: 520, height: 720 + ORIGIN_BAR_HEIGHT, show: false, title, autoHideMenuBar: true, ...(parent ? { parent, modal: false } : {}) });
    const bar = new WebContentsView({ webPreferences: { ...loginWebPreferences(), javascript: false } });
    const page = new WebContentsView({ webPreferences: loginWebPreferences(partition) });
    window.contentView.addChildView(bar);
    window.contentView.addChildView(page);
    const layout = () => {
      const { width, height } = window.getContentBounds();
      bar.setBounds({ x: 0, y: 0, width, height: ORIGIN_BAR_HEIGHT });
      page.setBounds({ x: 0, y: ORIGIN_BAR_HEIGHT, width, height: Math.max(0, height - ORIGIN_BAR_HEIGHT) });
    };
    layout();
    window.on('resize', layout);
    const showOrigin = (url: string) => {
      const origin = loginOriginBar(url, this.options.notSecure?.());
      if (!window.isDestroyed()) window.setTitle(`${origin.text} – ${title}`);
      bar.webContents.loadURL(originBarPage(origin)).catch(() => undefined);
    };
    bar.webContents.on('will-navigate', (event) => event.preventDefault());
    page.webContents.on('did-navigate', (_event, url) => showOrigin(url));
    showOrigin(authorizeUrl);

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
      window.on('closed', () => {
        // The views' pages are not destroyed with a BaseWindow.
        for (const view of [page, bar]) if (!view.webContents.isDestroyed()) view.webContents.close();
        finish(() => reject(new AppError('CANCELLED', englishMessage('loginWindowClosed'))));
      });

      denyAllPermissions(session);
      session.webRequest.onBeforeRequest({ urls: [redirectFilter(redirectUri)] }, (details, callback) => {
        const decision = classifyLoginNavigation(details.url, redirectUri, allowed);
        callback({ cancel: decision.kind === 'redirect' });
        if (decision.kind === 'redirect') caught(details.url);
      });
      guard(page.webContents, { redirectUri, allowed, caught, blocked, partition, title, notSecure: this.options.notSecure?.() });
      window.show();
      page.webContents.loadURL(authorizeUrl).catch(() => undefined); // a cancelled redirect rejects loadURL: expected
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
  /** The sign-in window's title, for its popups too. */
  title: string;
  /** "Not secure" in the user's language (undefined: English). */
  notSecure: string | undefined;
}

function guard(contents: WebContents, context: GuardContext): void {
  const check = (event: { preventDefault(): void; isMainFrame: boolean }, url: string) => {
    const decision = classifyLoginNavigation(url, context.redirectUri, context.allowed);
    if (decision.kind === 'allow') return;
    if (decision.kind === 'redirect') {
      event.preventDefault();
      context.caught(url);
    } else if (event.isMainFrame) {
      // Only the page itself is held to Salesforce's sign-in hosts; frames inside it (captcha, help) are left alone.
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
    if (decision.kind === 'external') {
      // Help, privacy and identity-provider links: the OS browser, with its own address bar.
      void shell.openExternal(url).catch(() => undefined);
      return { action: 'deny' };
    }
    if (decision.kind === 'block') return { action: 'deny' };
    // Salesforce's own sign-in popups open as children in the same partition, under the same rules.
    return { action: 'allow', overrideBrowserWindowOptions: { ...popupOptions(context.partition, context.title), show: true } };
  });
  contents.on('did-create-window', (child) => {
    // A popup has no origin bar: its title says whose page it is, and the page cannot change it.
    child.on('page-title-updated', (event) => event.preventDefault());
    child.webContents.on('did-navigate', (_event, url) => child.setTitle(`${loginOriginBar(url, context.notSecure).text} – ${context.title}`));
    guard(child.webContents, context);
  });
}

function leftSalesforce(url: string): AppError {
  // No host to name: "another site", itself a catalogue message, said in the user's language with the rest.
  let host = englishMessage('loginAnotherSite');
  try {
    host = new URL(url).host || host;
  } catch {
    // keep the generic wording
  }
  return new AppError(
    'LOGIN_FAILED',
    // Said in the user's language on its way out of the core (core-messages.ts).
    englishMessage('loginElsewhere', { host: host.slice(0, 80) }),
  );
}

function popupOptions(partition: string, title: string): BrowserWindowConstructorOptions {
  return { width: 520, height: 720, show: false, title, autoHideMenuBar: true, webPreferences: loginWebPreferences(partition) };
}

/** Every page of the login window: sandboxed, isolated, no preload, no Node, no devtools. */
function loginWebPreferences(partition?: string): WebPreferences {
  return {
    ...(partition ? { partition } : {}),
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
  };
}

/** webRequest match pattern for the redirect URI's host, any port (the exact origin + path match happens in the handler). */
function redirectFilter(redirectUri: string): string {
  const url = new URL(redirectUri);
  return `${url.protocol}//${url.hostname}/*`;
}

