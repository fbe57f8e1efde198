import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../electron/contract';

/**
 * SECURITY.md cannot drift from the code (issue #17, finding 10): the channel count it states is the
 * contract's, the Electron checklist has its 20 rows in order, each proven by tests that exist (or marked
 * reviewed / not applicable), every file it names exists, every test it names by title is in that file, and the production dependency
 * tree it lists is package-lock.json's (finding 9).
 */
const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'SECURITY.md'), 'utf8');

function section(title: string): string {
  const start = doc.indexOf(`## ${title}`);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 3);
  return doc.slice(start, end === -1 ? undefined : end);
}

function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^\|/.test(line) && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

describe('SECURITY.md', () => {
  it('states the number of IPC channels the contract has', () => {
    const stated = [...doc.matchAll(/(\d+) channels/g)].map((match) => Number(match[1]));
    expect(stated.length).toBeGreaterThan(0);
    for (const count of stated) expect(count).toBe(channelNames.length);
  });

  it('lists no channel the contract does not have', () => {
    for (const [, name] of doc.matchAll(/`((?:app|settings|connections|invoices|freshness)\.[a-zA-Z.]+)`/g)) {
      expect(channelNames as readonly string[], name).toContain(name);
    }
  });

  it('has the 20 rows of Electron’s checklist in order, each proven by existing tests or marked reviewed / not applicable', () => {
    const rows = tableRows(section('Electron security checklist'));
    expect(rows.map((row) => Number(row[0]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const row of rows) {
      const proof = row[3] ?? '';
      const tests = [...proof.matchAll(/`(tests\/[^`]+\.test\.ts)`/g)].map((match) => match[1]!);
      expect(tests.length > 0 || /reviewed|not applicable|^same\b|^as \d+/.test(proof), `row ${row[0]} has no proof`).toBe(true);
    }
  });

  it('names only files that exist', () => {
    const paths = [...doc.matchAll(/`((?:tests|electron|scripts|renderer)\/[^`\s*{}]+\.(?:ts|tsx|html|yml|json))`/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(resolve(root, path)))).toEqual([]);
  });

  it('lists the production dependency tree package-lock.json has today, with versions', () => {
    const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; link?: boolean }>;
    };
    const production = new Set<string>();
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path.includes('node_modules/') || entry.dev || entry.devOptional || entry.link) continue;
      production.add(`${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`);
    }
    const listed = /<!-- production-tree -->\n([^<]*)\n<!-- \/production-tree -->/.exec(section('Production dependencies'))?.[1];
    expect(listed, 'the <!-- production-tree --> list').toBeDefined();
    const expected = [...production].sort();
    expect(listed!.split(', ').sort(), `SECURITY.md should list:\n${expected.join(', ')}`).toEqual(expected);
    expect(section('Production dependencies')).toContain(`(${expected.length} packages;`);
  });

  it('says which publisher Windows updates must be signed by, as electron-builder.yml configures it (verification on)', () => {
    const builder = readFileSync(resolve(root, 'electron-builder.yml'), 'utf8');
    const win = /^win:\n((?: {2}.*\n|\s*#.*\n)+)/m.exec(builder)?.[1] ?? '';
    expect(win).toMatch(/^ {2}verifyUpdateCodeSignature: true$/m);
    const names = /^ {4}publisherName: \[([^\]]+)\]$/m.exec(win)?.[1];
    expect(names, 'win.signtoolOptions.publisherName').toBeDefined();
    expect(win).toMatch(/^ {2}signtoolOptions:\n {4}publisherName:/m);
    expect(doc).toContain(`\`win.signtoolOptions.publisherName: [${names}]\``);
    expect(doc).toContain('`win.verifyUpdateCodeSignature: true`');
  });

  it('names only tests that exist in the file it cites', () => {
    // `tests/x.test.ts` ("a test's title"): the title must be in that file.
    const cited = [...doc.matchAll(/`(tests\/[^`]+\.test\.ts)` \("([^"]+)"\)/g)].map((match) => ({ file: match[1]!, title: match[2]!.replace(/\s*…$/, '') }));
    expect(cited.length).toBeGreaterThan(2);
    for (const { file, title } of cited) {
      const source = readFileSync(resolve(root, file), 'utf8');
      expect(source.includes(title), `${file} has no test "${title}"`).toBe(true);
    }
  });
});
