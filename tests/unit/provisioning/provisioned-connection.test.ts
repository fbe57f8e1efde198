import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProvisionedOffer } from '../../../electron/contract';
import { launchRequestsFromArgv } from '../../../electron/core/provisioning/launch-args';
import { MAX_WAITING_OFFERS } from '../../../electron/core/provisioning/provisioning-module';
import { parseConnectionFile, parseConnectLink } from '../../../electron/core/provisioning/provisioned-connection';
import { createTestCore, type TestCore } from '../../support/test-core';
import { tempDir } from '../../support/test-ports';

const link = (params: Record<string, string>) => `budgetly://connect?${new URLSearchParams(params)}`;
const good = { name: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', signInMethod: 'browser' };
const file = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('budgetly:// links and .budgetly files', () => {
  it('reads a link and a file into exactly the connection they describe', () => {
    const expected = { ok: true, connection: { label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', signInMethod: 'browser' } };
    expect(parseConnectLink(link(good))).toEqual(expected);
    expect(parseConnectionFile(file({ budgetly: 1, ...good }))).toEqual(expected);
    expect(parseConnectionFile(file(`\uFEFF${JSON.stringify({ budgetly: 1, name: 'Sandbox', loginUrl: 'test.salesforce.com' })}`))).toEqual({
      ok: true,
      connection: { label: 'Sandbox', loginUrl: 'https://test.salesforce.com' },
    });
  });

  it.each([
    ['another scheme', () => parseConnectLink(`https://connect?${new URLSearchParams(good)}`), /Only budgetly:\/\/ links/],
    ['a lookalike scheme', () => parseConnectLink(`budgetlyx://connect?${new URLSearchParams(good)}`), /Only budgetly:\/\/ links/],
    ['another action', () => parseConnectLink(`budgetly://disconnect?${new URLSearchParams(good)}`), /other than adding a connection/],
    ['credentials in the link', () => parseConnectLink(`budgetly://admin:pw@connect?${new URLSearchParams(good)}`), /user name or password/],
    ['a lookalike login host', () => parseConnectLink(link({ ...good, loginUrl: 'https://login.salesforce.com.evil.example' })), /not a Salesforce login address/],
    ['an http login host', () => parseConnectLink(link({ ...good, loginUrl: 'http://acme.my.salesforce.com' })), /https/],
    ['credentials in the login host', () => parseConnectLink(link({ ...good, loginUrl: 'https://u:p@acme.my.salesforce.com' })), /user name or password/],
    ['a login host with a path', () => parseConnectLink(link({ ...good, loginUrl: 'https://acme.my.salesforce.com/secur/frontdoor.jsp' })), /without a path/],
    ['an unknown field', () => parseConnectLink(link({ ...good, refreshToken: 'x' })), /does not know: refreshToken/],
    ['a repeated field', () => parseConnectLink(`${link(good)}&loginUrl=https%3A%2F%2Fevil.example`), /more than once/],
    ['a missing login host', () => parseConnectLink(link({ name: 'x' })), /no “loginUrl”/],
    ['an unknown sign-in method', () => parseConnectLink(link({ ...good, signInMethod: 'password' })), /“signInMethod” is not valid/],
    ['a malformed client id', () => parseConnectLink(link({ ...good, clientId: 'a b' })), /“clientId” is not valid/],
    ['an overlong link', () => parseConnectLink(link({ ...good, name: 'x'.repeat(3000) })), /too long/],
    ['a fragment', () => parseConnectLink(`${link(good)}#x`), /# part/],
    ['a 10 MB file', () => parseConnectionFile(new Uint8Array(10 * 1024 * 1024)), /a few hundred bytes/],
    ['broken JSON', () => parseConnectionFile(file('{"budgetly": 1, "name": ')), /not valid JSON/],
    ['not UTF-8', () => parseConnectionFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), /not valid JSON/],
    ['a JSON list', () => parseConnectionFile(file([good])), /holds no connection/],
    ['no version', () => parseConnectionFile(file(good)), /no "budgetly" version/],
    ['a newer version', () => parseConnectionFile(file({ budgetly: 2, ...good })), /format 2/],
    ['an unknown field in a file', () => parseConnectionFile(file({ budgetly: 1, ...good, accessToken: 'x' })), /does not know: accessToken/],
    ['a wrongly typed field', () => parseConnectionFile(file({ budgetly: 1, ...good, name: 42 })), /“name” is not valid/],
  ])('refuses %s, saying what was wrong', (_kind, parse, message) => {
    const result = parse();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses names with invisible or text-direction characters, and reads styled letters as plain ones', () => {
    for (const name of ['Acme\u202Eelif.exe', 'Acme\u2067production\u2069', 'Ac\u200Bme', 'Acme\nproduction', 'Acme\u00ADprod', '\u061CAcme']) {
      expect(parseConnectLink(link({ ...good, name })), JSON.stringify(name)).toEqual({ ok: false, message: expect.stringMatching(/invisible or text-direction characters/) });
      expect(parseConnectionFile(file({ budgetly: 1, ...good, name })), JSON.stringify(name)).toMatchObject({ ok: false });
    }
    // Characters that draw nothing though they are letters or symbols (Hangul fillers, the braille blank): a name
    // with one would look like the name without it.
    for (const name of ['Acme production\u3164', 'Acme\u115Fproduction', 'Acme production\uFFA0', '\u2800Acme production', 'Acme\u2800\u2800production']) {
      expect(parseConnectLink(link({ ...good, name })), JSON.stringify(name)).toEqual({ ok: false, message: expect.stringMatching(/invisible or text-direction characters/) });
    }
    expect(parseConnectLink(link({ ...good, name: 'Ａｃｍｅ   ｐｒｏｄｕｃｔｉｏｎ' }))).toMatchObject({ ok: true, connection: { label: 'Acme production' } });
    expect(parseConnectLink(link({ ...good, name: 'Société Générale — Paris' }))).toMatchObject({ ok: true, connection: { label: 'Société Générale — Paris' } });
  });

  it('refuses a name that NFKC makes longer than a name may be (80 characters)', () => {
    // U+FDFA is one character that NFKC spells out in 18.
    expect(parseConnectLink(link({ ...good, name: '\uFDFA'.repeat(10) }))).toMatchObject({ ok: false, message: expect.stringContaining('name') });
    expect(parseConnectLink(link({ ...good, name: '\uFDFA'.repeat(4) }))).toMatchObject({ ok: true });
  });

  it('refuses a link with a __proto__ field like any other unknown field', () => {
    expect(parseConnectLink(`${link(good)}&__proto__=x`)).toEqual({ ok: false, message: expect.stringContaining('field Budgetly does not know: __proto__') });
  });

  it('finds links and .budgetly files on a command line, never flags or the app itself', () => {
    expect(launchRequestsFromArgv(['/opt/Budgetly/budgetly', '--no-sandbox', 'budgetly://connect?name=a', '/home/ann/Acme.BUDGETLY', 'notes.txt'])).toEqual([
      { kind: 'link', url: 'budgetly://connect?name=a' },
      { kind: 'file', path: '/home/ann/Acme.BUDGETLY' },
    ]);
  });
});

describe('offers through the core: shown first, added only on accept', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  function setup(builtIn = false) {
    const app = createTestCore(builtIn ? { builtInClientIds: { default: 'BUILT_IN', sandbox: null, byLoginHost: {} } } : {});
    const dir = tempDir();
    cleanup.push(() => app.dispose(), () => dir.remove());
    return { app, dir: dir.dir };
  }
  const pending = async (app: TestCore) => (await app.call('provisioning.pending')).value as ProvisionedOffer | null;
  const settled = async (app: TestCore) => {
    for (let i = 0; i < 100 && app.events.of('provisioning.changed').length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return pending(app);
  };
  /** Delivers a link or file, waits (up to `tries` × 10 ms) until the core announces the offer it made, and reads it. */
  const offerFor = async (app: TestCore, request: Parameters<TestCore['launch']['deliver']>[0], tries = 100) => {
    const before = app.events.of('provisioning.changed').length;
    app.launch.deliver(request);
    for (let i = 0; i < tries && app.events.of('provisioning.changed').length === before; i++) await new Promise((r) => setTimeout(r, 10));
    return pending(app);
  };

  it('a link waits for the user; accepting adds exactly what was shown, once', async () => {
    const { app } = setup();
    app.launch.deliver({ kind: 'link', url: link(good) });
    const offer = await settled(app);
    expect(offer).toMatchObject({ status: 'ready', source: 'link', label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', builtInClientId: false, signInMethod: 'browser' });
    expect((await app.call('connections.list')).value).toEqual([]);
    const added = await app.call('provisioning.accept', { id: offer!.id });
    expect(added.value).toMatchObject({ label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', status: 'disconnected' });
    expect(await pending(app)).toBeNull();
    expect((await app.call('provisioning.accept', { id: offer!.id })).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.call('connections.list')).value).toHaveLength(1);
  });

  it('a second offer arriving while one is shown waits behind it: accepting adds the one shown, then the next is offered', async () => {
    const { app } = setup();
    const offered = () => app.logger.lines.filter((line) => line.includes('Connection offered')).length;
    app.launch.deliver({ kind: 'link', url: link(good) });
    const first = await settled(app);
    const events = app.events.of('provisioning.changed').length;
    app.launch.deliver({ kind: 'link', url: link({ ...good, name: 'Someone else', loginUrl: 'https://evil.my.salesforce.com' }) });
    for (let i = 0; i < 100 && offered() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(offered()).toBe(2);
    // What the user is reading has not changed under their click.
    expect(await pending(app)).toEqual(first);
    expect(app.events.of('provisioning.changed')).toHaveLength(events);
    // Two clicks on Add while it is being added add it once.
    const [added, again] = await Promise.all([app.call('provisioning.accept', { id: first!.id }), app.call('provisioning.accept', { id: first!.id })]);
    expect(added.value).toMatchObject({ label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com' });
    expect(again.error).toMatchObject({ code: 'NOT_FOUND' });
    const second = await pending(app);
    expect(second).toMatchObject({ status: 'ready', label: 'Someone else', loginUrl: 'https://evil.my.salesforce.com' });
    await app.call('provisioning.dismiss', { id: second!.id });
    expect(await pending(app)).toBeNull();
    expect(((await app.call('connections.list')).value as { label: string }[]).map((c) => c.label)).toEqual(['Acme production']);
  });

  it('at most a few offers wait; a flood of links is dropped, not queued without end', async () => {
    const { app } = setup();
    for (let i = 0; i < MAX_WAITING_OFFERS + 20; i++) app.launch.deliver({ kind: 'link', url: link({ ...good, name: `Offer ${i}` }) });
    for (let i = 0; i < 200 && !app.logger.lines.some((line) => line.includes('dropped')); i++) await new Promise((r) => setTimeout(r, 10));
    const seen: string[] = [];
    for (let offer = await pending(app); offer; offer = await pending(app)) {
      seen.push(offer.status === 'ready' ? offer.label : offer.status);
      await app.call('provisioning.dismiss', { id: offer.id });
    }
    expect(seen).toEqual(Array.from({ length: MAX_WAITING_OFFERS + 1 }, (_, i) => `Offer ${i}`));
  });

  it('a name that can pass for a connection the user already has is refused (lookalike letters, case, spacing)', async () => {
    const { app } = setup();
    await app.call('connections.add', { label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme' });
    // Cyrillic А, Greek ο, Cyrillic е and р, upper case with doubled spaces, full-width letters.
    for (const name of ['\u0410cme production', 'Acme pr\u03BFduction', 'Acm\u0435 \u0440roduction', 'ACME  PRODUCTION', 'Ａｃｍｅ production']) {
      const offer = await offerFor(app, { kind: 'link', url: link({ ...good, name, loginUrl: 'https://evil.my.salesforce.com' }) });
      expect(offer, name).toMatchObject({ status: 'refused', message: expect.stringContaining('looks the same as your connection “Acme production”') });
      await app.call('provisioning.dismiss', { id: offer!.id });
    }
    expect(await offerFor(app, { kind: 'link', url: link({ ...good, name: 'Acme sandbox' }) })).toMatchObject({ status: 'ready', label: 'Acme sandbox' });
    expect((await app.call('connections.list')).value).toHaveLength(1);
  });

  it('says why an offer was refused in the user’s language, and in the new one once Settings change', async () => {
    const { app } = setup();
    await app.call('settings.set', { language: 'de' });
    await app.call('connections.add', { label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme' });
    app.launch.deliver({ kind: 'link', url: link({ ...good, name: 'ACME  PRODUCTION', loginUrl: 'https://evil.my.salesforce.com' }) });
    const offer = await settled(app);
    const german = 'Der Name sieht genauso aus wie Ihre Verbindung „Acme production“, sodass die beiden verwechselt werden könnten. Es wurde nichts hinzugefügt; bitten Sie Ihren Administrator um einen Link mit einem anderen Namen.';
    expect(offer).toMatchObject({ status: 'refused', message: german });
    expect(app.events.of('provisioning.changed').at(-1)).toMatchObject({ message: german });
    await app.call('settings.set', { language: 'fr' });
    expect(await pending(app)).toMatchObject({ message: expect.stringMatching(/^Son nom ressemble à celui de votre connexion « Acme production »/) });
  });

  it('a name that passes for an existing one through letters drawn alike in Latin too (capital I and l, digit 0 and O) is refused', async () => {
    const { app } = setup();
    await app.call('connections.add', { label: 'Acme Inc', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme' });
    // Cyrillic І and Greek Ι look exactly like Latin I; l and 1 do in most sans-serif fonts; 0 like O.
    for (const name of ['Acme \u0406nc', 'Acme \u0399nc', 'Acme lnc', 'Acme 1nc', 'Acm\u0435 \u0406nc', 'ACME INC']) {
      const offer = await offerFor(app, { kind: 'link', url: link({ ...good, name, loginUrl: 'https://evil.my.salesforce.com' }) });
      expect(offer, name).toMatchObject({ status: 'refused', message: expect.stringContaining('looks the same as your connection “Acme Inc”') });
      await app.call('provisioning.dismiss', { id: offer!.id });
    }
    await app.call('connections.add', { label: 'B0B Ltd', loginUrl: 'https://bob.my.salesforce.com', clientId: '3MVG9_bob' });
    app.launch.deliver({ kind: 'link', url: link({ ...good, name: 'BOB Ltd', loginUrl: 'https://evil.my.salesforce.com' }) });
    expect(await settled(app)).toMatchObject({ status: 'refused', message: expect.stringContaining('“B0B Ltd”') });
  });

  it('two offers with the same name waiting in turn: once the first is added, the second is refused as its lookalike', async () => {
    const { app } = setup();
    const offered = () => app.logger.lines.filter((line) => line.includes('Connection offered')).length;
    app.launch.deliver({ kind: 'link', url: link(good) });
    const first = await settled(app);
    app.launch.deliver({ kind: 'link', url: link({ ...good, name: 'Acme pr\u03BFduction', loginUrl: 'https://evil.my.salesforce.com' }) });
    for (let i = 0; i < 100 && offered() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await app.call('provisioning.accept', { id: first!.id })).toMatchObject({ ok: true });
    const second = await pending(app);
    expect(second).toMatchObject({ status: 'refused', message: expect.stringContaining('looks the same as your connection “Acme production”') });
    expect(await app.call('provisioning.accept', { id: second!.id })).toMatchObject({ ok: false });
    expect(((await app.call('connections.list')).value as { label: string }[]).map((c) => c.label)).toEqual(['Acme production']);
  });

  it('a file without a client id uses the build’s; without one built in it is refused', async () => {
    for (const builtIn of [true, false]) {
      const { app, dir } = setup(builtIn);
      const path = join(dir, 'Acme.budgetly');
      writeFileSync(path, JSON.stringify({ budgetly: 1, name: 'Acme', loginUrl: 'https://login.salesforce.com' }));
      app.launch.deliver({ kind: 'file', path });
      const offer = await settled(app);
      if (builtIn) expect(offer).toMatchObject({ status: 'ready', source: 'file', fileName: 'Acme.budgetly', clientId: 'BUILT_IN', builtInClientId: true });
      else expect(offer).toMatchObject({ status: 'refused', message: expect.stringMatching(/none built in/) });
    }
  });

  it('a file’s name is shown without its text-direction or invisible characters (it cannot read as another name)', async () => {
    const { app, dir } = setup();
    // Shown as it is, a right-to-left override turns what follows it around on screen.
    const path = join(dir, 'Acme\u202Efdp\u200B.budgetly');
    writeFileSync(path, JSON.stringify({ budgetly: 1, ...good }));
    app.launch.deliver({ kind: 'file', path });
    const offer = await settled(app);
    expect(offer).toMatchObject({ status: 'ready', fileName: 'Acme\uFFFDfdp\uFFFD.budgetly' });
  });

  it('refused files (a pipe, a folder, too large, other extension, missing) show their message and add nothing; dismiss clears', async () => {
    const { app, dir } = setup();
    const large = join(dir, 'large.budgetly');
    writeFileSync(large, Buffer.alloc(10 * 1024 * 1024, 0x20));
    const other = join(dir, 'acme.json');
    writeFileSync(other, JSON.stringify({ budgetly: 1, ...good }));
    // A named pipe would block a plain open() until something writes to it; a folder is not a file either.
    const pipe = join(dir, 'pipe.budgetly');
    execFileSync('mkfifo', [pipe]);
    const folder = join(dir, 'folder.budgetly');
    mkdirSync(folder);
    const cases: [string, RegExp][] = [
      [pipe, /not an ordinary file/],
      [folder, /not an ordinary file/],
      [large, /10240 KB/],
      [other, /Only \.budgetly files/],
      [join(dir, 'missing.budgetly'), /could not read/],
    ];
    for (const [path, message] of cases) {
      const offer = await offerFor(app, { kind: 'file', path }, 200);
      expect(offer).toMatchObject({ status: 'refused', message: expect.stringMatching(message) });
      expect((await app.call('provisioning.accept', { id: offer!.id })).ok).toBe(false);
      await app.call('provisioning.dismiss', { id: offer!.id });
      expect(await pending(app)).toBeNull();
    }
    expect((await app.call('connections.list')).value).toEqual([]);
  });
});
