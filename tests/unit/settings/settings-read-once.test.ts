import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { createCoreWords } from '../../../electron/core/i18n/core-words';
import type { KeyValueStore } from '../../../electron/core/ports';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { createTestStore, tempDir } from '../../support/test-ports';

/**
 * The settings file is read and parsed once (review20, reviewK: it was read at every `get()`, and every word the core
 * says resolves the language through it). Counted through the store port the service reads, over a real file.
 */
describe('Settings read once', () => {
  /** The real store of a temp folder, counting the reads of the settings. */
  const counting = (dir: string) => {
    const real = createTestStore(dir);
    const store = { reads: 0, get: (key: string) => (key === 'settings' && store.reads++, real.get(key)), set: real.set, delete: real.delete } as KeyValueStore & { reads: number };
    return { real, store };
  };

  it('answers every get() and every word the core says from one read of the file, and a save without reading it again', () => {
    const temp = tempDir();
    try {
      const { real, store } = counting(temp.dir);
      real.set('settings', { language: 'de', theme: 'dark' });
      const settings = new SettingsService(store);
      const words = createCoreWords(settings, 'en-US');
      for (let i = 0; i < 50; i++) {
        expect(settings.get()).toMatchObject({ language: 'de', theme: 'dark' });
        expect(words.t('settings:weakQuestionCancel')).not.toBe('settings:weakQuestionCancel');
        expect(words.language()).toBe('de');
        expect(words.locale()).toMatch(/^de/);
      }
      expect(store.reads).toBe(1);
      settings.update({ theme: 'light', language: 'fr' });
      expect(settings.get()).toMatchObject({ language: 'fr', theme: 'light' });
      expect(words.language()).toBe('fr');
      expect(store.reads).toBe(1);
      // Saved: the app started again reads what was saved.
      expect(new SettingsService(real).get()).toMatchObject({ language: 'fr', theme: 'light' });
    } finally {
      temp.remove();
    }
  });

  it('a save the disk refuses changes nothing: the same settings answered, the file as it was', () => {
    const temp = tempDir();
    try {
      const { real } = counting(temp.dir);
      real.set('settings', { theme: 'dark' });
      const refusing: KeyValueStore = { get: real.get, set: () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); }, delete: real.delete };
      const settings = new SettingsService(refusing);
      expect(() => settings.update({ theme: 'light' })).toThrow(AppError);
      expect(settings.get().theme).toBe('dark');
      expect(real.get('settings')).toEqual({ theme: 'dark' });
    } finally {
      temp.remove();
    }
  });

  it('a file edited by hand while the app runs is not read again; the next save writes the app’s settings over it', () => {
    const temp = tempDir();
    try {
      const { real, store } = counting(temp.dir);
      real.set('settings', { theme: 'dark', syncInterval: 60 });
      const settings = new SettingsService(store);
      expect(settings.get()).toMatchObject({ theme: 'dark', syncInterval: 60 });
      real.set('settings', { theme: 'light', syncInterval: 5, language: 'ja' });
      expect(settings.get()).toMatchObject({ theme: 'dark', syncInterval: 60, language: 'system' });
      settings.update({ firmName: 'Acme' });
      expect(real.get('settings')).toMatchObject({ theme: 'dark', syncInterval: 60, language: 'system', firmName: 'Acme' });
      expect(store.reads).toBe(1);
    } finally {
      temp.remove();
    }
  });
});
