// Starts the BUILT main process (argv[2]) against the fake Electron, as main-smoke/child.mjs does, with an OS store that would
// throw if read on this thread and a count of the worker threads started to read it off this thread; prints, once the window
// is open, what was asked of the store and whether Node's default CA list holds the store's CA (SSL_CERT_FILE). Nothing may be
// read at launch: the store is read only at a certificate Node's list refuses (os-certificate-store.ts).
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks, syncBuiltinESMExports } from 'node:module';
import { resolve } from './resolve-electron.mjs';
registerHooks({ resolve });

const require = createRequire(import.meta.url);
const tls = require('node:tls');
const threads = require('node:worker_threads');
const body = (pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
const inStore = (readFileSync(process.env.SSL_CERT_FILE, 'utf8').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map(body);
const { getCACertificates } = tls;
const asked = [];
let workers = 0;
// A Keychain that blocks or fails: any read of it on this thread is recorded and throws; a worker started to read it counted.
tls.getCACertificates = (type) => {
  asked.push(type ?? 'default');
  if (type === 'system') throw new Error('the store must not be read at launch');
  return getCACertificates(type);
};
tls.setDefaultCACertificates = () => asked.push('set');
threads.Worker = class extends threads.Worker {
  constructor(...args) {
    if (String(args[0]).includes('getCACertificates')) workers++;
    super(...args);
  }
};
syncBuiltinESMExports();
const { record } = await import('./fake-electron.mjs');
await import(process.argv[2]);
for (let i = 0; i < 200 && record.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
// A few more turns: anything the start schedules after the window (core.start(), the updater) has run.
await new Promise((r) => setTimeout(r, 500));
const trusted = new Set(getCACertificates('default').map(body));
process.stdout.write(`OS-STORE ${JSON.stringify({ asked, workers, held: inStore.map((certificate) => trusted.has(certificate)), window: record.windows.length > 0 })}\n`);
process.exit(0);
