import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspOf, effectiveSources } from './support/csp';

/**
 * The renderer's Content-Security-Policy, read from the source index.html and from the built one
 * that ships (npm test builds first), checked directive by directive. The e2e test
 * (tests/security/renderer-attacks.test.ts) shows Chromium enforcing it.
 */
const root = resolve(import.meta.dirname, '../..');
const pages = [join(root, 'renderer/index.html'), join(root, 'out/renderer/index.html')].filter(existsSync);

describe.each(pages.map((page) => [page.slice(root.length + 1), page]))('CSP of %s', (_name, page) => {
  const policy = cspOf(page);

  it('denies everything by default', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it("runs only the app's own script files: no inline script, no eval, no other origin", () => {
    for (const directive of ['script-src', 'script-src-elem', 'script-src-attr']) {
      expect(effectiveSources(policy, directive), directive).toEqual(["'self'"]);
    }
  });

  it('loads nothing from the network and embeds nothing', () => {
    expect(effectiveSources(policy, 'connect-src')).toEqual(["'none'"]);
    expect(effectiveSources(policy, 'object-src')).toEqual(["'none'"]);
    expect(effectiveSources(policy, 'frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it("starts workers from the app's own files only (pdf.js's worker, issue #15): no blob:, data: or other origin", () => {
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(effectiveSources(policy, 'worker-src')).toEqual(["'self'"]);
    expect(effectiveSources(policy, 'child-src')).not.toContain('blob:');
  });

  it('has no unsafe-eval or wasm-unsafe-eval in any directive (pdf.js runs without eval)', () => {
    for (const [directive, sources] of policy) expect(sources.join(' '), directive).not.toMatch(/unsafe-eval/i);
  });

  it('has no wildcard, scheme-wide or unsafe source anywhere', () => {
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        expect(source, `${directive} ${source}`).not.toMatch(/\*|^'unsafe-|^https?:$|^blob:$|^filesystem:$|^'strict-dynamic'$|^'wasm-unsafe-eval'$/i);
        // data: only for images (icons inlined by Vite); never for scripts, styles, frames or fonts.
        if (source === 'data:') expect(directive).toBe('img-src');
      }
    }
  });

  it('the page itself has no inline script or inline event handler that the policy would have to allow', () => {
    const html = readFileSync(page, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc\s*=\s*["'](\.\/|\/)/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']https?:/i);
  });
});

it('the built renderer exists, so the policy that ships is checked too', () => {
  expect(pages.map((page) => page.slice(root.length + 1))).toContain('out/renderer/index.html');
});
