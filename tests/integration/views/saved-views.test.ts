import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedViewList } from '../../../electron/contract';
import { createTestCore, type TestCore } from '../../support/test-core';
import { tempDir } from '../../support/test-ports';
import { plainViewState, viewState } from '../../support/view-state';
import { observableState } from '../../security/support/core-state';

const cores: TestCore[] = [];
const folders: { remove(): void }[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
  for (const folder of folders.splice(0)) folder.remove();
});

async function value<T>(testCore: TestCore, channel: string, input?: unknown): Promise<T> {
  const result = await testCore.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A core on a data folder of its own (a second core on it is the app restarted), with one connection added. */
async function withConnection(): Promise<{ testCore: TestCore; dataDir: string; connectionId: string }> {
  const folder = tempDir();
  folders.push(folder);
  const dataDir = folder.dir;
  const testCore = createTestCore({ dataDir });
  cores.push(testCore);
  const added = await value<{ id: string }>(testCore, 'connections.add', { label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'client-1' });
  return { testCore, dataDir, connectionId: added.id };
}

const eurOverdue = viewState({ filters: { currencies: ['EUR'], overdueOnly: true }, sort: { column: 'daysOverdue', desc: true } });
const acme = viewState({ filters: { customer: 'Acme' }, asOf: '2026-06-30', groupByCustomer: true });

describe('saved views in the core', () => {
  it('save, list, rename, reorder, set the default, delete', async () => {
    const { testCore, connectionId } = await withConnection();
    const call = <T = SavedViewList>(channel: string, input: Record<string, unknown> = {}) => value<T>(testCore, channel, { connectionId, ...input });
    expect(await call('views.list')).toEqual({ views: [], defaultId: null, unreadable: 0 });
    await call('views.save', { name: 'EUR overdue', state: eurOverdue });
    let list = await call('views.save', { name: 'Acme open items', state: acme });
    expect(list.views.map((view) => [view.name, view.connectionId, view.state])).toEqual([
      ['EUR overdue', connectionId, eurOverdue],
      ['Acme open items', connectionId, acme],
    ]);
    const [first, second] = list.views;
    // Saving under a name that exists (case aside) replaces that view in its place.
    list = await call('views.save', { name: 'eur overdue', state: plainViewState });
    expect(list.views.map((view) => [view.id, view.name])).toEqual([[first!.id, 'eur overdue'], [second!.id, 'Acme open items']]);
    expect(list.views[0]!.state).toEqual(plainViewState);

    list = await call('views.update', { id: second!.id, move: 'up' });
    expect(list.views.map((view) => view.id)).toEqual([second!.id, first!.id]);
    list = await call('views.update', { id: second!.id, move: 'up' });
    expect(list.views.map((view) => view.id)).toEqual([second!.id, first!.id]);
    list = await call('views.update', { id: first!.id, name: 'EUR overdue > 60 days', isDefault: true });
    expect(list).toMatchObject({ defaultId: first!.id, views: [{ name: 'Acme open items' }, { name: 'EUR overdue > 60 days' }] });

    const taken = await testCore.call('views.update', { connectionId, id: first!.id, name: 'ACME open items' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('already named') } });
    list = await call('views.delete', { id: first!.id });
    expect(list).toMatchObject({ defaultId: null, views: [{ name: 'Acme open items' }] });
    expect(await testCore.call('views.delete', { connectionId, id: first!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses names that are not one short line, views of unknown connections, and more than 50 views; nothing changes', async () => {
    const { testCore, connectionId } = await withConnection();
    await value(testCore, 'views.save', { connectionId, name: 'Kept', state: acme });
    const before = await observableState(testCore);
    for (const name of ['', '   ', 'x'.repeat(81), 'line\nbreak', 'tab\there']) {
      expect(await testCore.call('views.save', { connectionId, name, state: acme })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await testCore.call('views.save', { connectionId, name: 'x', state: { ...acme, columns: ['number', 'secret'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await testCore.call('views.save', { connectionId: 'no-such-connection', name: 'x', state: acme })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await observableState(testCore)).toBe(before);
    for (let i = 1; i < 50; i++) await value(testCore, 'views.save', { connectionId, name: `View ${i}`, state: plainViewState });
    const full = await testCore.call('views.save', { connectionId, name: 'View 50', state: plainViewState });
    expect(full).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('at most 50 views') } });
    expect((await value<SavedViewList>(testCore, 'views.list', { connectionId })).views).toHaveLength(50);
  });

  it('a new core on the same files (the app restarted) has the views, their order and the default', async () => {
    const { testCore, dataDir, connectionId } = await withConnection();
    await value(testCore, 'views.save', { connectionId, name: 'EUR overdue', state: eurOverdue });
    const saved = await value<SavedViewList>(testCore, 'views.save', { connectionId, name: 'Acme', state: acme });
    const chosen = await value<SavedViewList>(testCore, 'views.update', { connectionId, id: saved.views[1]!.id, isDefault: true, move: 'up' });
    await testCore.dispose();
    cores.splice(cores.indexOf(testCore), 1);

    const again = createTestCore({ dataDir, secretBox: testCore.secretBox });
    cores.push(again);
    expect(await value(again, 'views.list', { connectionId })).toEqual(chosen);
    expect(chosen.views.map((view) => view.name)).toEqual(['Acme', 'EUR overdue']);
    expect(chosen.defaultId).toBe(saved.views[1]!.id);
  });

  it('a removed connection’s views go with it; a disconnected one keeps them', async () => {
    const { testCore, connectionId } = await withConnection();
    const other = await value<{ id: string }>(testCore, 'connections.add', { label: 'Globex', loginUrl: 'https://test.salesforce.com', clientId: 'client-2' });
    await value(testCore, 'views.save', { connectionId, name: 'Acme', state: acme });
    const kept = await value<SavedViewList>(testCore, 'views.save', { connectionId: other.id, name: 'Globex', state: eurOverdue });
    await value(testCore, 'views.update', { connectionId: other.id, id: kept.views[0]!.id, isDefault: true });
    await value(testCore, 'connections.disconnect', { id: connectionId });
    expect((await value<SavedViewList>(testCore, 'views.list', { connectionId })).views.map((view) => view.name)).toEqual(['Acme']);
    await value(testCore, 'connections.remove', { id: connectionId });
    expect(JSON.stringify(testCore.store.get('savedViews'))).not.toContain(connectionId);
    expect(await value(testCore, 'views.list', { connectionId: other.id })).toMatchObject({ defaultId: kept.views[0]!.id, views: [{ name: 'Globex' }] });
  });

  it('a damaged store is said (unreadable count) and kept aside in the settings file, not lost; the readable views stay', async () => {
    const { testCore, dataDir, connectionId } = await withConnection();
    const good = await value<SavedViewList>(testCore, 'views.save', { connectionId, name: 'Good', state: acme });
    const damaged = { id: 'x1', name: 'From a later version', connectionId, state: { ...acme, version: 2, newThing: true } };
    const stored = testCore.store.get<{ views: unknown[] }>('savedViews')!;
    testCore.store.set('savedViews', { ...stored, views: [...stored.views, damaged] });

    const list = await value<SavedViewList>(testCore, 'views.list', { connectionId });
    expect(list).toEqual({ views: good.views, defaultId: null, unreadable: 1 });
    const file = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(JSON.parse(file).savedViewsUnreadable).toEqual([{ connectionId, raw: damaged }]);
    // Saving again does not drop what was put aside.
    await value(testCore, 'views.save', { connectionId, name: 'Another', state: plainViewState });
    expect((await value<SavedViewList>(testCore, 'views.list', { connectionId })).unreadable).toBe(1);

    // A store that is not views at all: put aside whole, the connection starts with none and is told.
    testCore.store.set('savedViews', 'garbage');
    expect(await value(testCore, 'views.list', { connectionId })).toEqual({ views: [], defaultId: null, unreadable: 2 });
    expect(testCore.store.get<unknown[]>('savedViewsUnreadable')).toContainEqual({ connectionId: null, raw: 'garbage' });
    expect(testCore.logger.lines.some((line) => line.includes('could not be read were kept aside'))).toBe(true);
  });
});

describe('export and import of views', () => {
  it('exports the connection’s views to the file the user picks and imports them into another connection, clashes numbered', async () => {
    const { testCore, connectionId, dataDir } = await withConnection();
    await value(testCore, 'views.save', { connectionId, name: 'EUR overdue', state: eurOverdue });
    await value(testCore, 'views.save', { connectionId, name: 'Acme', state: acme });
    const path = join(dataDir, 'shared', 'views.json');
    mkdirSync(join(dataDir, 'shared'));
    testCore.saveDialog.answer = path;
    expect(await value(testCore, 'views.export', { connectionId })).toEqual({ path, count: 2 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'budgetly-views', version: 1, views: [{ name: 'EUR overdue' }, { name: 'Acme' }] });

    const other = await value<{ id: string }>(testCore, 'connections.add', { label: 'Globex', loginUrl: 'https://test.salesforce.com', clientId: 'client-2' });
    await value(testCore, 'views.save', { connectionId: other.id, name: 'acme', state: plainViewState });
    testCore.openDialog.answer = path;
    const imported = await value<{ imported: string[]; list: SavedViewList }>(testCore, 'views.import', { connectionId: other.id });
    expect(imported.imported).toEqual(['EUR overdue', 'Acme (2)']);
    expect(imported.list.views.map((view) => [view.name, view.connectionId])).toEqual([['acme', other.id], ['EUR overdue', other.id], ['Acme (2)', other.id]]);
    expect(imported.list.views[1]!.state).toEqual(eurOverdue);
    // The first connection's views are its own.
    expect((await value<SavedViewList>(testCore, 'views.list', { connectionId })).views.map((view) => view.name)).toEqual(['EUR overdue', 'Acme']);
  });

  it('a broken or hostile file is refused with its reason and changes nothing', async () => {
    const { testCore, connectionId, dataDir } = await withConnection();
    await value(testCore, 'views.save', { connectionId, name: 'Mine', state: acme });
    const listBefore = await value(testCore, 'views.list', { connectionId });
    const settingsFile = () => readFileSync(join(dataDir, 'settings.json'), 'utf8');
    const storedBefore = settingsFile();
    const write = (name: string, text: string | Buffer) => {
      const path = join(dataDir, name);
      writeFileSync(path, text);
      return path;
    };
    const ok = { format: 'budgetly-views', version: 1 };
    const cases: [string, string | Buffer, RegExp][] = [
      ['not-json.json', 'this is { not json', /not JSON text/],
      ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x81]), /not JSON text/],
      ['version.json', JSON.stringify({ ...ok, version: 99, views: [] }), /version 99/],
      ['huge.json', Buffer.alloc(10 * 1024 * 1024, 0x20), /larger than 256 KB/],
      ['many.json', JSON.stringify({ ...ok, views: Array.from({ length: 10_000 }, (_, i) => ({ name: `v${i}`, state: plainViewState })) }), /larger than|10000 views/],
      ['many-small.json', JSON.stringify({ ...ok, views: Array.from({ length: 10_000 }, () => 0) }), /10000 views/],
      ['proto.json', `{"format":"budgetly-views","version":1,"views":[{"name":"p","state":{"__proto__":{"isAdmin":true}}}]}`, /__proto__/],
      ['control.json', JSON.stringify({ ...ok, views: [{ name: 'evil\u001b[31m', state: plainViewState }] }), /control characters/],
      ['columns.json', JSON.stringify({ ...ok, views: [{ name: 'cols', state: { ...plainViewState, columns: ['number', 'Salary__c'] } }] }), /columns/],
      ['too-many-here.json', JSON.stringify({ ...ok, views: Array.from({ length: 50 }, (_, i) => ({ name: `v${i}`, state: plainViewState })) }), /at most 50 views and this one has 1/],
    ];
    for (const [name, text, reason] of cases) {
      testCore.openDialog.answer = write(name, text);
      const result = await testCore.call('views.import', { connectionId });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(reason) } });
      if (name !== 'too-many-here.json') expect(result.error!.message, name).toMatch(/^Budgetly did not import this file: .* Nothing was changed\.$/s);
    }
    testCore.openDialog.answer = dataDir;
    expect(await testCore.call('views.import', { connectionId })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('not an ordinary file') } });
    testCore.openDialog.answer = join(dataDir, 'missing.json');
    expect(await testCore.call('views.import', { connectionId })).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(await value(testCore, 'views.list', { connectionId })).toEqual(listBefore);
    expect(settingsFile()).toBe(storedBefore);
  });

  it('cancelled dialogs change nothing', async () => {
    const { testCore, connectionId } = await withConnection();
    await value(testCore, 'views.save', { connectionId, name: 'Mine', state: acme });
    expect(await value(testCore, 'views.export', { connectionId })).toEqual({ path: null, count: 0 });
    expect(await value(testCore, 'views.import', { connectionId })).toMatchObject({ path: null, imported: [] });
    expect(testCore.openDialog.asked).toBe(1);
  });
});
