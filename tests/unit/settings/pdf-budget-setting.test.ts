import { describe, expect, it } from 'vitest';
import { channels } from '../../../electron/contract';
import { PDF_BUDGET_MAX_MB, pdfBudgetValid } from '../../../electron/contract/document-budget';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { createTestStore, tempDir } from '../../support/test-ports';

describe('Settings → disk space for kept PDFs', () => {
  it('defaults to 500 MB, also for settings saved before it existed', () => {
    const temp = tempDir();
    try {
      const store = createTestStore(temp.dir);
      store.set('settings', { theme: 'dark' });
      expect(new SettingsService(store).get()).toMatchObject({ theme: 'dark', pdfBudgetMb: 500 });
    } finally {
      temp.remove();
    }
  });

  it('settings.set accepts whole MB from 0 to the maximum and refuses anything else before it reaches the core', () => {
    const input = channels['settings.set'].input;
    for (const ok of [0, 1, 500, PDF_BUDGET_MAX_MB]) {
      expect(input.safeParse({ pdfBudgetMb: ok }).success, String(ok)).toBe(true);
      expect(pdfBudgetValid(ok)).toBe(true);
    }
    for (const bad of [-1, 1.5, PDF_BUDGET_MAX_MB + 1, Number.NaN, '500']) {
      expect(input.safeParse({ pdfBudgetMb: bad }).success, String(bad)).toBe(false);
      if (typeof bad === 'number') expect(pdfBudgetValid(bad)).toBe(false);
    }
  });
});
