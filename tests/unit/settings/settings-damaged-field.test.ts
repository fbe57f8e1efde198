import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { createTestStore, tempDir } from '../../support/test-ports';

/**
 * One setting that cannot be read (a hand-edited or hostile settings file, or one written by a newer app with a
 * column this one does not know) costs that setting only: the language, the weak-storage consent (without which the
 * offline copies on a machine without a keyring are deleted at the next read) and every other setting stay.
 */
describe('Settings with one damaged field', () => {
  const hostileWidths: unknown[] = [
    { number: 1e308 },
    { number: -4 },
    { number: 'wide' },
    { aColumnOfANewerApp: 12 },
    Object.fromEntries(Array.from({ length: 10_000 }, (_, k) => [`c${k}`, 10])),
    'not an object',
  ];

  for (const columnWidths of hostileWidths) {
    it(`keeps every other setting when columnWidths is ${JSON.stringify(columnWidths).slice(0, 40)}`, () => {
      const temp = tempDir();
      try {
        const store = createTestStore(temp.dir);
        store.set('settings', { language: 'de', allowWeakStorage: true, theme: 'dark', columnWidths });
        const settings = new SettingsService(store);
        expect(settings.get()).toMatchObject({ language: 'de', allowWeakStorage: true, theme: 'dark' });
        expect(settings.get().columnWidths).toBeUndefined();
        // The next change saves the others as they were, and drops the damaged field.
        settings.update({ syncInterval: 60 });
        expect(store.get('settings')).toMatchObject({ language: 'de', allowWeakStorage: true, theme: 'dark', syncInterval: 60 });
        expect((store.get('settings') as { columnWidths?: unknown }).columnWidths).toBeUndefined();
      } finally {
        temp.remove();
      }
    });
  }

  it('still keeps good widths beside them', () => {
    const temp = tempDir();
    try {
      const store = createTestStore(temp.dir);
      store.set('settings', { language: 'fr', columnWidths: { number: 12, customer: 20.5 } });
      expect(new SettingsService(store).get()).toMatchObject({ language: 'fr', columnWidths: { number: 12, customer: 20.5 } });
    } finally {
      temp.remove();
    }
  });

  it('a settings entry that is not an object at all still gives the defaults', () => {
    const temp = tempDir();
    try {
      const store = createTestStore(temp.dir);
      store.set('settings', ['garbage']);
      expect(new SettingsService(store).get()).toMatchObject({ language: 'system', allowWeakStorage: false });
    } finally {
      temp.remove();
    }
  });
});
