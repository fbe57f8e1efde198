import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { measureCards, measureLayout, type CardFacts } from './layout-measure';

extend([a11yPlugin]);

/**
 * The workspace on small windows (1,024 × 768 and 1,280 × 720), light and dark, detail panel closed and open: the
 * grid keeps a useful number of rows, the top bar stays on one line, the totals take one line per currency (the
 * aging opens on demand), the row the user opened stays in view, and Settings fits the window (scrolling within
 * itself). Screenshots of each state are in test-results/screenshots/layout-*.png.
 */
let w: WorkspaceFixture;

beforeAll(async () => {
  w = await startWorkspace({ org: { invoices: 300, multiCurrency: true }, connect: true, harness: { viewport: { width: 1024, height: 768 } } });
});
afterAll(async () => w?.close());

const SIZES = [
  { width: 1024, height: 768, closed: 10, open: 8 },
  { width: 1280, height: 720, closed: 10, open: 8 },
  { width: 1280, height: 800, closed: 10, open: 8 },
];
const rows = () => w.page.getByTestId('invoice-grid').locator('.grid-body [role="row"]');

/**
 * Cards sharing a row have one layout (same height, balance and aging at the same place), no aging word is broken
 * or wider than its bar, and every bar reaches 3:1 against its card (the colours the browser computed).
 */
function expectCardsAlike(cards: CardFacts[], where: string) {
  const rowsOfCards = new Map<number, CardFacts[]>();
  for (const card of cards) rowsOfCards.set(Math.round(card.top), [...(rowsOfCards.get(Math.round(card.top)) ?? []), card]);
  expect(rowsOfCards.size, `rows of cards (${where})`).toBeGreaterThan(0);
  for (const row of rowsOfCards.values()) {
    const [first, ...others] = row;
    for (const card of others) {
      const pair = `${first!.currency} and ${card.currency} (${where})`;
      expect(Math.abs(card.height - first!.height), `height of ${pair}`).toBeLessThanOrEqual(1);
      expect(Math.abs(card.balanceAt.x - first!.balanceAt.x), `balance across ${pair}`).toBeLessThanOrEqual(1);
      expect(Math.abs(card.balanceAt.y - first!.balanceAt.y), `balance down ${pair}`).toBeLessThanOrEqual(1);
      expect(Math.abs(card.agingAt - first!.agingAt), `aging of ${pair}`).toBeLessThanOrEqual(1);
    }
  }
  for (const card of cards) {
    expect(card.brokenWords, `aging words of ${card.currency} (${where})`).toEqual([]);
    for (const fill of card.fills) {
      const ratio = colord(fill.colour).contrast(card.background);
      expect(ratio, `${card.currency} ${fill.bucket} bar ${fill.colour} on ${card.background} (${where})`).toBeGreaterThanOrEqual(3);
    }
  }
}

async function expectTopBarOnOneLine(where: string) {
  const { topBar } = await measureLayout(w.page);
  expect(topBar.scrollWidth, `top bar fits its width (${where})`).toBeLessThanOrEqual(topBar.clientWidth);
  expect(topBar.wrapped, `top bar texts on one line (${where})`).toEqual([]);
  expect(topBar.cutWithoutTooltip, `cut top bar texts have a tooltip (${where})`).toEqual([]);
  expect(topBar.height, `top bar is one line high (${where})`).toBeLessThan(56);
}

describe('the workspace on small windows', () => {
  for (const size of SIZES) {
    it(`at ${size.width} × ${size.height} shows ≥ ${size.closed} rows (≥ ${size.open} beside the details), one-line totals and top bar, light and dark`, async () => {
      const { page } = w;
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const where = `${size.width}×${size.height} ${scheme}`;

        await poll(async () => (await measureLayout(page)).visibleRows).toBeGreaterThanOrEqual(size.closed);
        const closed = await measureLayout(page);
        expect(closed.summary?.compact, `totals one line per currency (${where})`).toBe(true);
        for (const height of closed.summary!.cardHeights) expect(height, `a currency's line (${where})`).toBeLessThan(36);
        expect(closed.summary?.agingShown).toBe(false);
        expect(closed.summary?.amountsCut, `totals and balances whole (${where})`).toEqual([]);
        await expectTopBarOnOneLine(`${where}, panel closed`);
        await w.harness.screenshot(`layout-${size.width}x${size.height}-${scheme}-closed`);
        // After the rows a sync just changed have stopped flashing (axe would measure a colour halfway through the fade).
        await poll(() => page.locator('.grid-row.changed').count()).toBe(0);
        await expectAccessible(page, `workspace ${where}`);

        // Open the last row wholly on screen: the panel narrows the grid, and that row is still on screen after.
        const last = closed.visibleRowIndexes[closed.visibleRowIndexes.length - 1]!;
        await page.locator(`[data-testid="invoice-grid"] .grid-body [role="row"][aria-rowindex="${last}"]`).click();
        await page.getByTestId('detail-panel').waitFor();
        await poll(async () => (await measureLayout(page)).visibleRows).toBeGreaterThanOrEqual(size.open);
        // The grid keeps the opened row in view from its ResizeObserver, which runs before the next paint; a
        // measurement that forces layout in between sees the narrowed grid not yet scrolled (1 failure in 3 runs at
        // load ~20), a state never painted. So wait for the row, as a user's eyes do.
        await expect.poll(async () => (await measureLayout(page)).visibleRowIndexes, { timeout: 20_000, interval: 50, message: `the opened row stays in view (${where})` }).toContain(last);
        const open = await measureLayout(page);
        await poll(async () => (await measureLayout(page)).summary?.amountsCut).toEqual([]);
        if (size.width === 1024) await expectAccessible(page, `workspace ${where}, details open`);
        await expectTopBarOnOneLine(`${where}, panel open`);
        await w.harness.screenshot(`layout-${size.width}x${size.height}-${scheme}-open`);
        await page.keyboard.press('Escape');
        await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
        console.log(`${where}: ${closed.visibleRows} rows, ${open.visibleRows} beside the details`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  }

  it('opens the full cards with their aging on demand, and folds them back to one line each', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1024, height: 768 });
    const toggle = page.getByTestId('summary-toggle');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await poll(async () => (await measureLayout(page)).summary?.agingShown).toBe(true);
    expect((await measureLayout(page)).summary?.compact).toBe(false);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await w.harness.screenshot('layout-1024x768-totals-expanded');
    // An aging bar works as on a large window: it filters to its bucket.
    const bar = page.getByTestId('currency-card').first().getByTestId('aging-bar').last();
    await bar.click();
    await poll(() => bar.getAttribute('aria-pressed')).toBe('true');
    await bar.click();
    await poll(() => bar.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await poll(async () => (await measureLayout(page)).summary?.compact).toBe(true);
    // A large window has room for the full cards: no one-line totals, no toggle.
    await page.setViewportSize({ width: 1400, height: 900 });
    await poll(async () => (await measureLayout(page)).summary?.agingShown).toBe(true);
    expect(await toggle.count()).toBe(0);
    await page.setViewportSize({ width: 1024, height: 768 });
    await poll(async () => (await measureLayout(page)).summary?.compact).toBe(true);
    expect(await rows().count()).toBeGreaterThan(0);
  });

  it('fits Settings in the window: it scrolls within itself, its title and close button stay in view', async () => {
    const { page } = w;
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.getByTestId('open-settings').click();
      const dialog = page.getByTestId('settings-dialog');
      await dialog.waitFor();
      const facts = () =>
        dialog.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const title = el.querySelector('h2')!.getBoundingClientRect();
          const close = el.querySelector('.dialog-header button')!.getBoundingClientRect();
          const done = el.querySelector('.form-actions button')!.getBoundingClientRect();
          const inDialog = (b: DOMRect) => b.top >= r.top - 1 && b.bottom <= r.bottom + 1;
          return {
            inWindow: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
            scrolls: el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY !== 'visible',
            titleShown: inDialog(title),
            closeShown: inDialog(close),
            doneShown: inDialog(done),
          };
        });
      expect(await facts()).toMatchObject({ inWindow: true, scrolls: true, titleShown: true, closeShown: true });
      await dialog.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await poll(facts).toEqual({ inWindow: true, scrolls: true, titleShown: true, closeShown: true, doneShown: true });
      await w.harness.screenshot(`layout-${size.width}x${size.height}-settings-scrolled`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
  });

  it('keeps the top bar on one line in German too', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Deutsch' }).check();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('open-settings').textContent()).toBe('Einstellungen');
    await expectTopBarOnOneLine('German, 1024×768');
    await rows().first().click();
    await page.getByTestId('detail-panel').waitFor();
    await expectTopBarOnOneLine('German, 1024×768, panel open');
    expect((await measureLayout(page)).summary?.amountsCut, 'German totals and balances whole beside the details').toEqual([]);
    await w.harness.screenshot('layout-1024x768-de-open');
    await page.keyboard.press('Escape');
  });

  it('lays out the full cards alike, in German too, with aging colours that reach 3:1 in light and dark', async () => {
    const { page } = w;
    for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      if ((await page.getByTestId('summary').getAttribute('data-compact')) === 'true') await page.getByTestId('summary-toggle').click();
      await poll(async () => (await measureLayout(page)).summary?.agingShown).toBe(true);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const where = `German ${size.width}×${size.height} ${scheme}`;
        await poll(async () => (await measureCards(page))[0]!.background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(26, 29, 33)');
        expectCardsAlike(await measureCards(page), where);
        await rows().first().click();
        await page.getByTestId('detail-panel').waitFor();
        await poll(async () => (await measureCards(page)).length).toBe(4);
        expectCardsAlike(await measureCards(page), `${where}, panel open`);
        await w.harness.screenshot(`layout-cards-de-${size.width}x${size.height}-${scheme}-open`);
        await page.keyboard.press('Escape');
        await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
      }
      if ((await page.getByTestId('summary-toggle').count()) > 0) await page.getByTestId('summary-toggle').click();
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
