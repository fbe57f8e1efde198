import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The window's bundle takes from `electron/contract` only what is zod-free (types, login-host rules, the sort
 * order, the languages): the schemas stay in the main process and the preload. zod in the renderer is ~50 KB of
 * minified code parsed at every start for nothing (it came in once through the language setting's schema).
 * esbuild reads the renderer's import graph the way the build does (styles left out).
 */
async function buildRenderer(options: { splitting?: boolean } = {}) {
  return build({
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
      ...(options.splitting ? { splitting: true, outdir: 'out/renderer-bundle-test' } : {}),
    });
}

/**
 * Every source file in the chunks the page loads before its first rows: the entry, the start-up bundle it imports at
 * once (boot.tsx, the entry's one `import()`: the small entry asks for the first rows while it loads), and what they
 * import statically — not the other `import()`s (the lazy parts).
 */
function startUpInputs(metafile: Metafile): string[] {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === 'renderer/src/main.tsx')!;
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const chunk = queue.pop()!;
    for (const imported of outputs[chunk]!.imports) {
      const followed = imported.kind === 'import-statement' || (chunk === entry && imported.kind === 'dynamic-import');
      if (!followed || seen.has(imported.path) || !outputs[imported.path]) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs));
}

describe('the renderer bundle', () => {
  it('carries no zod', async () => {
    const result = await buildRenderer();
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.startsWith('renderer/src/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
  });

  it("starts without what the first screen does not show (#19): dialogs, details, report and other languages' words load on demand", async () => {
    const result = await buildRenderer({ splitting: true });
    const startInputs = startUpInputs(result.metafile);
    const all = Object.keys(result.metafile.inputs);
    const locale = (language: string) => (input: string) => input.startsWith(`electron/contract/i18n/locales/${language}/`);
    expect(startInputs.some(locale('en'))).toBe(true);
    for (const language of ['de', 'fr', 'es']) {
      expect(startInputs.filter(locale(language))).toEqual([]);
      expect(all.some(locale(language))).toBe(true);
    }
    const parts = [
      'renderer/src/settings/SettingsDialog.tsx',
      'renderer/src/connections/ConnectScreen.tsx',
      'renderer/src/connections/EditConnectionDialog.tsx',
      'renderer/src/invoice-source/InvoiceSourceDialog.tsx',
      'renderer/src/workspace/DetailPanel.tsx',
      'renderer/src/receivables/CustomerView.tsx',
      'renderer/src/report/AgingByCustomer.tsx',
      'renderer/src/statements/StatementDialog.tsx',
      'renderer/src/views/ManageViewsDialog.tsx',
    ];
    expect(startInputs.filter((input) => parts.includes(input))).toEqual([]);
    expect(parts.filter((part) => !all.includes(part))).toEqual([]);
    expect(startInputs).toContain('renderer/src/workspace/InvoiceTable.tsx');
  });

  it('the first module asks for the first rows without React or the workspace: the bundle that shows them loads meanwhile (#19)', async () => {
    const result = await buildRenderer({ splitting: true });
    const outputs = result.metafile.outputs;
    const entry = Object.values(outputs).find((output) => output.entryPoint === 'renderer/src/main.tsx')!;
    // Its own code and the chunks it shares with the bundle (imported statically: loaded before it runs).
    const shared = entry.imports.filter((imported) => imported.kind === 'import-statement').flatMap((imported) => Object.keys(outputs[imported.path]?.inputs ?? {}));
    const first = [...Object.keys(entry.inputs), ...shared];
    expect(first).toContain('renderer/src/api/early-first-window.ts');
    expect(first).toContain('renderer/src/api/early-startup.ts');
    // …and makes the formats the first rows are written with while it waits (the first Intl formats are the dearest).
    expect(first).toContain('renderer/src/api/early-formats.ts');
    expect(first).toContain('renderer/src/invoices/money.ts');
    expect(first.filter((input) => input.includes('node_modules/react') || input.startsWith('renderer/src/workspace/') || input.includes('/i18n/locales/'))).toEqual([]);
    expect(entry.imports.filter((imported) => imported.kind === 'dynamic-import')).toHaveLength(1);
  });
});
