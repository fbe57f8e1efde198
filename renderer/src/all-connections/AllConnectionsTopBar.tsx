import { memo, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../workspace/ExportMenu';

interface Props {
  switcher: ReactNode;
  /** The saved views' menu (renderer/src/views/), as in one org's top bar. */
  views: ReactNode;
  syncing: boolean;
  canSync: boolean;
  onSyncAll: () => void;
  exportMenu: ComponentProps<typeof ExportMenu> | null;
  onOpenSettings: () => void;
}

/**
 * The combined view's top bar: the switcher, Sync all (each org syncs on its own), export and Settings. Memoized (its
 * handlers and export menu are stable): a keystroke in the search box does not render it again.
 */
export const AllConnectionsTopBar = memo(function AllConnectionsTopBar({ switcher, views, syncing, canSync, onSyncAll, exportMenu, onOpenSettings }: Props) {
  const { t } = useTranslation(['allConnections', 'settings']);
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        Budgetly
      </span>
      {switcher}
      {views}
      <div className="spacer" />
      <button type="button" className="primary" onClick={onSyncAll} disabled={!canSync || syncing} aria-busy={syncing || undefined} data-testid="sync-all">
        {t('syncAll')}
      </button>
      {exportMenu && <ExportMenu {...exportMenu} />}
      <button type="button" onClick={onOpenSettings} data-testid="open-settings">
        {t('settings:title')}
      </button>
    </header>
  );
});
