// A stand-in for the `electron` module, for the main-process smoke test only (no Electron binary
// can exist here). It records what the built main process asks of Electron so the test can
// check the wiring; it implements just enough of each API for the app to start.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

export const record = { windows: [], handlers: new Map(), protocols: new Map(), schemes: [], permissionHandlers: 0, menu: null, sent: [] };
globalThis.__fakeElectron = record;

const userData = process.env.FAKE_ELECTRON_USER_DATA;
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));

class FakeApp extends EventEmitter {
  // Packaged when the smoke test says so (the updater reads resources/app-update.yml only then).
  isPackaged = process.env.FAKE_ELECTRON_PACKAGED === '1';
  enableSandbox() { record.sandbox = true; }
  requestSingleInstanceLock() { return true; }
  whenReady() { return ready; }
  isReady() { return true; }
  getPath(name) { if (name !== 'userData') throw new Error(`unexpected getPath(${name})`); return userData; }
  getVersion() { return '9.9.9-smoke'; }
  // A German computer: app.info reports it, and the core's words follow it.
  getLocale() { return 'de-DE'; }
  getName() { return 'Budgetly'; }
  quit() { record.quit = true; }
  isDefaultProtocolClient() { return false; }
  setAsDefaultProtocolClient(scheme) { (record.protocolClients ??= []).push(scheme); return true; }
}
export const app = new FakeApp();
setTimeout(() => readyResolve(), 10);

class FakeWebContents extends EventEmitter {
  windowOpenHandler = null;
  setWindowOpenHandler(handler) { this.windowOpenHandler = handler; }
  send(...args) { record.sent.push(args); }
  session = fakeSession('window');
}

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() { return BrowserWindow.all; }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.url = null;
    BrowserWindow.all.push(this);
    record.windows.push(this);
  }
  loadURL(url) { this.url = url; setTimeout(() => this.emit('ready-to-show'), 1); return Promise.resolve(); }
  show() { this.shown = true; }
  maximize() {}
  isMaximized() { return false; }
  isMinimized() { return false; }
  isDestroyed() { return false; }
  getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 820 }; }
  focus() {}
  restore() {}
  close() { this.emit('closed'); }
}

function fakeSession(name) {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    name,
    setPermissionRequestHandler() { record.permissionHandlers++; },
    setPermissionCheckHandler() { record.permissionHandlers++; },
    setDevicePermissionHandler() { record.permissionHandlers++; },
    webRequest: { onBeforeRequest() {} },
    clearStorageData: async () => {},
  });
}
export const session = { defaultSession: fakeSession('default'), fromPartition: (partition) => fakeSession(partition) };

export const protocol = {
  registerSchemesAsPrivileged(schemes) { record.schemes.push(...schemes); },
  handle(scheme, handler) { record.protocols.set(scheme, handler); },
};

export const net = {
  isOnline: () => true,
  async fetch(url) {
    const body = await readFile(fileURLToPath(url));
    return new Response(body, { status: 200 });
  },
  // electron-updater's transport (ElectronHttpExecutor) on Node's http: same `response` / `error` events, plain http only.
  request(options) {
    const { session: _session, redirect: _redirect, ...rest } = options;
    return request(rest);
  },
};

export const ipcMain = {
  handle(channel, handler) { record.handlers.set(channel, handler); },
  on() {},
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => { record.menu = menu; },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const shell = { openExternal: async (url) => { (record.opened ??= []).push(url); }, openPath: async () => '' };
export const dialog = { showSaveDialog: async () => ({ canceled: true }) };

// Linux without a keyring: Electron reports the basic_text backend.
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptStringAsync: async (plain) => Buffer.from(plain, 'utf8'),
  decryptStringAsync: async (sealed) => ({ result: Buffer.from(sealed).toString('utf8'), shouldReEncrypt: false }),
};

// Wake-ups from sleep: the core subscribes to 'resume' once the app is ready.
export const powerMonitor = new EventEmitter();

// The login window (a BaseWindow with the page and a read-only origin bar as two views) is only built when a
// sign-in starts, which the smoke test does not do: the classes must exist for the bundle to load.
export class BaseWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
  }
}
export class WebContentsView {
  constructor(options) {
    this.options = options;
  }
}
export const contextBridge = {};
export const ipcRenderer = {};

export default { app, BrowserWindow, BaseWindow, WebContentsView, session, protocol, net, ipcMain, Menu, screen, shell, dialog, safeStorage, powerMonitor, contextBridge, ipcRenderer };
