import { AppError, type UpdatePolicy, type UpdateStatus } from '../../contract';
import type { Clock, EventSink, Logger } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import type { CoreWords } from '../i18n/core-words';
import { updateTexts } from './update-texts';
import { UpdateFailure, type UpdaterPort } from './updater-port';

/** The first background check, a little after launch (the launch sync and the window go first). */
export const FIRST_CHECK_AFTER_MS = 60_000;
/** Background checks after that. */
export const CHECK_EVERY_MS = 4 * 60 * 60_000;
/** How often a restart the user asked for looks again whether the sync or export it waits for is done. */
export const RESTART_RECHECK_MS = 2_000;

export type BusyWork = 'sync' | 'export' | null;

export interface UpdateServiceDeps {
  port: UpdaterPort;
  currentVersion: string;
  settings: SettingsService;
  clock: Clock;
  events: EventSink;
  logger: Logger;
  /** Work a restart must not cut short (a running sync or export), or null. */
  busy: () => BusyWork;
  /** The words of the problems and refusals, in the language of Settings. */
  words: Pick<CoreWords, 't'>;
  /**
   * The update policy fixed machine-wide by IT, if any. The seam for the connect engineer's policy file:
   * until it is on main nothing passes one, and the user's setting rules.
   */
  lockedPolicy?: () => UpdatePolicy | null;
}

/**
 * The app's own updates, Electron-free: background checks at launch and every few hours as the policy
 * allows (automatic: check and download; notify: check and tell; off: nothing), the download with its
 * progress, and the restart only when the user asks for it — and then only once no sync or export runs.
 * A failed check or download changes nothing but the `problem` line; the next check tries again.
 */
export class UpdateService {
  private state: Omit<UpdateStatus, 'currentVersion' | 'install' | 'policy' | 'lockedBy' | 'downloadPage'> = {
    state: 'idle',
    version: null,
    progress: null,
    restartWaitsFor: null,
    lastCheckedAt: null,
    problem: null,
  };
  private checking: Promise<UpdateStatus> | null = null;
  private downloading: Promise<UpdateStatus> | null = null;
  private cancelTimer: (() => void) | null = null;
  private cancelRestartWait: (() => void) | null = null;
  private started = false;
  private readonly stopSettings: () => void;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.stopSettings = deps.settings.onChange((next, previous) => {
      if (next.updates !== previous.updates) this.policyChanged();
    });
  }

  policy(): UpdatePolicy {
    return this.deps.lockedPolicy?.() ?? this.deps.settings.get().updates;
  }

  status(): UpdateStatus {
    return {
      currentVersion: this.deps.currentVersion,
      install: this.deps.port.install,
      policy: this.policy(),
      lockedBy: this.deps.lockedPolicy?.() ? 'policy' : null,
      downloadPage: this.deps.port.downloadPage,
      ...this.state,
    };
  }

  /** Background checks begin (the app calls it once at launch). */
  start(): void {
    this.started = true;
    this.schedule(FIRST_CHECK_AFTER_MS);
  }

  /** Asks the update server now (the Settings button, or a background check). Never rejects. */
  async check(): Promise<UpdateStatus> {
    if (this.deps.port.install === 'none') {
      this.set({ problem: updateTexts(this.deps.words.t).notPackaged });
      return this.status();
    }
    if (this.lockedOff()) throw new AppError('FORBIDDEN', updateTexts(this.deps.words.t).locked);
    if (this.downloading || this.state.state === 'ready') return this.status();
    this.checking ??= this.runCheck().finally(() => (this.checking = null));
    return this.checking;
  }

  /** Downloads the offered update (notify only: the user's click; automatic: right after the check). */
  async download(): Promise<UpdateStatus> {
    if (this.state.state === 'ready') return this.status();
    if (this.state.state !== 'available' && !this.downloading) throw new AppError('NOT_FOUND', updateTexts(this.deps.words.t).nothingToDownload);
    if (this.deps.port.install !== 'self') throw new AppError('FORBIDDEN', updateTexts(this.deps.words.t).manualInstall);
    this.downloading ??= this.runDownload().finally(() => (this.downloading = null));
    return this.downloading;
  }

  /** "Restart to update": applies the downloaded update now, or as soon as the running sync or export is done. */
  restart(): UpdateStatus {
    if (this.state.state !== 'ready') throw new AppError('NOT_FOUND', updateTexts(this.deps.words.t).notReady);
    this.restartWhenIdle();
    return this.status();
  }

  dispose(): void {
    this.cancelTimer?.();
    this.cancelRestartWait?.();
    this.stopSettings();
  }

  private async runCheck(): Promise<UpdateStatus> {
    const before = this.state.state;
    this.set({ state: 'checking' });
    try {
      const offer = await this.deps.port.check();
      const checkedAt = new Date(this.deps.clock.now()).toISOString();
      if (!offer) {
        this.set({ state: 'idle', version: null, lastCheckedAt: checkedAt, problem: null });
      } else {
        this.set({ state: 'available', version: offer.version, lastCheckedAt: checkedAt, problem: null });
        if (this.policy() === 'automatic' && this.deps.port.install === 'self') return await this.download();
      }
    } catch (error) {
      this.deps.logger.warn('Update check failed', { reason: error instanceof Error ? error.message : 'unknown' });
      this.set({ state: before === 'checking' ? 'idle' : before, problem: problemOf(error, updateTexts(this.deps.words.t), 'checkFailed') });
    }
    return this.status();
  }

  private async runDownload(): Promise<UpdateStatus> {
    this.set({ state: 'downloading', progress: { transferred: 0, total: 0 }, problem: null });
    try {
      await this.deps.port.download((progress) => this.set({ progress }));
      this.set({ state: 'ready', progress: null });
    } catch (error) {
      this.deps.logger.warn('Update download failed', { reason: error instanceof Error ? error.message : 'unknown' });
      this.set({ state: 'available', progress: null, problem: problemOf(error, updateTexts(this.deps.words.t), 'downloadFailed') });
    }
    return this.status();
  }

  private restartWhenIdle(): void {
    this.cancelRestartWait?.();
    this.cancelRestartWait = null;
    const busy = this.deps.busy();
    if (busy === null) {
      this.set({ restartWaitsFor: null });
      this.deps.logger.info('Restarting to apply the update the user asked for');
      this.deps.port.restartAndApply();
      return;
    }
    if (this.state.restartWaitsFor !== busy) this.set({ restartWaitsFor: busy });
    this.cancelRestartWait = this.deps.clock.setTimeout(() => this.restartWhenIdle(), RESTART_RECHECK_MS);
  }

  private schedule(delay: number): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (!this.started || this.policy() === 'off' || this.deps.port.install === 'none') return;
    this.cancelTimer = this.deps.clock.setTimeout(() => {
      void this.check().finally(() => this.schedule(CHECK_EVERY_MS));
    }, delay);
  }

  private policyChanged(): void {
    this.emit();
    // Switching updates on checks soon; switching them off stops the background checks (not a download under way).
    this.schedule(FIRST_CHECK_AFTER_MS);
    if (this.policy() === 'automatic' && this.state.state === 'available' && this.deps.port.install === 'self') void this.download();
  }

  private lockedOff(): boolean {
    return this.deps.lockedPolicy?.() === 'off';
  }

  private set(patch: Partial<UpdateService['state']>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    this.deps.events.emit('updates.changed', this.status());
  }
}

function problemOf(error: unknown, texts: ReturnType<typeof updateTexts>, otherwise: 'checkFailed' | 'downloadFailed'): string {
  if (error instanceof UpdateFailure) {
    if (error.kind === 'integrity') return texts.integrityFailed;
    if (error.kind === 'metadata') return texts.metadataBroken;
  }
  return texts[otherwise];
}
