/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
// oidc-provider ships no type declarations; the org uses it untyped.
declare module 'oidc-provider' {
  const Provider: any;
  export default Provider;
  export type AdapterPayload = Record<string, any>;
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(code: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }
  export const errors: Record<string, any>;
}
