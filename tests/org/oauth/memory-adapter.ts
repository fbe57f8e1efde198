// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- oidc-provider ships no types
/// <reference path="./oidc-provider.d.ts" />
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry { payload: AdapterPayload; expiresAt?: number }

/** Per-org in-memory storage for oidc-provider (its built-in one is process-global). */
export class OrgStorage {
  readonly models = new Map<string, Map<string, Entry>>();

  model(name: string): Map<string, Entry> {
    let m = this.models.get(name);
    if (!m) this.models.set(name, (m = new Map()));
    return m;
  }

  clear(...names: string[]): void {
    for (const n of names) this.models.get(n)?.clear();
  }

  adapterClass(): new (name: string) => Adapter {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the adapter class closes over its storage
    const storage = this;
    return class MemoryAdapter implements Adapter {
      private readonly m: Map<string, Entry>;
      constructor(readonly name: string) {
        this.m = storage.model(name);
      }
      async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
        this.m.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      }
      private get(id: string): AdapterPayload | undefined {
        const e = this.m.get(id);
        if (!e) return undefined;
        if (e.expiresAt && e.expiresAt < Date.now()) {
          this.m.delete(id);
          return undefined;
        }
        return e.payload;
      }
      async find(id: string) { return this.get(id); }
      async findByUid(uid: string) {
        for (const [id, e] of this.m) if (e.payload.uid === uid) return this.get(id);
        return undefined;
      }
      async findByUserCode(code: string) {
        for (const [id, e] of this.m) if (e.payload.userCode === code) return this.get(id);
        return undefined;
      }
      async consume(id: string) {
        const e = this.m.get(id);
        if (e) e.payload.consumed = Math.floor(Date.now() / 1000);
      }
      async destroy(id: string) { this.m.delete(id); }
      async revokeByGrantId(grantId: string) {
        for (const [id, e] of this.m) if (e.payload.grantId === grantId) this.m.delete(id);
      }
    };
  }
}
