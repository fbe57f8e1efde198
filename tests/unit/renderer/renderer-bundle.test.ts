import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The window's bundle takes from `electron/contract` only what is zod-free (types, login-host rules, the sort
 * order, the languages): the schemas stay in the main process and the preload. zod in the renderer is ~50 KB of
 * minified code parsed at every start for nothing (it came in once through the language setting's schema).
 * esbuild reads the renderer's import graph the way the build does (styles left out).
 */
describe('the renderer bundle', () => {
  it('carries no zod', async () => {
    const result = await build({
      absWorkingDir: resolve(import.meta.dirname, '../../..'),
      entryPoints: ['renderer/src/main.tsx'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      jsx: 'automatic',
      loader: { '.css': 'empty' },
      // Vite's `?url` imports (pdf.js's worker, shipped as a file of its own) are URLs, not code of the window's bundle.
      plugins: [{ name: 'vite-url-imports', setup: (b) => b.onResolve({ filter: /\?url$/ }, (args) => ({ path: args.path, external: true })) }],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.startsWith('renderer/src/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
  });
});
