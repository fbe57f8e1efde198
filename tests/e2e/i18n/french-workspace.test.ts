import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/test-ports';
import { expectAccessible, exportXlsx, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { connectDemo, waitForSynced } from '../workspace/workspace-driver';
import { agingValues, clippedHeaders, clippedIn, placeholdersCutOff } from './text-fit';

/**
 * On a French computer, each state of the workspace an accountant goes through — connect, filters, totals and aging,
 * the invoice's details, the export — in French, with a screenshot, axe clean, and no label cut off (French runs
 * longer than English: "Jours de retard", "Balance âgée au").
 */
describe('the workspace in French', () => {
  let w: WorkspaceFixture;
  const files = tempDir('budgetly-export-fr-');

  beforeAll(async () => {
    w = await startWorkspace({ connect: false, org: { invoices: 400 }, harness: { locale: 'fr-FR', secretProtection: 'os' } });
  });
  afterAll(async () => {
    await w?.close();
    files.remove();
  });

  it('welcomes and connects in French', async () => {
    await w.page.getByTestId('connect-demo').waitFor();
    await poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Bienvenue dans Budgetly');
    expect(await w.page.getByTestId('connect-demo').textContent()).toMatch(/^Se connecter à /);
    expect(await clippedIn(w.page, 'main')).toEqual([]);
    await w.harness.screenshot('fr-connect');
    await expectAccessible(w.page, 'connect screen in French');
    await connectDemo(w.page, w.agent());
    await waitForSynced(w.page, w.invoices().length);
  });

  it('shows totals and the aging in French, five buckets that fit, headers not cut off', async () => {
    for (const width of [1400, 1024]) {
      await w.page.setViewportSize({ width, height: 900 });
      const cards = await agingValues(w.page);
      expect(cards.length).toBeGreaterThan(1);
      for (const card of cards) {
        expect(card.labels).toEqual(['Non échu', '1–30', '31–60', '61–90', '90+']);
        expect(card.clipped, card.texts.join(' | ')).toBe(0);
        expect(card.collisions, card.texts.join(' | ')).toBe(0);
      }
      expect(await clippedHeaders(w.page)).toEqual([]);
      expect(await placeholdersCutOff(w.page)).toEqual([]);
    }
    await w.page.setViewportSize({ width: 1400, height: 900 });
    await poll(async () => (await w.page.getByRole('columnheader').allTextContents()).map((text) => text.replace(/[▲▼]/, ''))).toEqual(
      expect.arrayContaining(['N° de facture', 'Client', 'Date de facture', 'Échéance', 'Solde', 'Jours de retard']),
    );
    await w.harness.screenshot('fr-totals-aging');
    await expectAccessible(w.page, 'totals and aging in French');
  });

  it('filters in French: overdue only and an invoice-date range typed the French way', async () => {
    const filters = w.page.getByRole('complementary', { name: 'Filtres' });
    await filters.getByLabel('En retard uniquement').check();
    const range = w.page.getByTestId('filter-invoice-date');
    await range.getByLabel('Du').fill('01/01/2026');
    await poll(() => range.getByLabel('Du').getAttribute('data-value')).toBe('2026-01-01');
    const chips = w.page.getByTestId('filter-chips');
    await poll(() => chips.locator('.chip').count()).toBe(2);
    expect(await clippedIn(w.page, '[data-testid="filter-chips"]')).toEqual([]);
    expect(await clippedIn(w.page, 'aside.filters')).toEqual([]);
    await poll(() => w.page.getByTestId('row-count').textContent()).toMatch(/^\d[\d  ]* sur 400 factures$/);
    await w.harness.screenshot('fr-filters');
    await expectAccessible(w.page, 'filters in French');
    await range.getByLabel('Du').fill('');
    await filters.getByLabel('En retard uniquement').uncheck();
    await poll(() => chips.locator('.chip').count()).toBe(0);
  });

  it('opens an invoice’s details in French, nothing cut off', async () => {
    const number = await w.page.locator('.grid-body [aria-rowindex="2"] [data-column="number"]').textContent();
    await w.page.locator('.grid-body [aria-rowindex="2"]').click();
    const panel = w.page.getByTestId('detail-panel');
    await panel.getByTestId('detail-lines').waitFor();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(`Facture ${number}`);
    expect(await panel.getByTestId('detail-lines').getByRole('columnheader').allTextContents()).toEqual(['Article', 'Qté', 'Prix unitaire', 'Montant']);
    expect(await clippedIn(w.page, '[data-testid="detail-panel"]')).toEqual([]);
    expect(await clippedHeaders(w.page)).toEqual([]);
    await w.harness.screenshot('fr-detail-panel');
    await expectAccessible(w.page, 'detail panel in French');
    await w.page.keyboard.press('Escape');
    await poll(() => panel.count()).toBe(0);
  });

  it('exports to Excel with French headers and says so in French', async () => {
    const path = join(files.dir, 'factures.xlsx');
    const book = await exportXlsx(w, path);
    const status = w.page.getByTestId('export-status');
    await poll(() => status.getAttribute('data-state')).toBe('done');
    expect(await status.textContent()).toMatch(new RegExp(`^400 factures exportées vers .*${basename(path)}$`));
    expect(book.worksheets[0]!.name).toBe('Factures');
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(
      expect.arrayContaining(['N° de facture', 'Client', 'Date de facture', 'Échéance', 'Statut', 'Montant TTC', 'Solde', 'Devise', 'Jours de retard']),
    );
    await w.harness.screenshot('fr-exported');
    await expectAccessible(w.page, 'export done in French');
  });
});
