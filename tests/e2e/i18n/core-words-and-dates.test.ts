import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/test-ports';
import { expectAccessible, exportXlsx, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { waitForSynced } from '../workspace/workspace-driver';

/**
 * On a German computer: a message the core builds (a sync stopped by Salesforce's API limit) reaches the window in
 * German, and the date fields show and take dates the German way (TT.MM.JJJJ), switching at once to the French
 * way when the language changes — which a native date input, fixed to the browser's start-up locale, cannot do.
 */
describe('the core’s words and the date fields in the chosen language', () => {
  let w: WorkspaceFixture;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 300 }, harness: { locale: 'de-DE', secretProtection: 'os' } });
  });
  const files = tempDir('budgetly-export-de-');
  afterAll(async () => {
    await w?.close();
    files.remove();
  });

  it('says why a sync stopped in German, with Salesforce’s own words kept, and clears it on retry', async () => {
    w.org.control.injectFault({ kind: 'requestLimit', count: 1, pathPrefix: '/services/data/' });
    await w.page.getByTestId('sync-button').click();
    const banner = w.page.getByTestId('banner-error');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('SALESFORCE_LIMIT');
    const text = (await banner.locator('span').first().textContent()) ?? '';
    expect(text).toContain('Diese Org hat ihre Salesforce-API-Anfragen vorerst aufgebraucht. Versuchen Sie es später erneut. Salesforce meldet: ');
    expect(text).toContain('Die Synchronisierung wurde beendet; Ihre bisherigen Rechnungen bleiben erhalten.');
    expect(text).not.toMatch(/used up|The sync stopped/);
    await w.harness.screenshot('core-error-de');
    await expectAccessible(w.page, 'sync stopped by the API limit, in German');
    await banner.getByRole('button', { name: 'Erneut versuchen' }).click();
    await poll(() => banner.count()).toBe(0);
    await waitForSynced(w.page, w.invoices().length);
  });

  it('shows and takes the aging date the German way, says why a date is refused and keeps the one in force', async () => {
    const asOf = w.page.getByTestId('as-of');
    const today = (await asOf.getAttribute('data-value'))!;
    const [y, m, d] = today.split('-');
    expect(await asOf.inputValue()).toBe(`${d}.${m}.${y}`);
    expect(await asOf.getAttribute('placeholder')).toBe('TT.MM.JJJJ');
    expect(await w.page.getByRole('textbox', { name: 'Altersstruktur zum' }).count()).toBe(1);

    await asOf.fill('30.06.2026');
    await poll(() => asOf.getAttribute('data-value')).toBe('2026-06-30');
    await asOf.press('ArrowDown');
    await poll(() => asOf.inputValue()).toBe('29.06.2026');
    expect(await asOf.getAttribute('data-value')).toBe('2026-06-29');

    await asOf.fill('31.02.2026');
    await asOf.press('Enter');
    const problem = w.page.getByTestId('as-of-problem');
    await poll(() => problem.textContent()).toBe('„31.02.2026“ ist kein gültiges Datum (TT.MM.JJJJ). Es bleibt beim 29.06.2026.');
    expect(await asOf.getAttribute('aria-invalid')).toBe('true');
    expect(await asOf.getAttribute('data-value')).toBe('2026-06-29');
    expect(await asOf.inputValue()).toBe('29.06.2026');
    await w.harness.screenshot('date-field-de-refused');
    await expectAccessible(w.page, 'a refused date in German');

    await asOf.fill('1.7.2026');
    await poll(() => asOf.getAttribute('data-value')).toBe('2026-07-01');
    await poll(() => problem.count()).toBe(0);
    // Half typed, then Escape: the date in force comes back, nothing else changes.
    await asOf.fill('15.0');
    await asOf.press('Escape');
    await poll(() => asOf.inputValue()).toBe('01.07.2026');
    expect(await asOf.getAttribute('data-value')).toBe('2026-07-01');
  });

  it('keeps a date range in order in the filters: a "to" before the "from" is refused with the reason', async () => {
    const range = w.page.getByTestId('filter-invoice-date');
    await range.getByLabel('Von').fill('15.03.2026');
    await range.getByLabel('Bis').fill('01.03.2026');
    await range.getByLabel('Bis').blur();
    await poll(() => range.getByRole('alert').textContent()).toBe('Wählen Sie den 15.03.2026 oder später.');
    expect(await range.getByLabel('Bis').getAttribute('data-value')).toBe('');
    await range.getByLabel('Von').fill('');
    await poll(() => range.getByLabel('Von').getAttribute('data-value')).toBe('');
  });

  it('takes a day typed over the old one in place: the text is not rewritten under the caret half-way', async () => {
    const asOf = w.page.getByTestId('as-of');
    await asOf.fill('31.12.2026');
    await poll(() => asOf.getAttribute('data-value')).toBe('2026-12-31');
    // Select the day "31" and type "15" over it: after the "1", "1.12.2026" is already a date, yet the field
    // must not turn it into "01.12.2026" (moving the caret to the end) while the accountant is still typing.
    await asOf.evaluate((input: HTMLInputElement) => input.setSelectionRange(0, 2));
    await w.page.keyboard.type('15');
    expect(await asOf.inputValue()).toBe('15.12.2026');
    await asOf.press('Enter');
    await poll(() => asOf.getAttribute('data-value')).toBe('2026-12-15');
    expect(await w.page.getByTestId('as-of-problem').count()).toBe(0);
    // A day typed short is written out in full once the field is left.
    await asOf.fill('1.7.2026');
    await asOf.blur();
    await poll(() => asOf.inputValue()).toBe('01.07.2026');
    expect(await asOf.getAttribute('data-value')).toBe('2026-07-01');
  });

  it('exports to Excel in German: sheet, headers and the message that it is done', async () => {
    const path = join(files.dir, 'rechnungen.xlsx');
    const book = await exportXlsx(w, path);
    const status = w.page.getByTestId('export-status');
    await poll(() => status.getAttribute('data-state')).toBe('done');
    expect(await status.textContent()).toMatch(new RegExp(`^[\\d.]+ Rechnungen exportiert nach .*${basename(path)}$`));
    expect(book.worksheets[0]!.name).toBe('Rechnungen');
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(
      expect.arrayContaining(['Rechnungsnr.', 'Kunde', 'Rechnungsdatum', 'Fälligkeit', 'Betrag', 'Saldo', 'Währung', 'Tage überfällig']),
    );
    await w.harness.screenshot('de-exported');
    await expectAccessible(w.page, 'export done in German');
  });

  it('switches the date fields to the French way at once when French is chosen', async () => {
    await w.page.getByTestId('open-settings').click();
    const dialog = w.page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'Français' }).check();
    const settingsAsOf = dialog.getByTestId('settings-as-of');
    await poll(() => settingsAsOf.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    await w.page.keyboard.press('Escape');
    const asOf = w.page.getByTestId('as-of');
    await poll(() => asOf.inputValue()).toBe('01/07/2026');
    expect(await asOf.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    await asOf.fill('14/07/2026');
    await poll(() => asOf.getAttribute('data-value')).toBe('2026-07-14');
    await w.harness.screenshot('date-field-fr');
    await expectAccessible(w.page, 'date fields in French');
    await asOf.fill('');
  });
});
