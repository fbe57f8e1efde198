import type { KeyValueStore, SecretBox } from '../ports';

/**
 * JSON values sealed by the SecretBox and kept in the KeyValueStore as a versioned envelope:
 * `{ format: 'budgetly-sealed', version: 1, data: <base64 of the sealed bytes> }`.
 * Nothing readable is ever written: the plain JSON exists only in memory.
 */
const FORMAT = 'budgetly-sealed';
const VERSION = 1;

interface Envelope {
  format: typeof FORMAT;
  version: number;
  data: string;
}

export type SealedRead<T> = { kind: 'found'; value: T } | { kind: 'missing' } | { kind: 'unreadable' };

export class SealedStore {
  constructor(
    private readonly box: SecretBox,
    private readonly store: KeyValueStore,
  ) {}

  async write(key: string, value: unknown): Promise<void> {
    const sealed = await this.box.seal(new TextEncoder().encode(JSON.stringify(value)));
    const envelope: Envelope = { format: FORMAT, version: VERSION, data: Buffer.from(sealed).toString('base64') };
    this.store.set(key, envelope);
  }

  /**
   * Opens what was written under `key`. A blob that cannot be opened (corrupted, written by
   * another user or machine, unknown version) is deleted and reported as `unreadable`.
   */
  async read<T>(key: string, validate: (value: unknown) => value is T): Promise<SealedRead<T>> {
    const raw = this.store.get<unknown>(key);
    if (raw === undefined) return { kind: 'missing' };
    try {
      if (!isEnvelope(raw) || raw.version !== VERSION) throw new Error('unknown format');
      const plain = await this.box.open(Buffer.from(raw.data, 'base64'));
      const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
      if (!validate(value)) throw new Error('unexpected content');
      return { kind: 'found', value };
    } catch {
      this.store.delete(key);
      return { kind: 'unreadable' };
    }
  }

  has(key: string): boolean {
    return this.store.get(key) !== undefined;
  }

  remove(key: string): void {
    this.store.delete(key);
  }
}

function isEnvelope(value: unknown): value is Envelope {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return record.format === FORMAT && typeof record.version === 'number' && typeof record.data === 'string';
}
