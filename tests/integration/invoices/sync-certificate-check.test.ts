import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { SyncControls } from '../../../renderer/src/workspace/SyncControls';
import { CERT } from '../../support/loopback-certificate';

/**
 * A refused certificate has the main process read the computer's certificate store (os-certificate-store.ts, session 35) and
 * the sync's requests wait on it — seconds on a managed Mac, where each Keychain certificate goes through trustd. Before
 * session 36 the status bar said nothing new meanwhile. Now the sync reports the phase `certificates` while the store is
 * read, then the phase it was in, and the status bar says "Checking this computer’s trusted certificates…".
 *
 * Real: the local org behind a TLS front whose certificate only the OS store trusts (the child's SSL_CERT_FILE), the invoices
 * module on the app's own transport, in a child process (one read per process: this file's process may have read its own
 * store already). Fails on: the coordinator not listening to the read (no `certificates`); the phase not given back once the
 * store is read (`certificates` then `fetching`, not `describe`); a read per sync (the second sync's phases); the status
 * bar without the phase's words (SyncControls.tsx: "Syncing…").
 */
const CHILD = fileURLToPath(new URL('./support/certificate-check-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

interface Synced {
  ok: boolean;
  error: string | null;
  phases: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'budgetly-certificate-check-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runChild = () =>
  new Promise<{ first: Synced; second: Synced; logged: string[] }>((resolve, reject) => {
    writeFileSync(join(dir, 'os-store.pem'), `${CERT}\n`);
    mkdirSync(join(dir, 'os-store.d'), { recursive: true });
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(https?_proxy|no_proxy|node_use_env_proxy|node_options|node_extra_ca_certs|node_use_system_ca|ssl_cert_file|ssl_cert_dir)$/i.test(name)),
    );
    const env = { ...clean, SSL_CERT_FILE: join(dir, 'os-store.pem'), SSL_CERT_DIR: join(dir, 'os-store.d') };
    execFile(TSX, [CHILD], { env, timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!)),
    );
  });

describe('a sync whose certificate only the computer’s store trusts', () => {
  it('says it is checking the computer’s certificates while the store is read, then syncs', async () => {
    const { first, second, logged } = await runChild();
    expect(first.ok, first.error ?? '').toBe(true);
    expect(first.phases).toEqual(['describe', 'certificates', 'describe', 'fetching', 'saving', 'done']);
    // Read once per process: the next sync goes straight through.
    expect(second).toMatchObject({ ok: true, phases: ['describe', 'fetching', 'saving', 'done'] });
    expect(logged).toEqual(['A certificate was refused: reading the OS store', 'A certificate was refused: the OS store was read']);

    // What the status bar shows meanwhile (English).
    const status = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: createI18n('en') },
        createElement(SyncControls, {
          sync: { running: true, progress: { connectionId: 'c-test', phase: 'certificates', fetched: 0, total: 0 }, error: null, start: () => undefined, cancel: () => undefined, clearError: () => undefined },
          freshness: null,
          disabled: false,
        }),
      ),
    );
    expect(status).toContain('Checking this computer’s trusted certificates…');
  });
});
