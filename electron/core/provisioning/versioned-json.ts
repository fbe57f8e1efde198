/** Why the bytes of a versioned Budgetly JSON file (a `.budgetly` connection file, the machine policy file) were not read. */
export interface VersionedJsonWords<M = string> {
  tooLarge(bytes: number): M;
  brokenJson: M;
  notAnObject: M;
  noVersion: M;
  newerVersion(version: string): M;
}

export type VersionedJson<M = string> = { ok: true; json: Record<string, unknown> } | { ok: false; message: M };

/**
 * The one reader of Budgetly's versioned JSON files: at most `maxBytes`, UTF-8 (a leading BOM allowed), a JSON
 * object whose `"budgetly"` is `version`. Each refusal says what was wrong in the caller's words.
 */
export function readVersionedJson<M>(bytes: Uint8Array, limits: { maxBytes: number; version: number }, words: VersionedJsonWords<M>): VersionedJson<M> {
  if (bytes.byteLength > limits.maxBytes) return { ok: false, message: words.tooLarge(bytes.byteLength) };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: words.brokenJson };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: words.notAnObject };
  const version = (json as { budgetly?: unknown }).budgetly;
  if (version === undefined) return { ok: false, message: words.noVersion };
  if (version !== limits.version) return { ok: false, message: words.newerVersion(String(version).slice(0, 20)) };
  return { ok: true, json: json as Record<string, unknown> };
}
