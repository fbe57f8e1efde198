import { describe, expect, it } from 'vitest';
import { isPageRecords, readQueryPage, type QueryPage } from '../../../electron/core/invoices/sync/page-records';

/** A page read record by record gives what JSON.parse gives: the same envelope, the same records in order. */
function readsAsJson(text: string): QueryPage {
  const page = readQueryPage(text) as QueryPage;
  const expected = JSON.parse(text) as { records: unknown[] };
  expect(isPageRecords(page.records)).toBe(true);
  expect(page.records.length).toBe(expected.records.length);
  expect({ ...page, records: [...page.records] }).toEqual(expected);
  return page;
}

const sobject = (type: string, id: string) => ({ type, url: `/services/data/v62.0/sobjects/${type}/${id}` });
const invoice = (id: string, fields: Record<string, unknown> = {}) => ({
  attributes: sobject('Invoice', id),
  Id: id,
  DocumentNumber: `INV-${id}`,
  Balance: 12.5,
  Account: { attributes: sobject('Account', `001${id}`), Name: 'Acme' },
  ...fields,
});
const page = (records: unknown[], more = true) =>
  JSON.stringify({ totalSize: 10, done: !more, ...(more ? { nextRecordsUrl: '/services/data/v62.0/query/01g-2' } : {}), records });

describe('a query page read record by record', () => {
  it('gives the records JSON.parse gives, relationships and odd text included', () => {
    const odd = ['},{"attributes":', '{"attributes":{"type":"Invoice"}}', '"records":[', ']}', '\\', 'é — 中文 😀', '\u2028', ''];
    const records = odd.map((text, k) => invoice(`a0${k}`, { Description: text, Account: k % 2 ? null : { attributes: sobject('Account', `001${k}`), Name: text } }));
    const read = readsAsJson(page(records));
    // Read one at a time, not an array made whole.
    expect(Array.isArray(read.records)).toBe(false);
    readsAsJson(page(records.slice(0, 1), false));
    // More records than are parsed at a time.
    readsAsJson(page(Array.from({ length: 150 }, (_, k) => invoice(`b${k}`, { Description: odd[k % odd.length] }))));
  });

  it('reads a page of no records, and every shape it does not split as JSON.parse does', () => {
    readsAsJson(page([], false));
    const records = [invoice('a01'), invoice('a02')];
    // Spaces between the records, the records not last, a nested query's records: parsed whole (an array).
    for (const text of [JSON.stringify({ totalSize: 2, done: true, records }, null, 1), JSON.stringify({ records, totalSize: 2, done: true }), page([invoice('a01', { Lines__r: { totalSize: 2, done: true, records: [invoice('l1'), invoice('l2')] } }), invoice('a02')])]) {
      expect(Array.isArray(readsAsJson(text).records)).toBe(true);
    }
  });

  it('fails on text that is not JSON as JSON.parse does', () => {
    const text = page([invoice('a01'), invoice('a02')]);
    for (const broken of [text.slice(0, -3) + ']}', text.replace('"a02"', 'a02'), text.replace(',{"attributes":', ',,{"attributes":'), '<html>']) {
      expect(() => JSON.parse(broken)).toThrow();
      expect(() => [...(readQueryPage(broken) as QueryPage).records]).toThrow();
    }
  });

  it('agrees with JSON.parse on random pages', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const pieces = ['a', '"', '\\', '{', '}', '[', ']', ',', ':', '{"attributes":', '},{', 'é', ' ', '\n'];
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let run = 0; run < 300; run++) {
      const records = Array.from({ length: Math.floor(random() * 6) }, (_, k) => invoice(`a${run}_${k}`, { Description: text(), Amount: random() < 0.3 ? null : random() * 1e6, Account: random() < 0.3 ? null : { attributes: sobject('Account', `001${k}`), Name: text() } }));
      readsAsJson(page(records, random() < 0.5));
    }
  });
});
