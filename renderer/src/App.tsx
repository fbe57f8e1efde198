import { useState } from 'react';
import type { Connection } from '../../electron/contract';
import { useAppInfo, useConnections, useSettings } from './api/use-app';
import { ConnectionSwitcher } from './connections/ConnectionSwitcher';
import { LoginStatus } from './connections/LoginStatus';
import { useLogin } from './connections/use-login';
import { LoadFailure } from './shell/LoadFailure';
import { StatusBar } from './shell/StatusBar';
import { PrefetchStatus } from './settings/PrefetchStatus';
import { RecordStatus } from './receivables/RecordStatus';
import { Loading, StartFailed } from './shell/StartupScreens';
import { LocaleProvider } from './i18n/LocaleProvider';
import { LanguageFailedNotice } from './i18n/language-failure';
import { languageShownLast } from './i18n/shown-language';
import { UpdateReadyNotice } from './updates/UpdateReadyNotice';
import { useTheme } from './shell/use-theme';
import { Workspace } from './workspace/Workspace';
import { AllConnections } from './all-connections/AllConnections';
import { InvoiceSourceOffer } from './invoice-source/InvoiceSourceOffer';
import { useNetworkReporting } from './freshness/use-freshness';
import { useProvisionedOffer } from './provisioning/use-provisioned-offer';
import { ACTIVE_KEY, ALL_CONNECTIONS } from './api/early-first-window';
import { LazyPart } from './shell/LazyPart';
import {
  ConnectionDetailsDialog,
  ConnectScreen,
  EditConnectionDialog,
  InvoiceSourceDialog,
  ProvisionedConnectionDialog,
  SettingsDialog,
  useOpenedOnce,
} from './shell/lazy-parts';

/** The remembered view (ACTIVE_KEY; ALL for "All connections"), kept where the page's early first ask reads it too. */
const ALL = ALL_CONNECTIONS;

function rememberedConnection(): string | null {
  try {
    return localStorage.getItem(ACTIVE_KEY);
  } catch {
    return null;
  }
}

/** Loads what the app needs, then shows first run / add connection, or the workspace of the chosen org. */
export function App() {
  const { info, error } = useAppInfo();
  const { settings, error: settingsError, reload: reloadSettings, update, saveError: settingsSaveError } = useSettings();
  const { connections, error: connectionsError, reload: reloadConnections } = useConnections();
  const [activeId, setActiveId] = useState<string | null>(rememberedConnection);
  const [adding, setAdding] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sourceOpen, setSourceOpen] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const reconnect = useLogin();
  const provisioned = useProvisionedOffer();
  const settingsMounted = useOpenedOnce(settingsOpen);
  const sourceMounted = useOpenedOnce(sourceOpen);
  useNetworkReporting();
  useTheme(settings?.theme);
  // Settings → Language over the computer's locale (the window's own until app.info answers); until the settings
  // answer, the language the window showed last (not the computer's: no German flash for English chosen in Germany).
  const [shownLast] = useState(languageShownLast);
  const language = settings?.language ?? shownLast;
  const systemLocale = info?.systemLocale ?? navigator.language;

  const select = (id: string) => {
    setActiveId(id);
    try {
      localStorage.setItem(ACTIVE_KEY, id);
    } catch {
      // storage unavailable: the choice lasts for this session
    }
  };
  const signInAgain = (connection: Connection) => {
    select(connection.id);
    void reconnect.connect(connection.id);
  };
  const updateSettings = (patch: Parameters<typeof update>[0]) => void update(patch);

  // A connection that never signed in belongs to the connect screen (its sign-in may be running there).
  const usable = connections?.filter((c) => c.status !== 'disconnected' || c.username || c.lastSyncAt) ?? [];
  const active = usable.find((c) => c.id === activeId) ?? usable[0] ?? null;
  const allShown = activeId === ALL && usable.length >= 2;
  const editing = connections?.find((c) => c.id === editingId) ?? null;
  const detailed = connections?.find((c) => c.id === detailsId) ?? null;
  let body;
  if (error) {
    body = <StartFailed reason={error.message} />;
  } else if (!settings && settingsError) {
    body = <LoadFailure failed="settings" error={settingsError} onRetry={reloadSettings} />;
  } else if (!connections && connectionsError) {
    body = <LoadFailure failed="connections" error={connectionsError} onRetry={reloadConnections} />;
  } else if (!connections || !settings) {
    body = <Loading />;
  } else if (!active || adding) {
    body = (
      <LazyPart>
        <ConnectScreen
          info={info}
          connections={connections}
          defaultSignInMethod={settings.signInMethod}
          onConnected={(connection) => {
            select(connection.id);
            setAdding(false);
          }}
          onCancel={adding ? () => setAdding(false) : undefined}
        />
      </LazyPart>
    );
  } else {
    const retryable = 'connectionId' in reconnect.state ? connections.find((c) => c.id === (reconnect.state as { connectionId: string }).connectionId) : undefined;
    const switcher = (
      <ConnectionSwitcher
        connections={connections}
        active={active}
        onSelect={select}
        onReconnect={signInAgain}
        onAdd={() => setAdding(true)}
        onEdit={allShown ? undefined : (connection) => setEditingId(connection.id)}
        onDetails={allShown ? undefined : (connection) => setDetailsId(connection.id)}
        onInvoiceSource={allShown ? undefined : () => setSourceOpen(true)}
        onSelectAll={usable.length >= 2 ? () => select(ALL) : undefined}
        allActive={allShown}
      />
    );
    const loginStatus = (
      <LoginStatus
        state={reconnect.state}
        signInMethod={retryable?.signInMethod ?? settings.signInMethod}
        onCancel={reconnect.cancel}
        onRetry={() => (retryable ? signInAgain(retryable) : reconnect.reset())}
      />
    );
    body = allShown ? (
      <AllConnections
        connections={usable}
        settings={settings}
        switcher={switcher}
        notices={loginStatus}
        onUpdateSettings={updateSettings}
        onReconnect={(connection) => void reconnect.connect(connection.id)}
        onOpenSettings={() => setSettingsOpen(true)}
      />
    ) : (
      <Workspace
        key={active.id}
        connection={active}
        info={info}
        settings={settings}
        onUpdateSettings={updateSettings}
        onReconnect={() => signInAgain(active)}
        onOpenSettings={() => setSettingsOpen(true)}
        switcher={switcher}
        overlay={(sync) =>
          sourceMounted && (
            <LazyPart>
              <InvoiceSourceDialog open={sourceOpen} connection={active} onClose={() => setSourceOpen(false)} onSync={sync.start} syncing={sync.running} />
            </LazyPart>
          )
        }
        notices={
          <>
            <InvoiceSourceOffer key={active.id} connection={active} onOpen={() => setSourceOpen(true)} />
            {loginStatus}
          </>
        }
      />
    );
  }

  return (
    <LocaleProvider setting={language} systemLocale={systemLocale}>
      <div className="app">
        {body}
        <StatusBar info={info} allowWeakStorage={settings?.allowWeakStorage ?? false}>
          <PrefetchStatus enabled={settings?.keepPdfsOffline ?? false} />
          <RecordStatus />
          <UpdateReadyNotice />
          <LanguageFailedNotice />
        </StatusBar>
        {provisioned.offer && (
          <LazyPart>
            <ProvisionedConnectionDialog
              key={provisioned.offer.id}
              offer={provisioned.offer}
              onClose={provisioned.close}
              onConnected={(connection) => {
                provisioned.close();
                select(connection.id);
                setAdding(false);
              }}
            />
          </LazyPart>
        )}
        {editing && (
          <LazyPart>
            <EditConnectionDialog key={editing.id} connection={editing} onClose={() => setEditingId(null)} />
          </LazyPart>
        )}
        {detailed && (
          <LazyPart>
            <ConnectionDetailsDialog key={detailed.id} connection={detailed} onClose={() => setDetailsId(null)} />
          </LazyPart>
        )}
        {settings && settingsMounted && (
          <LazyPart>
            <SettingsDialog
              open={settingsOpen}
              settings={settings}
              secretProtection={info?.secretProtection ?? null}
              onChange={updateSettings}
              saveError={settingsSaveError}
              onClose={() => setSettingsOpen(false)}
              onOpenInvoiceSource={
                active && !adding && !allShown
                  ? () => {
                      setSettingsOpen(false);
                      setSourceOpen(true);
                    }
                  : undefined
              }
            />
          </LazyPart>
        )}
      </div>
    </LocaleProvider>
  );
}
