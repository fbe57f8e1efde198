import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { independentMinor, independentRate, orgRatesOf } from '../../support/independent-conversion';
import { ChromiumPdfPrinter } from '../../support/chromium-pdf-printer';
import type { TestCore } from '../../support/test-core';
import { syncedCore } from '../../support/synced-core';
import { tempDir } from '../../support/test-ports';
import { line, pdfText } from './pdf-lines';
import { customersOf, expectedStatement } from './statement-expected';

/**
 * Customer statements (issue #15) as real PDFs: the core's template printed by Chromium (the engine Electron's
 * printToPDF is), read back with pdftotext and compared with an independent computation over the org's records.
 */

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const usd = (currency: string, amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);

const HOSTILE = '<script>alert("x")</script> ../../etc\\passwd';

let org: RunningOrg;
let app: TestCore;
let connectionId: string;
const printer = new ChromiumPdfPrinter();
/** Called after each printed page (the cancel test stops the batch from here). */
let afterPrint: (() => Promise<void>) | null = null;
const temp = tempDir('budgetly-statements-');
let customers: string[];
let twins: [string, string];
let twinName: string;

beforeAll(async () => {
  org = await startOrg({ invoices: 600, objects: ['Invoice'], multiCurrency: true, datedRates: true });
  const accounts = org.control.records('Account');
  // Customer names come from Salesforce: anything, markup and path tricks included.
  org.control.renameAccount(accounts[0]!.Id as string, HOSTILE);
  org.control.renameAccount(accounts[1]!.Id as string, 'CON');
  org.control.renameAccount(accounts[2]!.Id as string, 'con');
  // Two accounts of one name (the statement must not mix them): the two most-invoiced accounts after the first three.
  const counts = new Map<string, number>();
  for (const invoice of org.control.records('Invoice')) counts.set(invoice.BillingAccountId as string, (counts.get(invoice.BillingAccountId as string) ?? 0) + 1);
  const spare = [...counts.entries()].filter(([id]) => !accounts.slice(0, 3).some((a) => a.Id === id)).sort((a, b) => b[1] - a[1]);
  twins = [spare[0]![0], spare[1]![0]];
  twinName = accounts.find((a) => a.Id === twins[0])!.Name as string;
  org.control.renameAccount(twins[1], twinName);
  customers = customersOf(org);
  ({ app, connectionId } = await syncedCore(org, {
    pdfPrinter: {
      print: async (html) => {
        const bytes = await printer.print(html);
        await afterPrint?.();
        return bytes;
      },
    },
  }));
}, 120_000);

afterAll(async () => {
  await app?.dispose();
  await printer.close();
  await org?.stop();
  temp.remove();
});

async function statementOf(customer: string, asOf: string, file: string, period?: { from: string; to: string }, account?: string): Promise<string> {
  app.saveDialog.answer = join(temp.dir, file);
  const saved = await app.call('statements.save', { connectionId, customer, asOf, how: 'save', ...(period ? { period } : {}), ...(account ? { account } : {}) });
  expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
  expect(saved.value.path).toBe(join(temp.dir, file));
  return pdfText(saved.value.path);
}

describe('a statement of account', () => {
  it('lists every open invoice as of the day with its balance and days overdue, the aging and the totals per currency', async () => {
    const asOf = daysAgo(20);
    const customer = customers.find((c) => c !== HOSTILE && c.toLowerCase() !== 'con')!;
    const expected = expectedStatement(org, customer, asOf);
    expect(expected.invoices.length).toBeGreaterThan(2);
    expect(expected.invoices.some((i) => i.daysOverdue > 0)).toBe(true);
    await app.call('settings.set', { firmName: 'Müller & Söhne <GmbH>' });
    const pdf = await statementOf(customer, asOf, 'one.pdf');
    expect(pdf).toContain('Statement of account');
    expect(pdf).toContain('Müller & Söhne <GmbH>');
    expect(pdf).toContain(customer);
    expect(pdf).toContain(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${asOf}T00:00:00Z`)));
    for (const invoice of expected.invoices) {
      const cells = [invoice.number, usd(invoice.currency, invoice.balance)];
      if (invoice.daysOverdue > 0) cells.push(String(invoice.daysOverdue));
      expect(line(pdf, ...cells), `${cells.join(' … ')}\n${pdf}`).toBe(true);
    }
    // No other invoice number is listed.
    const listed = pdf.match(/INV-\d+/g) ?? [];
    expect(new Set(listed)).toEqual(new Set(expected.invoices.map((i) => i.number)));
    for (const [currency, sums] of expected.currencies) {
      const cells = [currency, String(sums.count), ...sums.buckets.map((b) => usd(currency, b / 1000)), usd(currency, sums.total / 1000)];
      expect(line(pdf, ...cells), `${cells.join(' … ')}\n${pdf}`).toBe(true);
    }
  });

  it('two accounts of one name are two statements: with the account id, each lists its own invoices and no other', async () => {
    const asOf = daysAgo(20);
    const numbers: string[][] = [];
    for (const [n, account] of twins.entries()) {
      const expected = expectedStatement(org, twinName, asOf, account);
      expect(expected.invoices.length).toBeGreaterThan(0);
      const pdf = await statementOf(twinName, asOf, `twin-${n}.pdf`, undefined, account);
      expect(pdf).toContain(twinName);
      const listed = pdf.match(/INV-\d+/g) ?? [];
      expect(new Set(listed)).toEqual(new Set(expected.invoices.map((i) => i.number)));
      for (const [currency, sums] of expected.currencies) {
        const cells = [currency, String(sums.count), ...sums.buckets.map((b) => usd(currency, b / 1000)), usd(currency, sums.total / 1000)];
        expect(line(pdf, ...cells), `${cells.join(' … ')}\n${pdf}`).toBe(true);
      }
      numbers.push(listed);
    }
    expect(numbers[0]!.some((x) => numbers[1]!.includes(x))).toBe(false);
  });

  it('gives the totals in the corporate currency at the rates of the as-of day, and says each rate and its date', async () => {
    const asOf = daysAgo(20);
    const rates = orgRatesOf((object) => org.control.records(object), true);
    const corporate = rates.currencies.find((c) => c.corporate)!;
    // A customer with invoices in another currency than the corporate one.
    const customer = customers.find((c) => [...expectedStatement(org, c, asOf).currencies.keys()].some((x) => x !== corporate.isoCode))!;
    const expected = expectedStatement(org, customer, asOf);
    const decimals = corporate.decimals ?? 2;
    let minor = 0;
    for (const invoice of expected.invoices) minor += independentMinor(invoice.balance, independentRate(rates, invoice.currency, asOf)!, decimals);
    const pdf = await statementOf(customer, asOf, 'corporate.pdf');
    expect(pdf).toContain(`Total in ${corporate.isoCode}`);
    expect(pdf).toContain(usd(corporate.isoCode, minor / 10 ** decimals));
    for (const currency of expected.currencies.keys()) {
      if (currency === corporate.isoCode) continue;
      const rate = independentRate(rates, currency, asOf)!;
      expect(pdf).toMatch(new RegExp(`${currency} converted at ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(rate).replace('.', '\\.')} per ${corporate.isoCode} \\(rate from`));
    }
  });

  it('lists the payments received in the period, with reference, amount, applied and unapplied', async () => {
    const from = daysAgo(200);
    const to = daysAgo(10);
    const customer = customers.find((c) => org.control.records('Payment').filter((p) => (p.Account as { Name: string }).Name === c && String(p.Date).slice(0, 10) >= from && String(p.Date).slice(0, 10) <= to).length >= 2)!;
    const payments = org.control.records('Payment').filter((p) => (p.Account as { Name: string }).Name === customer);
    const pdf = await statementOf(customer, daysAgo(0), 'payments.pdf', { from, to });
    expect(pdf).toContain('Payments received');
    for (const payment of payments) {
      const day = String(payment.Date).slice(0, 10);
      const shown = pdf.includes(String(payment.PaymentNumber));
      expect(shown, `${payment.PaymentNumber} on ${day}`).toBe(day >= from && day <= to);
      if (shown) expect(line(pdf, String(payment.PaymentNumber), usd(String(payment.CurrencyIsoCode), payment.Amount as number))).toBe(true);
    }
  });

  it('says plainly that nothing is open for a customer without open invoices on the day', async () => {
    const pdf = await statementOf(customers[3]!, '2020-01-01', 'empty.pdf');
    expect(pdf).toContain('Nothing is open: no invoice had a balance on Jan 1, 2020.');
    expect(pdf).not.toMatch(/INV-\d+/);
  });

  it('prints a hostile customer name as text, and Open writes to a temporary folder and opens that file only', async () => {
    const opened = await app.call('statements.save', { connectionId, customer: HOSTILE, asOf: daysAgo(0), how: 'open' });
    expect(opened.ok, JSON.stringify(opened.error)).toBe(true);
    const path = opened.value.path as string;
    expect(app.shell.openedPaths).toContain(path);
    expect(path.startsWith(temp.dir)).toBe(false);
    expect(path).not.toContain('<');
    expect(pdfText(path)).toContain(HOSTILE);
    // The renderer cannot open any other path through the export door.
    const other = await app.call('invoices.openExport', { path: join(temp.dir, 'evil.pdf'), how: 'open' });
    expect(other.error?.code).toBe('FORBIDDEN');
  });

  it('is written in German when the app speaks German', async () => {
    await app.call('settings.set', { language: 'de' });
    try {
      const pdf = await statementOf(customers[4]!, daysAgo(20), 'de.pdf');
      for (const word of ['Kontoauszug', 'Stichtag', 'Offene Rechnungen', 'Fälligkeit', 'Saldo', 'Tage überfällig', 'Summen je Währung']) expect(pdf).toContain(word);
    } finally {
      await app.call('settings.set', { language: 'en' });
    }
  });

  it('refuses the invoices without a customer, and a period that ends before it starts', async () => {
    const none = await app.call('statements.save', { connectionId, customer: '\u0000no customer', asOf: daysAgo(0), how: 'save' });
    expect(none.error?.code).toBe('INVALID_INPUT');
    const backwards = await app.call('statements.save', { connectionId, customer: customers[0], asOf: daysAgo(0), how: 'save', period: { from: daysAgo(1), to: daysAgo(5) } });
    expect(backwards.error?.code).toBe('INVALID_INPUT');
  });
});

describe('statements for many customers', () => {
  it('writes one PDF per customer into the folder, names made safe and numbered, with progress', async () => {
    const folder = join(temp.dir, 'many');
    execFileSync('mkdir', ['-p', folder]);
    app.folderDialog.answer = folder;
    const asked = [HOSTILE, 'CON', 'con', customers.find((c) => c !== HOSTILE && c.toLowerCase() !== 'con')!];
    const before = app.events.of('statements.progress').length;
    const result = await app.call('statements.saveMany', { connectionId, customers: asked, asOf: daysAgo(0) });
    expect(result.value).toEqual({ folder, written: 4, total: 4, cancelled: false });
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(4);
    for (const file of files) expect(file).toMatch(/^[^/\\<>:"|?*]+\.pdf$/);
    expect(files).toContain(`_CON - Statement ${daysAgo(0)}.pdf`);
    expect(files).toContain(`_con (2) - Statement ${daysAgo(0)}.pdf`);
    const hostileFile = files.find((f) => f.includes('script'))!;
    expect(pdfText(join(folder, hostileFile))).toContain(HOSTILE);
    expect(app.events.of('statements.progress').slice(before).map((p) => p.written)).toEqual([0, 1, 2, 3, 4]);
  });

  it('two accounts of one name: two files, numbered, each with its own account’s invoices', async () => {
    const folder = join(temp.dir, 'twins');
    execFileSync('mkdir', ['-p', folder]);
    app.folderDialog.answer = folder;
    const result = await app.call('statements.saveMany', { connectionId, customers: twins.map((account) => ({ name: twinName, account })), asOf: daysAgo(0) });
    expect(result.value).toMatchObject({ written: 2, total: 2 });
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    const listed = files.map((f) => new Set(pdfText(join(folder, f)).match(/INV-\d+/g) ?? []));
    const expected = twins.map((account) => new Set(expectedStatement(org, twinName, daysAgo(0), account).invoices.map((i) => i.number)));
    // Each file is one account's (in either order: both have one name).
    expect(listed[0]!.size + listed[1]!.size).toBe(expected[0]!.size + expected[1]!.size);
    for (const got of listed) expect(expected.some((want) => [...want].every((x) => got.has(x)) && want.size === got.size)).toBe(true);
  });

  it('Cancel stops after the file being written: the written ones stay whole, no partial file, and the answer says so', async () => {
    const folder = join(temp.dir, 'cancelled');
    execFileSync('mkdir', ['-p', folder]);
    app.folderDialog.answer = folder;
    let printed = 0;
    afterPrint = async () => {
      printed++;
      if (printed === 2) expect((await app.call('statements.cancel')).ok).toBe(true);
    };
    try {
      const result = await app.call('statements.saveMany', { connectionId, customers: customers.slice(0, 8), asOf: daysAgo(0) });
      expect(result.value).toEqual({ folder, written: 2, total: 8, cancelled: true });
    } finally {
      afterPrint = null;
    }
    const files = readdirSync(folder);
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file.endsWith('.pdf')).toBe(true);
      expect(pdfText(join(folder, file))).toContain('Statement of account');
    }
    expect(printed).toBe(2);
  });

  it('a second batch asked while one runs is refused: one batch at a time, one Cancel for it', async () => {
    const folder = join(temp.dir, 'twice');
    execFileSync('mkdir', ['-p', folder]);
    app.folderDialog.answer = folder;
    const [first, second] = await Promise.all([
      app.call('statements.saveMany', { connectionId, customers: customers.slice(0, 2), asOf: daysAgo(0) }),
      app.call('statements.saveMany', { connectionId, customers: customers.slice(2, 4), asOf: daysAgo(0) }),
    ]);
    expect(first.value).toEqual({ folder, written: 2, total: 2, cancelled: false });
    expect(second.error?.code).toBe('FORBIDDEN');
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('cancelling the folder dialog writes nothing', async () => {
    app.folderDialog.answer = null;
    const result = await app.call('statements.saveMany', { connectionId, customers: customers.slice(0, 2), asOf: daysAgo(0) });
    expect(result.value).toEqual({ folder: null, written: 0, total: 2, cancelled: false });
    expect(existsSync(join(temp.dir, 'none'))).toBe(false);
  });
});
