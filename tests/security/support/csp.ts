import { readFileSync } from 'node:fs';

/** The Content-Security-Policy of an HTML file's `<meta http-equiv>` tag, as directive → source list. */
export function cspOf(htmlPath: string): Map<string, string[]> {
  const html = readFileSync(htmlPath, 'utf8');
  const metas = [...html.matchAll(/<meta\b[^>]*>/gis)].map((match) => match[0]).filter((tag) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag));
  if (metas.length !== 1) throw new Error(`${htmlPath}: expected exactly one CSP meta tag, found ${metas.length}`);
  const content = metas[0]!.match(/content\s*=\s*"([^"]*)"/is)?.[1] ?? metas[0]!.match(/content\s*=\s*'([^']*)'/is)?.[1];
  if (!content) throw new Error(`${htmlPath}: the CSP meta tag has no content`);
  const policy = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    if (policy.has(name.toLowerCase())) throw new Error(`${htmlPath}: directive ${name} appears twice (browsers ignore the second)`);
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources a fetch directive falls back to when it is not set (CSP Level 3). */
export function effectiveSources(policy: Map<string, string[]>, directive: string): string[] {
  const fallbacks: Record<string, string[]> = {
    'script-src-elem': ['script-src', 'default-src'],
    'script-src-attr': ['script-src', 'default-src'],
    'style-src-elem': ['style-src', 'default-src'],
    'style-src-attr': ['style-src', 'default-src'],
    'worker-src': ['child-src', 'script-src', 'default-src'],
    'frame-src': ['child-src', 'default-src'],
    'child-src': ['default-src'],
  };
  for (const name of [directive, ...(fallbacks[directive] ?? ['default-src'])]) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return ['*'];
}
