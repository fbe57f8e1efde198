// Starts the BUILT main process (argv[2]) against the fake Electron, as main-smoke/child.mjs does, and prints whether Node's
// default CA list held each certificate of the OS store (SSL_CERT_FILE) before and right after the bundle was loaded: the
// main process must widen it at start, before it makes any connection (os-certificate-store.ts, electron/main/index.ts).
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { getCACertificates } from 'node:tls';
import { resolve } from './resolve-electron.mjs';
registerHooks({ resolve });

const body = (pem) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
const inStore = (readFileSync(process.env.SSL_CERT_FILE, 'utf8').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map(body);
const held = () => {
  const trusted = new Set(getCACertificates('default').map(body));
  return inStore.map((certificate) => trusted.has(certificate));
};
const before = held();
const { record } = await import('./fake-electron.mjs');
await import(process.argv[2]);
const after = held();
for (let i = 0; i < 200 && record.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
process.stdout.write(`OS-STORE ${JSON.stringify({ before, after, window: record.windows.length > 0 })}\n`);
process.exit(0);
