import { useTranslation } from 'react-i18next';
import { memo, useCallback, useState, type ComponentProps, type ReactNode } from 'react';
import type { Connection } from '../../../electron/contract';
import type { SyncState } from '../api/use-invoices';
import { FreshnessMessage } from '../freshness/FreshnessMessage';
import { ChangeLogDialog } from '../freshness/ChangeLogDialog';
import type { RecentChanges } from '../freshness/use-recent-changes';
import { ExportMenu } from './ExportMenu';
import { SyncControls } from './SyncControls';

interface Props {
  connection: Connection;
  /** The connection switcher (App owns the connections). */
  switcher: ReactNode;
  /** The saved views' menu (renderer/src/views/). */
  views: ReactNode;
  sync: SyncState;
  canSync: boolean;
  lastSyncedAt: string | null;
  lastChange: RecentChanges['last'];
  currentView: ComponentProps<typeof ExportMenu>['currentView'];
  exportDisabled: boolean;
  /** The aging-by-customer report is on screen: Export writes it (XLSX). */
  exportReport?: boolean;
  onOpenSettings: () => void;
}

/**
 * The workspace's top bar: which org, how fresh its invoices are, sync, export and the way to Settings. Memoized (the
 * workspace gives it stable props): a keystroke in the search box does not render it.
 */
export const WorkspaceTopBar = memo(function WorkspaceTopBar({ connection, switcher, views, sync, canSync, lastSyncedAt, lastChange, currentView, exportDisabled, exportReport, onOpenSettings }: Props) {
  const { t } = useTranslation(['workspace', 'settings']);
  // The change log lives here, not in the freshness line (which gives way to the progress while a sync runs).
  const [changeLogOpen, setChangeLogOpen] = useState(false);
  // One function for the top bar's life: the freshness line is memoized and need not render with the workspace.
  const openChanges = useCallback(() => setChangeLogOpen(true), []);
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        Budgetly
      </span>
      {switcher}
      {views}
      <div className="spacer" />
      <SyncControls sync={sync} freshness={<FreshnessMessage connection={connection} lastSyncedAt={lastSyncedAt} last={lastChange} onOpenChanges={openChanges} />} disabled={!canSync} />
      <ExportMenu connectionId={connection.id} currentView={currentView} disabled={exportDisabled} report={exportReport} />
      <button type="button" onClick={onOpenSettings} data-testid="open-settings">
        {t('settings:title')}
      </button>
      {changeLogOpen && <ChangeLogDialog connectionId={connection.id} onClose={() => setChangeLogOpen(false)} />}
    </header>
  );
});
