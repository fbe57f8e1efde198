import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { INSPECTING_CA } from '../support/proxy-authorities';
import { tempDir } from '../support/test-ports';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * The BUILT main process (out/main/index.js) reads nothing of the OS's certificate store at launch (session 35): on a managed
 * Mac, Node's read of the Keychain blocks for seconds (nodejs/node#63313), so the store is read only at a certificate Node's
 * list refuses, in a worker thread (os-certificate-store.ts; what the read does to the sign-in and the sync's requests:
 * tests/unit/auth/os-certificate-store.test.ts). Here the store (the child's OpenSSL file, SSL_CERT_FILE, holding a proxy's
 * CA) throws if read on the main thread, and worker threads are counted: the window opens, nothing asked, no worker, the CA
 * not in Node's list. Fails when index.ts (or anything the bundle runs at start) reads the store: trustOsCertificateStore
 * called at launch as in 581e567, or the read started eagerly at import.
 */
describe('the built main process, started with a proxy’s CA in the OS store', () => {
  const userData = tempDir('budgetly-os-store-smoke-');
  afterAll(() => userData.remove());

  it('opens its window without reading the store', async () => {
    const bundle = join(root, 'out/main/index.js');
    if (!existsSync(bundle)) throw new Error('Build first: npm run build');
    writeFileSync(join(userData.dir, 'os-store.pem'), `${INSPECTING_CA}\n`);
    mkdirSync(join(userData.dir, 'os-store.d'));
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(node_options|node_extra_ca_certs|node_use_system_ca|ssl_cert_file|ssl_cert_dir)$/i.test(name)));
    const { stdout } = await run(process.execPath, [join(import.meta.dirname, 'main-smoke/os-store-child.mjs'), bundle], {
      env: {
        ...clean,
        SSL_CERT_FILE: join(userData.dir, 'os-store.pem'),
        SSL_CERT_DIR: join(userData.dir, 'os-store.d'),
        FAKE_ELECTRON_USER_DATA: userData.dir,
        XDG_CACHE_HOME: join(userData.dir, 'cache'),
        BUDGETLY_DEMO_ORG_URL: '',
      },
      timeout: 60_000,
    });
    const line = stdout.split('\n').find((entry) => entry.startsWith('OS-STORE '));
    if (!line) throw new Error(`The main process did not start:\n${stdout}`);
    expect(JSON.parse(line.slice('OS-STORE '.length))).toEqual({ asked: [], workers: 0, held: [false], window: true });
  });
});
