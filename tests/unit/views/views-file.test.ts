import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { MAX_VIEWS } from '../../../electron/contract/saved-views';
import { parseViewsFile, viewsFileOf, writeViewsFile } from '../../../electron/core/views/views-file';
import { uniqueName } from '../../../electron/core/views/views-store';
import { tempDir } from '../../support/test-ports';
import { plainViewState, viewState } from '../../support/view-state';

const file = (views: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'budgetly-views', version: 1, views, ...extra });
const refusal = (text: string): string => {
  try {
    parseViewsFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
  throw new Error('the file was accepted');
};

describe('views file', () => {
  it('what Export writes, Import reads back (names and states, no ids or connection)', () => {
    const views = [
      { id: 'a', name: 'EUR overdue', connectionId: 'c1', state: viewState({ filters: { currencies: ['EUR'], overdueOnly: true } }) },
      { id: 'b', name: 'Acme', connectionId: 'c1', state: viewState({ filters: { customer: 'Acme' } }) },
    ];
    const text = JSON.stringify(viewsFileOf(views));
    expect(text).not.toContain('"c1"');
    expect(parseViewsFile(text)).toEqual(views.map(({ name, state }) => ({ name, state })));
    expect(parseViewsFile(`\uFEFF${text}`)).toHaveLength(2);
  });

  it('refuses a broken or hostile file with its reason', () => {
    expect(refusal('not json {')).toMatch(/not JSON/);
    expect(refusal('[]')).toMatch(/not a Budgetly views file/);
    expect(refusal(JSON.stringify({ format: 'other', version: 1, views: [] }))).toMatch(/not a Budgetly views file/);
    expect(refusal(file([], { version: 2 }))).toMatch(/version 2; this version of Budgetly reads version 1/);
    expect(refusal(file(Array.from({ length: 10_000 }, () => ({}))))).toMatch(/10000 views; a views file holds at most 50/);
    expect(refusal(`{"format":"budgetly-views","version":1,"views":[{"name":"x","state":{"__proto__":{"polluted":true}}}]}`)).toMatch(/“__proto__”/);
    expect(refusal(file([{ name: 'x', state: plainViewState, constructor: { prototype: {} } }]))).toMatch(/“(constructor|prototype)”/);
    expect(refusal(file([{ name: 'bell\u0007', state: plainViewState }]))).toMatch(/views\.0\.name: a view name cannot hold control characters/);
    // A name that reads as another: a right-to-left override shows "EUR \u202Eeudrevo" as "EUR overdue"; an isolate; nothing visible.
    for (const name of ['EUR \u202Eeudrevo\u202C', 'x\u2066y\u2069', '\u200B']) {
      expect(refusal(file([{ name, state: plainViewState }]))).toMatch(/views\.0\.name: a view name cannot hold control characters/);
    }
    expect(refusal(file([{ name: 'cols', state: { ...plainViewState, columns: ['number', 'ssn'] } }]))).toMatch(/views\.0\.state\.columns\.1/);
    expect(refusal(file([{ name: 'x'.repeat(81), state: plainViewState }]))).toMatch(/views\.0\.name/);
    expect(refusal(file([{ name: 'ok', state: plainViewState }, { name: 'extra', state: plainViewState, id: 'mine' }]))).toMatch(/views\.1/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`at most ${MAX_VIEWS} views are read`, () => {
    const views = Array.from({ length: MAX_VIEWS }, (_, i) => ({ name: `View ${i}`, state: plainViewState }));
    expect(parseViewsFile(file(views))).toHaveLength(MAX_VIEWS);
    expect(refusal(file([...views, { name: 'one more', state: plainViewState }]))).toMatch(/51 views/);
  });
});

describe('names that clash', () => {
  it('get " (2)", " (3)" …, case aside, within 80 characters', () => {
    expect(uniqueName('EUR overdue', [])).toBe('EUR overdue');
    expect(uniqueName('EUR overdue', ['eur OVERDUE'])).toBe('EUR overdue (2)');
    expect(uniqueName('EUR overdue', ['EUR overdue', 'EUR overdue (2)'])).toBe('EUR overdue (3)');
    const long = 'x'.repeat(80);
    const renamed = uniqueName(long, [long]);
    expect(renamed).toHaveLength(80);
    expect(renamed.endsWith(' (2)')).toBe(true);
  });
});

describe('Export views: the file written', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  // A view holds a customer's name or an invoice number (its filters, its search): the file is the user's alone, as every
  // export is (SECURITY.md: exported files are created 0600), also when it replaces a file that was readable by others.
  it('is the user’s alone (0600), new or replacing a file others could read, and holds the views', async () => {
    if (process.platform === 'win32') return;
    const views = [{ id: 'v1', name: 'Acme overdue', connectionId: 'c1', state: viewState({ filters: { search: 'Acme Corp', customer: 'Acme Corp' } }) }];
    const fresh = join(temp.dir, 'views.json');
    await writeViewsFile(fresh, views);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    const shared = join(temp.dir, 'shared.json');
    writeFileSync(shared, 'old', { mode: 0o644 });
    await writeViewsFile(shared, views);
    expect(statSync(shared).mode & 0o777).toBe(0o600);
    expect(parseViewsFile(readFileSync(shared, 'utf8'))).toEqual([{ name: 'Acme overdue', state: views[0]!.state }]);
  });
});
