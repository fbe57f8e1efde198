import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The renderer shows Salesforce data (customer names, invoice numbers, error text from Salesforce)
 * only as text: React escapes it, and nothing in the renderer's source turns text into markup or
 * code. (Chromium proof: tests/security/renderer-attacks.test.ts shows an OAuth error with HTML
 * rendered literally.) This guards the sources against the few ways around React's escaping.
 */
const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(tsx?|html)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const sinks: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML assignment', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['eval / new Function', /\beval\s*\(|new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URLs', /javascript:/i],
  ['a link target opening a window', /target\s*=\s*["'{]*_blank/],
  ['window.open', /window\.open\s*\(/],
];

describe('renderer sources', () => {
  const files = sources(join(root, 'renderer'));

  it('exist (the scan looks at the real renderer)', () => {
    expect(files.filter((file) => file.endsWith('.tsx')).length).toBeGreaterThan(5);
  });

  it.each(sinks)('use no %s', (_name, pattern) => {
    const hits = files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(hits).toEqual([]);
  });
});
