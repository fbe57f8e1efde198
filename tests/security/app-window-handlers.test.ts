import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../electron/main/navigation-policy';
import { denyAllPermissions, lockDownAppContents } from '../../electron/main/security';
import { mainWindowOptions } from '../../electron/main/window-options';

/**
 * The app window's Electron handlers (electron/main/security.ts, type-only Electron imports) driven
 * with stand-ins for WebContents and Session: what the user's window does when the page tries to
 * navigate away, open a window, attach a <webview>, or ask for a permission.
 */

type WebContents = Parameters<typeof lockDownAppContents>[0];
type Session = Parameters<typeof denyAllPermissions>[0];
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | undefined;
  const contents = Object.assign(emitter, { setWindowOpenHandler: (handler: OpenHandler) => (openHandler = handler) });
  const fire = (event: string, url?: string) => {
    let prevented = false;
    emitter.emit(event, { preventDefault: () => (prevented = true), url }, url);
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
}

const hostileUrls = [
  'https://evil.example/phish',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://budgetly.evil/index.html',
  'app://evil/index.html',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://budgetly/1234',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
];

describe('the app window (lockDownAppContents)', () => {
  it('stays on the app: navigation and redirects away are prevented, in-app ones allowed', () => {
    const { contents, fire } = fakeContents();
    lockDownAppContents(contents, () => {});
    for (const url of hostileUrls) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
    expect(fire('will-navigate', 'app://budgetly/index.html#/invoices')).toBe(false);
  });

  it('opens no window of its own; only https links (no credentials) go to the OS browser', () => {
    const { contents, open } = fakeContents();
    const external: string[] = [];
    lockDownAppContents(contents, (url) => external.push(url));
    for (const url of [...hostileUrls, 'https://user:pw@evil.example/', 'app://budgetly/index.html', 'https://acme.my.salesforce.com/lightning/r/Invoice/3tt000000000001/view']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(external).toEqual(['https://evil.example/phish', 'https://acme.my.salesforce.com/lightning/r/Invoice/3tt000000000001/view']);
  });

  it('refuses to attach a <webview>', () => {
    const { contents, fire } = fakeContents();
    lockDownAppContents(contents, () => {});
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('navigation policy: no generated URL off app://budgetly counts as the app; nothing but https goes out', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file', 'app', 'ws', 'data'], withQueryParameters: true }), (url) => {
        const parsed = new URL(url);
        expect(isAppUrl(url)).toBe(parsed.protocol === 'app:' && parsed.host === 'budgetly');
        if (isSafeExternalUrl(url)) expect(parsed.protocol).toBe('https:');
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('permissions (denyAllPermissions)', () => {
  type Request = (contents: unknown, permission: string, callback: (ok: boolean) => void, details: { requestingUrl?: string }) => void;
  type Check = (contents: unknown, permission: string, origin: string, details: { requestingUrl?: string }) => boolean;
  function fakeSession() {
    const calls: Record<string, (...args: never[]) => unknown> = {};
    const emitter = new EventEmitter();
    const session = Object.assign(emitter, {
      setPermissionRequestHandler: (handler: (...args: never[]) => unknown) => (calls.request = handler),
      setPermissionCheckHandler: (handler: (...args: never[]) => unknown) => (calls.check = handler),
      setDevicePermissionHandler: (handler: (...args: never[]) => unknown) => (calls.device = handler),
    }) as unknown as Session;
    const page = (url: string) => ({ getURL: () => url });
    // `url` asks; `pageUrl` is the window's page (a frame inside the app's page asks with its own address).
    const request = (permission: string, url: string, pageUrl = url) => {
      let granted: boolean | undefined;
      (calls.request as Request)(page(pageUrl), permission, (ok) => (granted = ok), { requestingUrl: url });
      return granted;
    };
    const check = (permission: string, url: string, pageUrl = url) => (calls.check as Check)(page(pageUrl), permission, new URL(url).origin, { requestingUrl: url });
    return { session, calls, emitter, request, check };
  }
  const everyPermission = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb'];

  it('denies every permission request and check, every device and every download', () => {
    const { session, calls, emitter, request, check } = fakeSession();
    denyAllPermissions(session);
    for (const permission of everyPermission) {
      expect(request(permission, 'app://budgetly/index.html'), permission).toBe(false);
      expect(check(permission, 'app://budgetly/index.html'), permission).toBe(false);
    }
    expect((calls.device as (details: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);
    let downloadPrevented = false;
    emitter.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);
  });

  it("lets the app's own page write to the clipboard (Copy diagnostics) and nothing else, nobody else", () => {
    const { session, request, check } = fakeSession();
    denyAllPermissions(session, { appClipboardWrite: true });
    expect(request('clipboard-sanitized-write', 'app://budgetly/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://budgetly/index.html')).toBe(true);
    for (const url of hostileUrls.filter((u) => URL.canParse(u))) {
      expect(request('clipboard-sanitized-write', url), url).toBe(false);
      expect(check('clipboard-sanitized-write', url), url).toBe(false);
      // …also as a frame inside the app's own page: the asking address decides, not the window's.
      expect(request('clipboard-sanitized-write', url, 'app://budgetly/index.html'), `frame ${url}`).toBe(false);
      expect(check('clipboard-sanitized-write', url, 'app://budgetly/index.html'), `frame ${url}`).toBe(false);
    }
    for (const permission of everyPermission.filter((p) => p !== 'clipboard-sanitized-write')) {
      expect(request(permission, 'app://budgetly/index.html'), permission).toBe(false);
      expect(check(permission, 'app://budgetly/index.html'), permission).toBe(false);
    }
  });
});

describe('main window options', () => {
  it('keep every security flag whatever bounds and devTools setting they are built with', () => {
    fc.assert(
      fc.property(fc.record({ x: fc.integer(), y: fc.integer(), width: fc.nat(), height: fc.nat() }, { requiredKeys: [] }), fc.boolean(), (bounds, devTools) => {
        const prefs = mainWindowOptions('/app/preload.cjs', bounds, devTools).webPreferences!;
        expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, navigateOnDragDrop: false });
        expect(prefs.devTools).toBe(devTools);
      }),
    );
  });
});
