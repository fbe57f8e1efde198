// Salesforce-style record ids: 15 case-sensitive chars + 3-char case-insensitivity suffix.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const POD = '5g0';
const NUM_LEN = 9;

export function suffix18(id15: string): string {
  let out = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charCodeAt(block * 5 + j);
      if (c >= 65 && c <= 90) bits |= 1 << j;
    }
    out += SUFFIX[bits];
  }
  return id15 + out;
}

/**
 * Ids made so far, per key prefix, by number: an id is a pure function of (prefix, n), and serving a page or a Bulk
 * API 2.0 part asks for the same ids again and again (a payment application carries its own, its payment's and its
 * invoice's: building them was ~half the org's CPU per CSV record). Grows with the ids asked for (~600k at 100k invoices).
 */
const madeIds = new Map<string, string[]>();
/**
 * Auto-numbers (`PAY-0000001`) made so far, per prefix, by number: the same for a record's number, which a sync with
 * payments reads for every payment (a string made per cell was 16–39 ms a part set, the costliest getter: BENCHMARKS,
 * session 26). Grows with the numbers asked for (~150k at 100k invoices).
 */
const madeNumbers = new Map<string, string[]>();
const MEMO_MAX = 20_000_000;

/**
 * Forgets the ids and numbers made so far (the org's stop calls it): a pure cache, so nothing changes but the time to
 * make them again — and a test worker that runs file after file (vitest.config.ts, isolate: false) does not keep a
 * million-invoice org's ~6M ids alive for every file after it.
 */
export function forgetMadeIds(): void {
  madeIds.clear();
  madeNumbers.clear();
}

/** Id number n (>= 0) with a 3-char key prefix → 18-char id. */
export function makeId(prefix: string, n: number): string {
  return made(madeIds, prefix, n, buildId);
}

/** Record number n's auto-number: the prefix, then n + 1 in at least seven digits (`PAY-0000001`). */
export function autoNumber(prefix: string, n: number): string {
  return made(madeNumbers, prefix, n, buildAutoNumber);
}

const buildAutoNumber = (prefix: string, n: number) => `${prefix}${String(n + 1).padStart(7, '0')}`;

/** The text `build` makes of (key, n), made once per key and n (0 ≤ n < MEMO_MAX; any other n is built each time). */
function made(memo: Map<string, string[]>, key: string, n: number, build: (key: string, n: number) => string): string {
  if (!(n >= 0 && n < MEMO_MAX && Number.isInteger(n))) return build(key, n);
  let texts = memo.get(key);
  if (texts === undefined || n >= texts.length) {
    // Grown packed ('' = not made yet), never holey: a sparse array would fall back to a slow dictionary.
    const grown = new Array<string>(Math.max(1024, n + 1, 2 * (texts?.length ?? 0))).fill('');
    for (let i = 0; i < (texts?.length ?? 0); i++) grown[i] = texts![i]!;
    memo.set(key, (texts = grown));
  }
  const text = texts[n]!;
  return text === '' ? (texts[n] = build(key, n)) : text;
}

/** Character codes of BASE62 and SUFFIX, and the 18 codes of the id being built. */
const BASE62_CODES = Array.from(BASE62, (c) => c.charCodeAt(0));
const POD_CODES = Array.from(POD, (c) => c.charCodeAt(0));
const SUFFIX_CODES = Array.from(SUFFIX, (c) => c.charCodeAt(0));
const codes = new Array<number>(18).fill(0);

/**
 * Id number n → its 18 characters, as character codes made into one string at once: the org's first sync of 100k
 * invoices with payments asks for ~400k ids it has not made yet, and building each by string concatenation and a
 * padStart cost ~1 µs (BENCHMARKS, session 17). The same ids as `slowId` (tests/unit/org/ids.test.ts compares them).
 */
function buildId(prefix: string, n: number): string {
  let v = n + 1;
  // Below 0 and beyond exact integers (never generated) the slow way.
  if (prefix.length !== 3 || !(v > 0 && v <= Number.MAX_SAFE_INTEGER && Number.isInteger(v))) return slowId(prefix, n);
  codes[0] = prefix.charCodeAt(0);
  codes[1] = prefix.charCodeAt(1);
  codes[2] = prefix.charCodeAt(2);
  codes[3] = POD_CODES[0]!;
  codes[4] = POD_CODES[1]!;
  codes[5] = POD_CODES[2]!;
  for (let i = 14; i >= 6; i--) {
    const digit = v % 62;
    codes[i] = BASE62_CODES[digit]!;
    v = (v - digit) / 62;
  }
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = codes[block * 5 + j]!;
      if (c >= 65 && c <= 90) bits |= 1 << j;
    }
    codes[15 + block] = SUFFIX_CODES[bits]!;
  }
  const c = codes;
  return String.fromCharCode(c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!, c[16]!, c[17]!);
}

/** The id as first written: base-62 digits by string concatenation, padded to nine, and suffix18. */
function slowId(prefix: string, n: number): string {
  let s = '';
  let v = n + 1;
  while (v > 0) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return suffix18(prefix + POD + s.padStart(NUM_LEN, '0'));
}

/** Inverse of makeId; -1 when the id is not of this prefix / malformed. Accepts 15 or 18 chars. */
export function parseId(prefix: string, id: string): number {
  if (typeof id !== 'string' || (id.length !== 15 && id.length !== 18)) return -1;
  if (id.length === 18) id = restoreCase(id);
  if (!id.startsWith(prefix + POD)) return -1;
  const id15 = id.slice(0, 15);
  if (id.length === 18 && suffix18(id15).toLowerCase() !== id.toLowerCase()) return -1;
  let v = 0;
  for (let i = 6; i < 15; i++) {
    const d = BASE62.indexOf(id15[i]!);
    if (d < 0) return -1;
    v = v * 62 + d;
  }
  return v - 1;
}

/**
 * An 18-char id compared case-insensitively (as Salesforce does): its suffix records which of the
 * first 15 characters are upper case, so the original id can be restored from any casing.
 */
function restoreCase(id18: string): string {
  const suffix = id18.slice(15).toUpperCase();
  let out = '';
  for (let block = 0; block < 3; block++) {
    const bits = SUFFIX.indexOf(suffix[block]!);
    if (bits < 0) return id18;
    for (let j = 0; j < 5; j++) {
      const c = id18[block * 5 + j]!;
      out += bits & (1 << j) ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return out + suffix;
}

/** Normalise a 15-char id to 18 chars (other strings returned unchanged). */
export function to18(id: string): string {
  return /^[a-zA-Z0-9]{15}$/.test(id) ? suffix18(id) : id;
}
