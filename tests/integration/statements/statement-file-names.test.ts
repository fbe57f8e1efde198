import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { ChromiumPdfPrinter } from '../../support/chromium-pdf-printer';
import type { TestCore } from '../../support/test-core';
import { syncedCore } from '../../support/synced-core';
import { tempDir } from '../../support/test-ports';
import { pdfText } from './pdf-lines';

/**
 * Statement files named after customers whose names are long in bytes: Thai, Chinese, Japanese or Hindi letters take
 * three bytes each in UTF-8, and Linux and macOS refuse a file name over 255 bytes (ENAMETOOLONG). A name of 80 such
 * letters made a 267-byte file name (and its temp file longer still), so its statement could not be written at all,
 * and a batch stopped there: every customer after it got no statement.
 */

const today = () => new Date().toISOString().slice(0, 10);
/** A Thai company name of 80 letters (240 bytes in UTF-8), as Salesforce may hold one (Account.Name takes 255). */
const THAI = Array.from(`บริษัท ${'สยามการค้าระหว่างประเทศ'.repeat(5)} จำกัด`).slice(0, 80).join('');

let org: RunningOrg;
let app: TestCore;
let connectionId: string;
let other: string;
const printer = new ChromiumPdfPrinter();
const temp = tempDir('budgetly-statement-names-');

beforeAll(async () => {
  org = await startOrg({ invoices: 120, objects: ['Invoice'] });
  const accounts = org.control.records('Account');
  org.control.renameAccount(accounts[0]!.Id as string, THAI);
  other = accounts[1]!.Name as string;
  ({ app, connectionId } = await syncedCore(org, { pdfPrinter: printer }));
}, 120_000);

afterAll(async () => {
  await app?.dispose();
  await printer.close();
  await org?.stop();
  temp.remove();
});

describe('statement files of customers with long names', () => {
  it('a batch writes the statement of a customer whose name is 80 Thai letters, and the customers after it', async () => {
    expect(Buffer.byteLength(THAI)).toBeGreaterThan(200);
    const folder = join(temp.dir, 'many');
    execFileSync('mkdir', ['-p', folder]);
    app.folderDialog.answer = folder;
    const result = await app.call('statements.saveMany', { connectionId, customers: [THAI, other], asOf: today() });
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ folder, written: 2, total: 2, cancelled: false });
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
    const thaiFile = files.find((file) => file.startsWith('บริษัท'))!;
    expect(thaiFile).toMatch(/ - Statement \d{4}-\d{2}-\d{2}\.pdf$/);
    // A whole statement (the customer's name itself is drawn in whatever font this machine has for Thai).
    expect(pdfText(join(folder, thaiFile))).toContain('Statement');
  });

  it('Open (and Print) make that customer’s statement too', async () => {
    const opened = await app.call('statements.save', { connectionId, customer: THAI, asOf: today(), how: 'open' });
    expect(opened.error).toBeUndefined();
    expect(app.shell.openedPaths).toContain(opened.value.path);
  });
});
