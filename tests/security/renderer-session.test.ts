import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectView } from '../e2e/workspace/view-assertions';
import { startWorkspace, type WorkspaceFixture } from '../e2e/workspace/workspace-fixture';
import { waitForSynced } from '../e2e/workspace/workspace-driver';

/**
 * The app in Chromium, signed in to the local org through its login and consent pages and synced
 * (the e2e workspace fixture), then: the renderer's whole state holds no token, and what the user
 * types into search is matched on the cached invoices, never sent to Salesforce (the org counts
 * every query it receives), with SOQL's special characters taken literally.
 */
const TOKEN = /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+|5Aep[A-Za-z0-9._-]{8,}/;

let w: WorkspaceFixture;
let refreshesBefore = 0;
const queries = () => {
  const requests = w.org.control.counters().requests as Record<string, number>;
  return (requests.query ?? 0) + (requests.queryMore ?? 0) + (requests.queryAll ?? 0) + (requests.record ?? 0);
};

beforeAll(async () => {
  w = await startWorkspace({ org: { invoices: 300 }, connect: true });
  // A refresh happens in the session too: the access token expires, the next sync renews it.
  w.org.control.expireSessions();
  refreshesBefore = w.org.control.counters().refreshes;
  await w.page.getByTestId('sync-button').click();
  await waitForSynced(w.page, 300);
});
afterAll(async () => w?.close());

describe('the renderer after sign-in, sync and refresh', () => {
  it('holds no token: DOM, localStorage, sessionStorage, cookies, IndexedDB names, loaded URLs', async () => {
    await expect.poll(() => w.org.control.counters().refreshes).toBeGreaterThan(refreshesBefore);
    const state = await w.page.evaluate(async () => {
      const storage = (store: Storage) => Object.fromEntries(Array.from({ length: store.length }, (_, index) => [store.key(index), store.getItem(store.key(index)!)]));
      return {
        html: document.documentElement.outerHTML,
        local: JSON.stringify(storage(localStorage)),
        session: JSON.stringify(storage(sessionStorage)),
        cookies: document.cookie,
        databases: JSON.stringify(await indexedDB.databases()),
        urls: JSON.stringify(performance.getEntries().map((entry) => entry.name)),
        title: document.title,
      };
    });
    expect(state.html).toContain('data-testid="row-count"');
    for (const [where, text] of Object.entries(state)) expect(text, where).not.toMatch(TOKEN);
  });
});

describe('links in the workspace', () => {
  it('none points off the app: Salesforce records open through IPC (the core builds the URL), not by navigation', async () => {
    const hrefs = await w.page.evaluate(() => [...document.querySelectorAll('a[href], area[href], form[action]')].map((el) => el.getAttribute('href') ?? el.getAttribute('action')));
    const origin = new URL(w.page.url()).origin;
    expect(hrefs.filter((href) => href && !href.startsWith('#') && new URL(href, w.page.url()).origin !== origin)).toEqual([]);
  });
});

describe('search is never sent to Salesforce', () => {
  it.each([
    ["a quote", "'"],
    ['a backslash', '\\'],
    ['a SOQL wildcard %', '%'],
    ['a SOQL wildcard _', '_'],
    ['an injection', "' OR Name != '"],
    ['an escaped injection', "\\' OR Id != \\'"],
    ['a LIKE pattern', 'INV-%1'],
    ['a line break (pasted)', 'INV\n0001'],
  ])('%s: matched literally on the cached invoices, no query reaches the org', async (_label, text) => {
    const before = queries();
    const search = w.page.getByTestId('search');
    await search.fill(text);
    // What the box really holds (a single-line input drops the line break) is what must be matched.
    const typed = await search.inputValue();
    await expectView(w.page, w.invoices(), { search: typed }, { key: 'invoiceDate', desc: true });
    await search.fill('');
    expect(queries()).toBe(before);
  });

  it('a fragment of a real invoice number does match, while % and _ (wildcards in SOQL LIKE) match nothing', async () => {
    const before = queries();
    expect(before, 'the org did count the sync’s queries').toBeGreaterThan(0);
    const invoices = w.invoices();
    const fragment = invoices[0]!.number.slice(-5);
    const search = w.page.getByTestId('search');
    await search.fill(fragment);
    const rows = await expectView(w.page, invoices, { search: fragment }, { key: 'invoiceDate', desc: true });
    expect(rows.length).toBeGreaterThan(0);
    await search.fill('');
    const literal = (text: string) => invoices.filter((inv) => `${inv.number}\u0000${inv.customer ?? ''}`.toLowerCase().includes(text)).length;
    expect(literal('%') + literal('_')).toBe(0);
    expect(queries()).toBe(before);
  });
});
