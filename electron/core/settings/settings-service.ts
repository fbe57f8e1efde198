import { AppError, NO_POLICY_LOCKS, settingsSchema, type PolicyLocks, type Settings } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { PDF_BUDGET_DEFAULT_MB } from '../../contract/document-budget';
import { applyLocks, lockViolation } from '../policy/policy-locks';
import { englishT } from '../policy/policy-text';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { KeyValueStore, Logger } from '../ports';

const KEY = 'settings';

export const defaultSettings: Settings = {
  signInMethod: 'window',
  agingBasis: 'dueDate',
  agingAsOf: null,
  includeDrafts: false,
  allowWeakStorage: false,
  theme: 'system',
  visibleColumns: null,
  syncInterval: 15,
  updates: 'automatic',
  language: 'system',
  pdfBudgetMb: PDF_BUDGET_DEFAULT_MB,
  firmName: '',
  keepPdfsOffline: false,
};

/** Settings the machine-wide policy file fixes, and where that file is (named when a change is refused). */
export interface SettingsPolicy {
  locks: PolicyLocks;
  path: string;
}

/** May return a promise: `settled()` waits for it (e.g. weakly stored data deleted when weaker storage is switched off). */
export type SettingsListener = (next: Settings, previous: Settings) => void | Promise<void>;

/**
 * The user's preferences, kept in the key-value store. A damaged field falls back to its default (the others stay).
 * The file is read and parsed once, at the first `get()` (every word the core says reads the language through it);
 * from then on `get()` answers what this service last read or saved — `update()`, the one way settings are written,
 * keeps it current. A settings file edited by hand while the app runs is not read again: the next change the app
 * saves writes its own settings over it (the edit applies when the app starts). Listeners hear each saved change.
 * The one rule for their failures: a save that was written stays a success; a listener that throws is logged and the
 * others still hear the change.
 * Locked by the machine policy: `get()` answers the locked values whatever was saved, and `update()` refuses
 * (FORBIDDEN, naming the setting and the file) a change to one, whoever asks.
 */
export class SettingsService {
  private readonly listeners = new Set<SettingsListener>();
  private pending: Promise<unknown> = Promise.resolve();
  /** The settings as last read or saved (null until the first `get()` reads the file). */
  private current: Settings | null = null;
  private words: () => CatalogueT = () => englishT;

  constructor(
    private readonly store: KeyValueStore,
    private readonly logger?: Logger,
    private readonly policy: SettingsPolicy = { locks: NO_POLICY_LOCKS, path: '' },
  ) {}

  get(): Settings {
    this.current ??= this.settingsOf(this.store.get(KEY));
    return this.current;
  }

  /** The settings a saved value gives: defaults for what is missing or damaged, then the policy's locks. */
  private settingsOf(saved: unknown): Settings {
    return Object.freeze(applyLocks({ ...defaultSettings, ...readableSettings(saved ?? {}) }, this.policy.locks));
  }

  locks(): PolicyLocks {
    return this.policy.locks;
  }

  /** The words refusals are said in (the core's, once they exist: they follow Settings → Language). */
  useWords(t: () => CatalogueT): void {
    this.words = t;
  }

  /** Throws FORBIDDEN when the policy locks what `patch` would change, saying which setting and which file. */
  assertAllowed(patch: Partial<Settings>): void {
    const refusal = lockViolation(patch, this.policy.locks, this.policy.path);
    if (refusal) throw new AppError('FORBIDDEN', refusal(this.words()));
  }

  update(patch: Partial<Settings>): Settings {
    this.assertAllowed(patch);
    const previous = this.get();
    const next = settingsSchema.parse({ ...previous, ...patch });
    try {
      this.store.set(KEY, next);
    } catch (error) {
      throw new AppError('STORAGE', englishMessage('settingsSaveFailed'), { cause: error });
    }
    // What reading the file back would give (it keeps JSON), without reading it; a failed save above changed nothing.
    this.current = this.settingsOf(JSON.parse(JSON.stringify(next)));
    // One rule for listeners: the save is already written, so a listener that fails (at once or later)
    // is logged and never fails the save or stops the others; `settled()` waits for what they started.
    const work = [...this.listeners].map(async (listener) => {
      try {
        await listener(next, previous);
      } catch (error) {
        this.logger?.error('A settings listener failed after a save', { error: error instanceof Error ? error.name : 'unknown' });
      }
    });
    this.pending = Promise.allSettled([this.pending, ...work]);
    return next;
  }

  /** Resolves once what the listeners started for the changes so far has finished. */
  async settled(): Promise<void> {
    await this.pending;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

// Made once: zod builds (and at its first parse compiles) a new schema for each `.partial()`, and `get()` runs for every
// word the core says (core-words.ts reads the language): 9.7 s of the IPC fuzz test's 46 s of CPU went to rebuilding it.
const partialSettingsSchema = settingsSchema.partial();

/**
 * The saved settings that can be read. A field that cannot (hand-edited, hostile, or written by a newer app: a width
 * for a column this one does not know) falls back to its default alone; the others — the language, the weak-storage
 * consent, whose loss deletes the offline copies — stay. Not an object at all: the defaults.
 */
function readableSettings(raw: unknown): Partial<Settings> {
  const schema = partialSettingsSchema;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const damaged = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  if (damaged.has(undefined)) return {};
  const again = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !damaged.has(key))));
  return again.success ? again.data : {};
}
