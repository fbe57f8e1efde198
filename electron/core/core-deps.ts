import type { UpdaterPort } from './updates/updater-port';
import type { BuiltInClientIds, SignInMethod } from '../contract';
import type { Clock, Confirm, EventSink, FolderDialog, KeyValueStore, LaunchRequests, LoginAgent, Logger, OpenDialog, PdfPrinter, PowerEvents, SaveDialog, SecretBox, Shell } from './ports';

/** What the app says about itself in `app.info`. */
export interface AppIdentity {
  version: string;
  platform: string;
  /** The computer's locale, e.g. 'de-DE' (Electron's `app.getLocale()`, read after `ready`); words and formats follow it unless Settings say otherwise. */
  locale: string;
  /** The local org offered as a one-click demo connection, when `npm start` runs it. */
  demo: { label: string; loginUrl: string; clientId: string } | null;
  /** Client ids baked into this build (`BUDGETLY_CLIENT_ID`…); none in a community build. */
  builtInClientIds?: BuiltInClientIds;
}

/**
 * Everything the core needs from the outside world; the Electron shell and the tests each provide one.
 * Each core module takes only the part it uses (`Pick<CoreDeps, …>`).
 */
export interface CoreDeps {
  identity: AppIdentity;
  /** URL the renderer is served from; only frames on its origin may call the core. */
  rendererUrl: string;
  /** Folder for the app's own files (invoice cache). */
  dataDir: string;
  secretBox: SecretBox;
  store: KeyValueStore;
  loginAgents: Record<SignInMethod, LoginAgent>;
  clock: Clock;
  events: EventSink;
  shell: Shell;
  saveDialog: SaveDialog;
  /** Where many statements go (one PDF per customer). */
  folderDialog: FolderDialog;
  /** HTML → PDF (customer statements). */
  pdfPrinter: PdfPrinter;
  /** Which file to open (Import views). */
  openDialog: OpenDialog;
  /** Questions the main process asks itself (weaker storage); never answered by the renderer. */
  confirm: Confirm;
  logger: Logger;
  /** Origins accepted as login hosts besides Salesforce's own domains (e.g. the local org). */
  extraLoginOrigins: string[];
  /** Wake-ups from sleep (a sync of what fell due meanwhile); absent in cores without a power monitor (tests, benchmarks). */
  power?: PowerEvents;
  /** Links and `.budgetly` files handed to the app (absent in cores that take none). */
  launchRequests?: LaunchRequests;
  /**
   * Where the machine-wide policy file is looked for (`machinePolicyPath` in the app; a temp file in tests).
   * Absent: no policy.
   */
  policyFile?: string;
  /** The app's own updates (electron-updater in the app, the same adapter over a local server in tests); none in other test cores. */
  updater?: UpdaterPort;
  /**
   * The background phase after each sync that keeps every invoice's whole record offline (issue #13): on unless
   * false. Test cores switch it off unless a test asks for it: its requests would take the faults other tests inject
   * for the sync's own requests.
   */
  recordPhase?: boolean;
}
