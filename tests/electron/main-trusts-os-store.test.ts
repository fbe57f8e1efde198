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
 * The BUILT main process (out/main/index.js) trusts the OS's certificate store from its start (session 35): a TLS-inspecting
 * proxy's CA that IT installed there (here: the child's OpenSSL file, SSL_CERT_FILE) is in Node's default list as soon as the
 * bundle has loaded — before the app is ready, so before any connection. What that list does to the sign-in and the sync's
 * requests: tests/unit/auth/os-certificate-store.test.ts. Fails when index.ts no longer calls trustOsCertificateStore, or calls
 * it later than the module's first run (in whenReady or after core.start()).
 */
describe('the built main process, started with a proxy’s CA in the OS store', () => {
  const userData = tempDir('budgetly-os-store-smoke-');
  afterAll(() => userData.remove());

  it('trusts that CA as soon as its bundle has loaded', async () => {
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
    expect(JSON.parse(line.slice('OS-STORE '.length))).toEqual({ before: [false], after: [true], window: true });
  });
});
