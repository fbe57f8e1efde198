import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { renderedNumbers } from './workspace-driver';

/**
 * Added before every page load: every list window that crosses as columns (`invoices.listColumns`) comes back malformed — one
 * row more than its columns hold — as a broken core could send it (reviewA low on 5da6f86). Plain JS text: the page has none of
 * the test's helpers.
 */
const SPOIL_COLUMN_WINDOWS = `(() => {
  const install = () => {
    const original = window.__budgetlyInvoke;
    if (typeof original !== 'function' || original.__spoiled) return;
    const spoiled = async (channel, input) => {
      const result = await original(channel, input);
      if (channel === 'invoices.listColumns' && result && result.ok) result.value.columns.length += 1;
      return result;
    };
    spoiled.__spoiled = true;
    window.__budgetlyInvoke = spoiled;
  };
  install();
  document.addEventListener('readystatechange', install);
})();`;

describe('a malformed list window, on a German computer', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 3000 }, harness: { locale: 'de-DE' } });
    await w.harness.context.addInitScript({ content: SPOIL_COLUMN_WINDOWS });
  });
  afterAll(async () => w?.close());

  it('says in German that what arrived could not be read, keeps the first rows, and logs the developer’s detail only', async () => {
    const logged: string[] = [];
    w.page.on('console', (message) => {
      if (message.type() === 'error') logged.push(message.text());
    });
    await w.page.reload();
    const alert = w.page.getByTestId('list-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Budgetly konnte die übrigen Rechnungen nicht laden: Was ankam, konnte nicht gelesen werden. Versuchen Sie es erneut; passiert es wieder, starten Sie Budgetly neu (die Einzelheiten stehen in seinem Protokoll). Erneut versuchen',
    );
    expect(await alert.textContent()).not.toMatch(/malformed|cells for|rows/);
    // The first window (rows, not columns) stays on screen.
    expect((await renderedNumbers(w.page)).length).toBeGreaterThan(5);
    // The detail — which column, how many rows — is in the window's log.
    await poll(() => logged.join('\n')).toContain('The invoice list window is malformed: the id column has');
  });
});
