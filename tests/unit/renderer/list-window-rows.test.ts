import { describe, expect, it } from 'vitest';
import { encodeInvoiceColumns, STRING_ABSENT } from '../../../electron/contract/invoice-columns';
import type { CatalogueT } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { languages, type Language } from '../../../electron/contract/i18n/languages';
import { listWindowRows, UnreadableListWindow } from '../../../renderer/src/api/list-window-rows';
import { BridgeError, errorOf } from '../../../renderer/src/api/result';
import { row } from './invoice-fixtures';

/**
 * A list window whose columns do not fit together (reviewA low on 5da6f86): the window shows a catalogue message in the user's
 * language, never the decoder's English developer text ("The invoice list window is malformed: row 1 has no id."); that detail
 * goes to the log.
 */
const wordsOf = (language: Language) => createI18n(language).getFixedT(language) as unknown as CatalogueT;

describe('a malformed list window', () => {
  const rows = [row({ customer: 'Acme' }), row({ customer: 'Zeta GmbH', currency: 'EUR' })];

  it('well-formed columns: the rows, nothing logged', () => {
    const logged: unknown[][] = [];
    expect(listWindowRows(encodeInvoiceColumns(rows), (...details) => logged.push(details))).toStrictEqual(rows);
    expect(logged).toEqual([]);
  });

  it('malformed columns: no row, an error the list shows in the user’s words (every language), the detail in the log only', () => {
    const columns = encodeInvoiceColumns(rows);
    columns.text.id[1] = STRING_ABSENT;
    const logged: unknown[][] = [];
    let thrown: unknown;
    try {
      listWindowRows(columns, (...details) => logged.push(details));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnreadableListWindow);
    // The list's loader keeps it as it is (errorOf) and shows it with Try again.
    expect(errorOf(thrown)).toBe(thrown);
    expect(thrown).toBeInstanceOf(BridgeError);
    expect((thrown as BridgeError).message).not.toMatch(/malformed|row 1/);
    expect(logged).toHaveLength(1);
    expect(String(logged[0]!.join(' '))).toContain('The invoice list window is malformed: row 1 has no id.');
    const said = languages.map((language) => wordsOf(language)(`workspace:${(thrown as UnreadableListWindow).words}`));
    for (const text of said) {
      expect(text).not.toMatch(/listWindowUnreadable/);
      expect(text).not.toMatch(/malformed|row 1|listWindow/);
    }
    // Each language its own words, not English's.
    expect(new Set(said).size).toBe(languages.length);
    const german = wordsOf('de');
    expect(german('workspace:listErrorRest', { reason: german(`workspace:${(thrown as UnreadableListWindow).words}`) })).toBe(
      'Budgetly konnte die übrigen Rechnungen nicht laden: Was ankam, konnte nicht gelesen werden. Versuchen Sie es erneut; passiert es wieder, starten Sie Budgetly neu (die Einzelheiten stehen in seinem Protokoll).',
    );
  });
});
