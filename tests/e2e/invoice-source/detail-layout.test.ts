import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * With the detail panel open at 1,400 px the table fits the window instead of scrolling sideways:
 * narrower columns, the least important tucked away and named under the table, every column one
 * click ("Show all columns") or one Escape away.
 */
let w: WorkspaceFixture;
const grid = () => w.page.getByTestId('invoice-grid');
const headers = () => grid().locator('[role="columnheader"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-column')!));
const scrollsSideways = () => grid().evaluate((el) => el.scrollWidth > el.clientWidth + 1);
const note = () => w.page.getByTestId('tucked-columns');

beforeAll(async () => {
  w = await startWorkspace({ org: { invoices: 300, multiCurrency: true }, connect: true, harness: { viewport: { width: 1400, height: 900 } } });
});
afterAll(async () => w?.close());

describe('the table next to the detail panel', () => {
  it('fits without sideways scrolling, says what it tucked away, and shows every column on request', async () => {
    const all = await headers();
    // Each column's name as its header says it (the sort button's title, "Sort by …; Alt+← / Alt+→ makes it …").
    const titles = await grid().locator('[role="columnheader"] button').evaluateAll((els) => els.map((el) => el.getAttribute('title')!.replace('Sort by ', '').split('; ')[0]!));
    const labels = Object.fromEntries(all.map((id, i) => [id, titles[i]!]));
    expect(all.length).toBe(9);
    expect(await scrollsSideways()).toBe(false);

    await grid().locator('.grid-body [role="row"]').first().click();
    await w.page.getByTestId('detail-panel').waitFor();
    await poll(scrollsSideways).toBe(false);
    const shown = await headers();
    const tucked = all.filter((id) => !shown.includes(id));
    // Only what does not fit is tucked away, in order; the key columns stay.
    expect(shown).toEqual(all.filter((id) => !tucked.includes(id)));
    expect(shown).toEqual(expect.arrayContaining(['number', 'customer', 'dueDate', 'total', 'balance']));
    expect(Number(await note().getAttribute('data-tucked'))).toBe(tucked.length);
    for (const id of tucked) expect(await note().textContent()).toContain(labels[id]);
    // Every row lines up with the header (no cell wider than its column).
    const overflowing = await grid().evaluate((el) => [...el.querySelectorAll('.grid-body [role="gridcell"]')].filter((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1).length);
    expect(overflowing).toBe(0);
    await w.harness.screenshot('invoice-source-detail-fits');

    await note().getByRole('button', { name: 'Show all columns' }).click();
    await poll(headers).toEqual(all);
    expect(await scrollsSideways()).toBe(true);
    await note().getByRole('button', { name: 'Fit the table to the window' }).click();
    await poll(headers).toEqual(shown);

    await w.page.keyboard.press('Escape');
    await poll(() => w.page.getByTestId('detail-panel').count()).toBe(0);
    await poll(headers).toEqual(all);
    expect(await note().count()).toBe(0);
    expect(await scrollsSideways()).toBe(false);
  });
});
