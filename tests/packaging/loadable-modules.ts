import { join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * Every file a main-process bundle can load, found the way Node would find it (esbuild follows each
 * `import` and `require` from the bundle into node_modules, for Node, without writing anything).
 * Anything it cannot resolve, or a `require` of a computed name it cannot follow, is an error: the answer
 * would not be complete. Returns the files relative to `appDir` and the packages they belong to
 * (`node_modules/a`, `node_modules/a/node_modules/b`).
 */
export async function loadableModules(appDir: string, entry = 'out/main/index.js'): Promise<{ files: string[]; packages: string[] }> {
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: [join(appDir, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['electron'],
    write: false,
    metafile: true,
    outdir: join(appDir, '.loadable-modules'),
    logLevel: 'silent',
  });
  const unfollowed = result.warnings.filter((warning) => /require|import/.test(warning.text));
  if (unfollowed.length > 0) {
    throw new Error(`Loads esbuild cannot follow:\n${unfollowed.map((w) => `${w.location?.file}: ${w.text}`).join('\n')}`);
  }
  const files = Object.keys(result.metafile.inputs).map((file) => relative(appDir, join(appDir, file)).replaceAll('\\', '/'));
  const packages = new Set<string>();
  for (const file of files) {
    const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)/.exec(file);
    if (match?.[1]) packages.add(match[1].slice(0, -1));
  }
  return { files, packages: [...packages].sort() };
}
