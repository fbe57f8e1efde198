export const LATEST_VERSION = 67;
const SEASONS = ['Summer', 'Spring', 'Winter'];

/** GET /services/data/: every version from 20.0 to the latest, oldest first. */
export function versionList(): { label: string; url: string; version: string }[] {
  const out = [];
  for (let v = 20; v <= LATEST_VERSION; v++) {
    const k = LATEST_VERSION - v;
    const year = 26 - Math.floor(k / 3);
    out.push({ label: `${SEASONS[k % 3]} '${String(year).padStart(2, '0')}`, url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return out;
}

/** "62.0" → 62 when the org serves that version, else undefined. */
export function parseVersion(seg: string): number | undefined {
  const m = /^v(\d{2})\.0$/.exec(seg);
  if (!m) return undefined;
  const v = Number(m[1]);
  return v >= 20 && v <= LATEST_VERSION ? v : undefined;
}

export function resources(base: string, identityUrl: string): Record<string, string> {
  const r: Record<string, string> = { identity: identityUrl };
  for (const k of ['sobjects', 'query', 'queryAll', 'limits', 'search', 'recent', 'tooling', 'metadata', 'composite', 'jobs']) {
    r[k] = `${base}/${k === 'jobs' ? 'jobs' : k}`;
  }
  return r;
}
