import { readFileSync } from 'node:fs';
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { describe, expect, it } from 'vitest';

extend([a11yPlugin]);

/**
 * The aging bars are the only thing that tells the buckets apart on a card: WCAG 2.1 (1.4.11, non-text contrast)
 * asks 3:1 of such chart parts against what is next to them, the card's background. Read from the stylesheets the
 * app ships, in both themes (each colour is `light-dark(light, dark)` or one value for both).
 */
const styles = (name: string) => readFileSync(new URL(`../../../renderer/src/styles/${name}`, import.meta.url), 'utf8');

/** The custom properties of the theme's `:root` block, as [light, dark]. */
function themeTokens(css: string): Map<string, [string, string]> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)![1]!;
  const tokens = new Map<string, [string, string]>();
  for (const [, name, value] of root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    const pair = /^light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/.exec(value!.trim());
    tokens.set(name!, pair ? [pair[1]!, pair[2]!] : [value!.trim(), value!.trim()]);
  }
  return tokens;
}

/** Which token colours each bucket's bar (`.bucket-<key> .aging-fill { background: var(--token) }`). */
function bucketFills(css: string): Map<string, string> {
  const fills = new Map<string, string>();
  for (const [, bucket, token] of css.matchAll(/\.bucket-([\w\\+-]+)\s+\.aging-fill\s*\{\s*background:\s*var\((--[\w-]+)\)/g)) {
    fills.set(bucket!.replace('\\', ''), token!);
  }
  return fills;
}

describe('aging bar colours', () => {
  const tokens = themeTokens(styles('theme.css'));
  const fills = bucketFills(styles('currency-summary.css'));
  const card = tokens.get('--surface')!;

  it('colour all five buckets from the theme', () => {
    expect([...fills.keys()]).toEqual(['current', '1-30', '31-60', '61-90', '90+']);
    for (const token of fills.values()) expect(tokens.has(token), token).toBe(true);
    // The card really is the surface colour.
    expect(styles('currency-summary.css')).toMatch(/\.currency-card \{[^}]*background: var\(--surface\)/);
  });

  for (const [theme, side] of [['light', 0], ['dark', 1]] as const) {
    it(`reach 3:1 against the card in the ${theme} theme`, () => {
      const ratios = Object.fromEntries([...fills].map(([bucket, token]) => [bucket, colord(tokens.get(token)![side]).contrast(card[side])]));
      for (const [bucket, ratio] of Object.entries(ratios)) expect(ratio, `${bucket} in ${theme}: ${ratio}:1`).toBeGreaterThanOrEqual(3);
    });
  }

  it('stay five different colours in each theme', () => {
    for (const side of [0, 1] as const) {
      const colours = [...fills.values()].map((token) => colord(tokens.get(token)![side]).toHex());
      expect(new Set(colours).size).toBe(5);
    }
  });
});
