import type { Plugin, Rollup } from 'vite';

/**
 * Issue #19 (cold start): the window's first module (renderer/src/main.tsx) is small — it asks for the first rows and
 * what shows them, then imports the start-up bundle (boot.tsx: React, the App, the workspace). A plain `import()` is
 * found by the page only once the first module has run; this adds the bundle, its chunks and its styles to index.html
 * as `modulepreload` / stylesheet links, so the page loads them beside the first module from the start (Vite's own
 * preload of that `import()` then finds them there).
 */
export function preloadStartBundle(entry: string): Plugin {
  return {
    name: 'budgetly-preload-start-bundle',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const chunks = Object.values(bundle).filter((output): output is Rollup.OutputChunk => output.type === 'chunk');
        const start = chunks.find((candidate) => candidate.facadeModuleId?.replaceAll('\\', '/').endsWith(entry));
        if (!start) throw new Error(`preloadStartBundle: no chunk for ${entry}`);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const queue = [start.fileName];
        while (queue.length > 0) {
          const name = queue.pop()!;
          if (scripts.has(name) || name === chunk.fileName) continue;
          scripts.add(name);
          const output = bundle[name] as Rollup.OutputChunk;
          for (const css of output.viteMetadata?.importedCss ?? []) styles.add(css);
          queue.push(...output.imports);
        }
        const loaded = new Set(chunk.imports);
        return [
          ...[...styles].map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
          ...[...scripts].filter((name) => !loaded.has(name)).map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
