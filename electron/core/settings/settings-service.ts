import { AppError, settingsSchema, type Settings } from '../../contract';
import type { KeyValueStore } from '../ports';

const KEY = 'settings';

export const defaultSettings: Settings = {
  signInMethod: 'window',
  agingBasis: 'dueDate',
  agingAsOf: null,
  allowWeakStorage: false,
  theme: 'system',
  visibleColumns: null,
  syncInterval: 15,
  updates: 'automatic',
};

export type SettingsListener = (next: Settings, previous: Settings) => void;

/** The user's preferences, kept in the key-value store. A damaged entry falls back to the defaults. */
export class SettingsService {
  private readonly listeners = new Set<SettingsListener>();

  constructor(private readonly store: KeyValueStore) {}

  get(): Settings {
    const parsed = settingsSchema.partial().safeParse(this.store.get(KEY) ?? {});
    return { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
  }

  update(patch: Partial<Settings>): Settings {
    const previous = this.get();
    const next = settingsSchema.parse({ ...previous, ...patch });
    try {
      this.store.set(KEY, next);
    } catch (error) {
      throw new AppError('STORAGE', 'Budgetly could not save your settings (the disk may be full or read-only).', { cause: error });
    }
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
