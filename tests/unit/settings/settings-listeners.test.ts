import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { MemoryLogger, createTestStore, tempDir } from '../../support/test-ports';

describe('settings listeners', () => {
  it('a listener that throws does not fail a save already written; the other listeners still hear it', () => {
    const temp = tempDir();
    try {
      const logger = new MemoryLogger();
      const settings = new SettingsService(createTestStore(temp.dir), logger);
      const heard: string[] = [];
      settings.onChange(() => {
        throw new Error('listener bug');
      });
      settings.onChange((next) => {
        heard.push(next.theme);
      });

      expect(settings.update({ theme: 'dark' })).toMatchObject({ theme: 'dark' });
      expect(heard).toEqual(['dark']);
      // Written: the app reopened on the same folder reads it back.
      expect(new SettingsService(createTestStore(temp.dir)).get().theme).toBe('dark');
      expect(logger.lines).toEqual([expect.stringContaining('A settings listener failed after a save')]);
    } finally {
      temp.remove();
    }
  });
});
