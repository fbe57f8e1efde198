import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import config from '../../../vitest.config';

/**
 * The levels' files share a worker process (vitest.config.ts, `isolate: false`): what a module read of the time zone at
 * first use (an Intl formatter, local-day.ts's offsets per hour) stays for the files after it. A file that sets
 * `process.env.TZ` to test another zone must run in a process of its own, or the file before it decides the zone it tests
 * (review22, session 22: plain-date-and-money passed with plain-date.ts's `timeZone: 'UTC'` removed once
 * detail-field-value had run before it in the worker).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
type Project = { test: { name: string; include?: string[]; exclude?: string[]; isolate?: boolean } };

it('every test file that sets the time zone runs in a process of its own, never in a shared worker', () => {
  const projects = (config.test?.projects ?? []) as Project[];
  const zoneFiles = globSync('tests/**/*.test.ts', { cwd: root }).filter((file) => /\bprocess\.env\.TZ\s*=[^=]/.test(readFileSync(`${root}/${file}`, 'utf8')));
  expect(zoneFiles).toContain('tests/unit/renderer/plain-date-and-money.test.ts');
  expect(zoneFiles).toContain('tests/integration/receivables/local-day.test.ts');
  const sharedWith = (file: string) =>
    projects
      .filter((p) => p.test.isolate === false && (p.test.include ?? []).some((glob) => file.startsWith(glob.slice(0, glob.indexOf('*')))) && !(p.test.exclude ?? []).includes(file))
      .map((p) => p.test.name);
  expect(zoneFiles.map((file) => ({ file, shared: sharedWith(file) })).filter(({ shared }) => shared.length > 0)).toEqual([]);
});
