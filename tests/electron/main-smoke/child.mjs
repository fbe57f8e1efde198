// Starts the BUILT main process (out/main/index.js) against the fake Electron and prints what it did.
import { registerHooks } from 'node:module';
import { resolve } from './resolve-electron.mjs';
// In-thread hooks (Node ≥ 22.15) apply to require() as well as import.
registerHooks({ resolve });

const mainBundle = process.argv[2];
// Where a packaged app finds resources/app-update.yml (electron-builder writes it; the smoke test writes one).
if (process.env.FAKE_ELECTRON_RESOURCES) process.resourcesPath = process.env.FAKE_ELECTRON_RESOURCES;
const { record, powerMonitor, app } = await import('./fake-electron.mjs');
await import(mainBundle);
const waitFor = async (check) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
};
await waitFor(() => record.windows.length > 0 && record.handlers.size > 0);

const invoke = record.handlers.get('budgetly:invoke');
const call = (channel, input, url) => invoke({ senderFrame: { url } }, channel, input);
const window = record.windows[0];
const serve = record.protocols.get('app');
const served = serve ? await serve(new Request('app://budgetly/index.html')) : null;
const escaped = serve ? await serve(new Request('app://budgetly/..%2f..%2fpackage.json')) : null;
// pdf.js's worker (issue #15): served with a CSP of its own (a worker does not inherit the page's <meta> policy).
const { readdirSync } = await import('node:fs');
const { dirname: dirOf, join: joinPath } = await import('node:path');
const workerName = readdirSync(joinPath(dirOf(mainBundle), '../renderer/assets')).find((name) => name.startsWith('pdf.worker'));
const worker = serve && workerName ? await serve(new Request(`app://budgetly/assets/${workerName}`)) : null;
const openHandler = window?.webContents.windowOpenHandler;
const navigate = (url) => {
  const event = { prevented: false, preventDefault() { this.prevented = true; } };
  window.webContents.emit('will-navigate', event, url);
  return event.prevented;
};

const result = {
  sandboxEnabled: record.sandbox === true,
  windowOptions: window?.options.webPreferences ?? null,
  loadedUrl: window?.url ?? null,
  schemes: record.schemes,
  permissionHandlers: record.permissionHandlers,
  menu: record.menu !== null,
  menuLabels: (record.menu?.template ?? []).map((item) => item.label).filter(Boolean),
  channels: [...record.handlers.keys()],
  info: await call('app.info', undefined, 'app://budgetly/index.html'),
  connections: await call('connections.list', undefined, 'app://budgetly/index.html'),
  forbidden: await call('app.info', undefined, 'https://evil.example/'),
  invalid: await call('connections.remove', { id: 5 }, 'app://budgetly/index.html'),
  servedStatus: served?.status ?? null,
  servedHtml: served ? (await served.text()).includes('<div id="root">') : false,
  escapedStatus: escaped?.status ?? null,
  workerStatus: worker?.status ?? null,
  workerPolicy: worker?.headers.get('content-security-policy') ?? null,
  pagePolicyHeader: served?.headers.get('content-security-policy') ?? null,
  newWindow: openHandler ? openHandler({ url: 'https://example.com/' }) : null,
  openedExternally: record.opened ?? [],
  blocksForeignNavigation: navigate('https://evil.example/'),
  allowsAppNavigation: !navigate('app://budgetly/index.html'),
  resumeListeners: powerMonitor.listenerCount('resume'),
  updateStatus: await call('updates.status', undefined, 'app://budgetly/index.html'),
  updateCheck: await call('updates.check', undefined, 'app://budgetly/index.html'),
};
// Links and .budgetly files: the first launch's argv (passed to this child), macOS open-url, a second instance's argv.
const pending = async () => (await call('provisioning.pending', undefined, 'app://budgetly/index.html')).value;
// Offers are shown one at a time (the next waits until this one is closed): each is dismissed once seen.
const dismiss = (offer) => offer && call('provisioning.dismiss', { id: offer.id }, 'app://budgetly/index.html');
result.firstArgvOffer = await pending();
await dismiss(result.firstArgvOffer);
const openUrl = { prevented: false, preventDefault() { this.prevented = true; } };
app.emit('open-url', openUrl, 'budgetly://connect?name=From%20open-url&loginUrl=https%3A%2F%2Ftest.salesforce.com&clientId=URL_ID');
await new Promise((r) => setTimeout(r, 50));
result.openUrlPrevented = openUrl.prevented;
result.openUrlOffer = await pending();
await dismiss(result.openUrlOffer);
app.emit('second-instance', {}, ['/opt/Budgetly/budgetly', '--no-sandbox', 'budgetly://user:pw@connect?name=x&loginUrl=https%3A%2F%2Flogin.salesforce.com']);
await new Promise((r) => setTimeout(r, 50));
result.secondInstanceOffer = await pending();
result.protocolClients = record.protocolClients ?? [];
process.stdout.write(`SMOKE ${JSON.stringify(result)}\n`);
process.exit(0);
