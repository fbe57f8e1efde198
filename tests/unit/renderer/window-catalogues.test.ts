import { describe, expect, it } from 'vitest';
import { resources } from '../../../electron/contract/i18n/catalogue';
import { createI18nWith } from '../../../electron/contract/i18n/i18n-instance';
import { cataloguesFor, loadCatalogue } from '../../../renderer/src/i18n/catalogues';

describe("the window's catalogues (#19: only English is in the start-up bundle)", () => {
  it('has English at once, and another language only once it is loaded: then the same words as the core', async () => {
    expect(cataloguesFor('en')).toEqual({ en: resources.en });
    expect(cataloguesFor('fr')).toBeNull();
    const loading = loadCatalogue('fr');
    expect(loadCatalogue('fr')).toBe(loading);
    await loading;
    expect(cataloguesFor('fr')).toEqual({ en: resources.en, fr: resources.fr });
    const t = createI18nWith('fr', cataloguesFor('fr')!).getFixedT('fr', 'workspace');
    expect(t('searchLabel')).toBe(resources.fr.workspace.searchLabel);
    expect(t('searchLabel')).not.toBe(resources.en.workspace.searchLabel);
  });
});
