import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agingValues } from '../i18n/text-fit';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';

/**
 * The aging bars' amounts and labels at the widths the window takes (from its minimum, 900 px, up), with and without the
 * detail panel, with amounts of a real ledger (5,000 invoices: "€460.5K", "¥122.8M" — the other language tests have a few
 * hundred invoices and shorter amounts): each stays inside its bar, none runs into the next. In English the cards at their
 * narrowest (16rem, four currencies at 1,400 px) had "€235.2K€243.9K" run together and "Current" past its bar (review23,
 * review24); German, French and Spanish write their amounts with spaces and were checked at 1,400 and 1,024 px only.
 */
const WIDTHS = [1600, 1400, 1280, 1024, 960];
const LANGUAGES = [
  ['English', 'Current'],
  ['Deutsch', 'Nicht fällig'],
  ['Français', 'Non échu'],
  ['Español', 'No vencido'],
] as const;

describe('aging bars on the currency cards', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 5000, multiCurrency: true }, harness: { viewport: { width: 1400, height: 1000 } } });
  });
  afterAll(async () => w?.close());

  async function expectBarsFit(where: string): Promise<void> {
    for (const width of WIDTHS) {
      await w.page.setViewportSize({ width, height: 1000 });
      await poll(async () => (await w.page.getByTestId('currency-card').first().boundingBox())?.width ?? 0).toBeGreaterThan(0);
      const cards = await agingValues(w.page);
      expect(cards).toHaveLength(4);
      for (const card of cards) {
        const said = `${where} at ${width} px: ${card.texts.join(' | ')} / ${card.labels.join(' | ')}`;
        expect(card.texts).toHaveLength(5);
        expect(card.clipped, said).toBe(0);
        expect(card.collisions, said).toBe(0);
      }
    }
  }

  it('keeps every amount and label inside its bar in each language, beside the detail panel too', async () => {
    const { page } = w;
    expect(await page.getByTestId('summary').getAttribute('data-compact')).toBe('false');
    for (const [language, current] of LANGUAGES) {
      if (language !== 'English') {
        await page.getByTestId('open-settings').click();
        const dialog = page.getByTestId('settings-dialog');
        await dialog.getByTestId('settings-language').getByRole('radio', { name: language }).check();
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
      await poll(async () => (await agingValues(page))[0]?.labels[0]).toBe(current);
      // The amounts' text is as before: the break after the symbol is a place to break, no character.
      if (language === 'English') for (const card of await agingValues(page)) for (const text of card.texts) expect(text).toMatch(/^-?\D*[\d.]+[KMB]?$/);
      await expectBarsFit(language);
      await page.getByTestId('invoice-grid').locator('.grid-body [role="row"]').first().click();
      await page.getByTestId('detail-panel').waitFor();
      await expectBarsFit(`${language}, details open`);
      await page.keyboard.press('Escape');
      await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
    }
    await w.harness.screenshot('aging-bars-fit-es');
  });
});
