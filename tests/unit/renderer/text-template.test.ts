import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { languages } from '../../../electron/contract/i18n/languages';
import { textTemplate } from '../../../renderer/src/i18n/text-template';

// Values a bar's words are made of, and awkward ones: i18next's own markers, replacement patterns, other scripts, nothing.
const awkward = [
  { currency: 'USD', what: 'Not yet due', amount: '$1,234.50', invoices: '1 invoice' },
  { currency: 'EUR', what: '31–60 Tage überfällig', amount: '(1.234,50 €)', invoices: '12.345 Rechnungen' },
  { currency: 'JPY', what: '{{what}}', amount: '$&$1$$', invoices: '$t(workspace:agingCurrent)' },
  { currency: '', what: '', amount: '', invoices: '' },
  { currency: 'X\u00a0Y', what: 'a\nb', amount: '¥1,235', invoices: '日本語 🎌' },
];

describe('textTemplate (#19: a bar\'s title and spoken words without an i18next call per bar)', () => {
  for (const language of languages) {
    it(`words every value exactly as i18next does (${language})`, () => {
      const t = createI18n(language).getFixedT(language, 'workspace');
      let worded = 0;
      const title = textTemplate((slots) => (worded++, t('agingTitle', slots)), ['what', 'amount', 'invoices']);
      const spoken = textTemplate((slots) => (worded++, t('agingSpoken', slots)), ['currency', 'what', 'amount', 'invoices']);
      for (const values of awkward) {
        expect(title(values)).toBe(t('agingTitle', values));
        expect(spoken(values)).toBe(t('agingSpoken', values));
      }
      // Worded by i18next once each, when made: the catalogue's texts hold exactly these slots.
      expect(worded).toBe(2);
    });
  }

  it('is the wording itself when the text is not made of the slots asked for', () => {
    const dropsOne = (slots: Record<'a' | 'b', string>) => `only ${slots.a}`;
    const template = textTemplate(dropsOne, ['a', 'b']);
    expect(template({ a: '1', b: '2' })).toBe('only 1');
    const strange = (slots: Record<'a', string>) => `${slots.a}\u0000stray`;
    expect(textTemplate(strange, ['a'])).toBe(strange);
    const other = (slots: Record<'a', string>) => `${slots.a.replace('a', 'b')}`;
    expect(textTemplate(other, ['a'])).toBe(other);
  });
});
