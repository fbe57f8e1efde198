import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/contract';
import { startHarness, type Harness } from '../../support/harness';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { expectView } from './view-assertions';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';

/**
 * Issue #19 (cold start, page30): the window's first module asks for the first rows as soon as it has arrived — an async
 * module script, not one that waits for the page's stylesheets — and the workspace is rendered only once they are in:
 * its header widths are measured with the page's own font, and no row is put in an unstyled page. Seen, not timed: the
 * page's stylesheets are held back until the core has been asked for the first rows.
 */
const WATCH_FIRST_ROW = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[role="grid"] .grid-body [role="row"]')) return;
  const links = [...document.querySelectorAll('link[rel="stylesheet"]')];
  window.firstRowStyles = { links: links.length, loaded: links.filter((link) => link.sheet !== null).length };
  observer.disconnect();
}).observe(document, { subtree: true, childList: true });`;

describe('the first module and the page’s stylesheets', () => {
  let w: WorkspaceFixture;
  const data = tempDir();
  const secretBox = new TestSecretBox();
  let reopened: Harness | null = null;
  let connectionId = '';

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 800, multiCurrency: true }, harness: { dataDir: data.dir, secretBox } });
    connectionId = ((await w.harness.testCore.call('connections.list')).value as Connection[])[0]!.id;
    await w.harness.close();
  });
  afterAll(async () => {
    await reopened?.close();
    await w?.agent()?.dispose();
    await w?.browser.close();
    await w?.org.stop().catch(() => undefined);
    data.remove();
  });

  it('asks for the first rows while the stylesheets are still on their way, and shows the rows only once the page is styled', async () => {
    const invoices = w.invoices();
    const asked: string[] = [];
    /** Per stylesheet let through: whether the core had been asked for the first rows by then. */
    const askedBeforeStyles: boolean[] = [];
    reopened = await startHarness({
      // The window opens on the connection it showed last (its first module asks for that one's first rows).
      initScript: `localStorage.setItem('budgetly.activeConnection', ${JSON.stringify(connectionId)});\n${WATCH_FIRST_ROW}`,
      browser: w.browser,
      dataDir: data.dir,
      secretBox,
      demo: { label: 'Local org', loginUrl: w.org.url, clientId: 'budgetly-demo' },
      extraLoginOrigins: [w.org.url],
      beforeNavigate: async (context, testCore) => {
        const dispatch = testCore.core.dispatch;
        testCore.core.dispatch = (channel, input, senderUrl) => {
          asked.push(String(channel));
          return dispatch(channel, input, senderUrl);
        };
        // Every stylesheet waits until the core has been asked for the first rows (a first module that waited for the
        // stylesheets would never ask: the wait gives up after 5 s and the expectation below fails), then a while more.
        await context.route(/\.css$/, async (route) => {
          for (let i = 0; i < 100 && !asked.includes('invoices.list'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
          askedBeforeStyles.push(asked.includes('invoices.list'));
          await new Promise((resolve) => setTimeout(resolve, 2500));
          await route.continue();
        });
      },
    });
    const { page } = reopened;
    await poll(() => page.evaluate(() => (window as unknown as { firstRowStyles?: { links: number; loaded: number } }).firstRowStyles ?? null)).not.toBeNull();
    const styles = await page.evaluate(() => (window as unknown as { firstRowStyles: { links: number; loaded: number } }).firstRowStyles);
    // The first rows were asked for before any stylesheet was let through…
    expect(askedBeforeStyles.length).toBeGreaterThanOrEqual(2);
    expect(askedBeforeStyles.every(Boolean)).toBe(true);
    // …and every stylesheet was in when the first row was put in the page.
    expect(styles.links).toBeGreaterThanOrEqual(2);
    expect(styles.loaded).toBe(styles.links);
    await poll(() => page.getByTestId('row-count').getAttribute('data-complete')).toBe('true');
    await expectView(page, invoices, {}, { key: 'invoiceDate', desc: true });
  });
});
