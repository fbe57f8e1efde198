import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchRequest } from '../../../electron/core/provisioning/launch-args';
import { signInAndAllow } from '../../support/playwright-login-agent';
import { tempDir } from '../../support/test-ports';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { DEMO_CREDENTIALS, waitForSynced } from '../workspace/workspace-driver';

/** An admin's link or .budgetly file: shown first, added and signed in only on the user's click; refused ones say why. */
describe('connections from a link or a .budgetly file', () => {
  let w: WorkspaceFixture;
  const dir = tempDir('budgetly-provisioned-');
  const dialog = () => w.page.getByTestId('provisioned-connection');
  const connections = async () => (await w.harness.testCore.call('connections.list')).value as { label: string; clientId: string; status: string }[];
  const deliver = (request: LaunchRequest) => w.harness.testCore.launch.deliver(request);
  const link = (params: Record<string, string>) => `budgetly://connect?${new URLSearchParams(params)}`;

  beforeAll(async () => {
    w = await startWorkspace({ org: { invoices: 200, multiCurrency: false } });
  });
  afterAll(async () => {
    await w?.close();
    dir.remove();
  });

  async function acceptAndSignIn(): Promise<void> {
    const login = w.agent().nextPage();
    await dialog().getByRole('button', { name: 'Add and sign in' }).click();
    const page = await login;
    await signInAndAllow(page, DEMO_CREDENTIALS).catch((e: unknown) => {
      if (!page.isClosed()) throw e;
    });
    await poll(() => dialog().count()).toBe(0);
    await waitForSynced(w.page, w.invoices().length);
  }

  it('a link shows exactly what will be added and where sign-in goes; nothing happens before the click', async () => {
    deliver({ kind: 'link', url: link({ name: 'Acme (from IT)', loginUrl: w.org.url, clientId: 'budgetly-demo' }) });
    await poll(() => dialog().getAttribute('data-status')).toBe('ready');
    const shown = await dialog().getByTestId('provisioned-fields').innerText();
    expect(shown).toContain('Acme (from IT)');
    expect(shown).toContain(w.org.url);
    expect(shown).toContain('budgetly-demo');
    expect(shown).toContain('In an app window');
    expect(await connections()).toEqual([]);
    expect(w.org.control.counters().requests.authorize ?? 0).toBe(0);
    await w.harness.screenshot('provisioned-link');
    await expectAccessible(w.page, 'provisioned connection');
    await acceptAndSignIn();
    expect(await connections()).toEqual([expect.objectContaining({ label: 'Acme (from IT)', clientId: 'budgetly-demo', status: 'connected' })]);
  });

  it('a .budgetly file leads, after confirmation, to a connected org too', async () => {
    const path = join(dir.dir, 'Acme sandbox.budgetly');
    writeFileSync(path, JSON.stringify({ budgetly: 1, name: 'Acme from a file', loginUrl: w.org.url, clientId: 'budgetly-demo' }));
    deliver({ kind: 'file', path });
    await poll(() => dialog().getAttribute('data-status')).toBe('ready');
    expect(await dialog().innerText()).toContain('Acme sandbox.budgetly');
    await acceptAndSignIn();
    expect((await connections()).map((c) => [c.label, c.status])).toEqual([
      ['Acme (from IT)', 'connected'],
      ['Acme from a file', 'connected'],
    ]);
  });

  it('a second link arriving while one is on screen waits: the click adds the one the user read, then the second is shown', async () => {
    const offered = () => w.harness.testCore.logger.lines.filter((line) => line.includes('Connection offered')).length;
    deliver({ kind: 'link', url: link({ name: 'Read by the user', loginUrl: w.org.url, clientId: 'budgetly-demo' }) });
    await poll(() => dialog().getAttribute('data-status')).toBe('ready');
    const count = offered();
    deliver({ kind: 'link', url: link({ name: 'Swapped in', loginUrl: w.org.url, clientId: 'budgetly-demo', signInMethod: 'browser' }) });
    await poll(offered).toBe(count + 1);
    expect(await dialog().getByTestId('provisioned-fields').innerText()).toContain('Read by the user');
    // The second click of a double-click (meant for the screen before, whose Close sits where Add is) adds nothing.
    const add = dialog().getByRole('button', { name: 'Add and sign in' });
    await add.dispatchEvent('click', { detail: 2 });
    // Asked from the page after the click, so it is answered after anything the click asked of the core.
    const listedAfterClick = await w.page.evaluate(async () => {
      const bridge = (window as unknown as { budgetly: { connections: { list(): Promise<{ value: { label: string }[] }> } } }).budgetly;
      return (await bridge.connections.list()).value.map((c) => c.label);
    });
    expect(listedAfterClick).not.toContain('Read by the user');
    expect(await dialog().getAttribute('data-status')).toBe('ready');
    const login = w.agent().nextPage();
    await dialog().getByRole('button', { name: 'Add and sign in' }).click();
    const page = await login;
    await signInAndAllow(page, DEMO_CREDENTIALS).catch((e: unknown) => {
      if (!page.isClosed()) throw e;
    });
    // Signed in, the screen closes and the waiting link is shown in its turn; it was not added.
    await poll(() => dialog().getByTestId('provisioned-fields').innerText().catch(() => '')).toContain('Swapped in');
    expect((await connections()).map((c) => c.label)).toContain('Read by the user');
    expect((await connections()).map((c) => c.label)).not.toContain('Swapped in');
    await dialog().getByRole('button', { name: 'Don’t add' }).click();
    await poll(() => dialog().count()).toBe(0);
    await waitForSynced(w.page, w.invoices().length);
    expect((await connections()).map((c) => c.label)).not.toContain('Swapped in');
  });

  it('refuses each bad link or file with its message, and adds nothing', async () => {
    const good = { name: 'Acme', loginUrl: w.org.url, clientId: 'budgetly-demo' };
    const file = (name: string, content: string | Buffer) => {
      const path = join(dir.dir, name);
      writeFileSync(path, content);
      return path;
    };
    const cases: [string, LaunchRequest, RegExp][] = [
      ['another scheme', { kind: 'link', url: `https://connect?${new URLSearchParams(good)}` }, /Only budgetly:\/\/ links/],
      ['a lookalike scheme', { kind: 'link', url: `budgetly-evil://connect?${new URLSearchParams(good)}` }, /Only budgetly:\/\/ links/],
      ['another action', { kind: 'link', url: `budgetly://delete?${new URLSearchParams(good)}` }, /other than adding a connection/],
      ['credentials in the link', { kind: 'link', url: `budgetly://it:secret@connect?${new URLSearchParams(good)}` }, /user name or password/],
      ['a lookalike host', { kind: 'link', url: link({ ...good, loginUrl: 'https://login.salesforce.com.evil.example' }) }, /not a Salesforce login address/],
      ['plain http', { kind: 'link', url: link({ ...good, loginUrl: 'http://acme.my.salesforce.com' }) }, /https/],
      ['another local port', { kind: 'link', url: link({ ...good, loginUrl: 'http://127.0.0.1:1' }) }, /https/],
      ['a path', { kind: 'link', url: link({ ...good, loginUrl: 'https://acme.my.salesforce.com/secur/frontdoor.jsp' }) }, /without a path/],
      ['an unknown field', { kind: 'link', url: link({ ...good, accessToken: '00D!x' }) }, /does not know: accessToken/],
      ['a repeated field', { kind: 'link', url: `${link(good)}&name=Other` }, /more than once/],
      ['no login host', { kind: 'link', url: link({ name: 'Acme' }) }, /no “loginUrl”/],
      ['an unknown sign-in method', { kind: 'link', url: link({ ...good, signInMethod: 'password' }) }, /“signInMethod” is not valid/],
      ['an overlong link', { kind: 'link', url: link({ ...good, name: 'x'.repeat(2100) }) }, /too long/],
      ['a 10 MB file', { kind: 'file', path: file('big.budgetly', Buffer.alloc(10 * 1024 * 1024, 0x20)) }, /a few hundred bytes/],
      ['broken JSON', { kind: 'file', path: file('broken.budgetly', '{"budgetly": 1, "name": "Ac') }, /not valid JSON/],
      ['a newer format', { kind: 'file', path: file('future.budgetly', JSON.stringify({ budgetly: 7, ...good })) }, /format 7/],
      ['an unknown field in a file', { kind: 'file', path: file('extra.budgetly', JSON.stringify({ budgetly: 1, ...good, refreshToken: 'x' })) }, /does not know: refreshToken/],
      ['another file type', { kind: 'file', path: file('acme.json', JSON.stringify({ budgetly: 1, ...good })) }, /Only \.budgetly files/],
      ['a missing file', { kind: 'file', path: join(dir.dir, 'gone.budgetly') }, /could not read/],
    ];
    const before = await connections();
    for (const [kind, request, message] of cases) {
      deliver(request);
      await poll(() => dialog().getAttribute('data-status')).toBe('refused');
      expect(await dialog().getByTestId('provisioned-refusal').innerText(), kind).toMatch(message);
      await dialog().getByRole('button', { name: 'Close' }).click();
      await poll(() => dialog().count()).toBe(0);
    }
    expect(await connections()).toEqual(before);
  });
});
