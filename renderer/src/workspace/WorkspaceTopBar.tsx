import { useTranslation } from 'react-i18next';
import type { ComponentProps, ReactNode } from 'react';
import type { SyncState } from '../api/use-invoices';
import { UpdatedIndicator } from '../freshness/UpdatedIndicator';
import type { RecentChanges } from '../freshness/use-recent-changes';
import { ExportMenu } from './ExportMenu';
import { SyncControls } from './SyncControls';

interface Props {
  connectionId: string;
  /** The connection switcher (App owns the connections). */
  switcher: ReactNode;
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

/** The workspace's top bar: which org, what changed last, sync, export and the way to Settings. */
export function WorkspaceTopBar({ connectionId, switcher, sync, canSync, lastSyncedAt, lastChange, currentView, exportDisabled, exportReport, onOpenSettings }: Props) {
  const { t } = useTranslation(['workspace', 'settings']);
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        Budgetly
      </span>
      {switcher}
      <div className="spacer" />
      <UpdatedIndicator last={lastChange} />
      <SyncControls sync={sync} lastSyncedAt={lastSyncedAt} disabled={!canSync} />
      <ExportMenu connectionId={connectionId} currentView={currentView} disabled={exportDisabled} report={exportReport} />
      <button type="button" onClick={onOpenSettings} data-testid="open-settings">
        {t('settings:title')}
      </button>
    </header>
  );
}
