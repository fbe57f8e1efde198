import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgInvoice } from './expected';
import { expectView } from './view-assertions';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { renderedNumbers, waitForVisibleCount } from './workspace-driver';

/**
 * The chase: a customer quotes an amount on the phone; the accountant types it as they write amounts
 * (German on a German computer, then English), finds the invoice, opens it with Enter, clears with Escape.
 * The hits are checked against the org's own records (expected.ts), not the app's parser.
 */
describe('searching invoices by amount, as typed in the user’s language', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  const byInvoiceDateDesc = { key: 'invoiceDate', desc: true } as const;
  const search = () => w.page.getByTestId('search');
  const panel = () => w.page.getByTestId('detail-panel');
  /** Amounts with grouping and cents, so the separators matter. */
  const grouped = (x: number | null): x is number => x !== null && Math.abs(x) >= 1000 && Math.round(x * 100) % 100 !== 0;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 2000 }, harness: { locale: 'de-DE' } });
    invoices = w.invoices();
  });
  afterAll(async () => w?.close());

  it('finds an invoice by its total written the German way, opens the first hit with Enter, clears with Escape, then closes with Escape', async () => {
    const invoice = invoices.find((i) => grouped(i.total))!;
    const amount = invoice.total!;
    const german = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, useGrouping: 'always' }).format(amount); // 9.536,86
    expect(german).toMatch(/^\d{1,3}(\.\d{3})+,\d\d$/);
    await search().fill(german);
    const hits = await expectView(w.page, invoices, { search: german, amount }, byInvoiceDateDesc);
    expect(hits.map((i) => i.id)).toContain(invoice.id);
    // Without the grouping, and with the currency symbol after it, as a German writes it: the same hits.
    await search().fill(`${german.replace(/\./g, '')} €`);
    await expectView(w.page, invoices, { search: `${german.replace(/\./g, '')} €`, amount }, byInvoiceDateDesc);

    await search().press('Enter');
    await poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(`Rechnung ${hits[0]!.number}`);
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('invoice-search');
    await w.harness.screenshot('amount-search-de-open');

    await search().press('Escape');
    await poll(() => search().inputValue()).toBe('');
    await waitForVisibleCount(w.page, invoices.length);
    expect(await panel().count()).toBe(1); // the first Escape clears the search only
    await search().press('Escape');
    await poll(() => panel().count()).toBe(0);
  });

  it('keeps the text search: an invoice number is not read as an amount', async () => {
    const number = invoices[5]!.number;
    await search().fill(number);
    await expectView(w.page, invoices, { search: number }, byInvoiceDateDesc);
    await search().press('Escape');
    await waitForVisibleCount(w.page, invoices.length);
  });

  it('reads amounts the English way once the language is English, balances too', async () => {
    await w.page.getByTestId('open-settings').click();
    const dialog = w.page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-language').getByRole('radio', { name: 'English' }).check();
    await poll(() => dialog.getByRole('heading').first().textContent()).toBe('Settings');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const invoice = invoices.find((i) => grouped(i.balance) && i.balance! > 0 && i.balance !== i.total)!;
    const amount = invoice.balance!;
    const english = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(amount); // 9,536.86
    expect(english).toMatch(/^-?\d{1,3}(,\d{3})+\.\d\d$/);
    await search().fill(english);
    const hits = await expectView(w.page, invoices, { search: english, amount }, byInvoiceDateDesc);
    expect(hits.map((i) => i.id)).toContain(invoice.id);
    expect(await renderedNumbers(w.page)).toContain(invoice.number);
    // Without the grouping, with the currency's code in front: the same hits.
    const plain = `${invoice.currency} ${english.replace(/,/g, '')}`;
    await search().fill(plain);
    await expectView(w.page, invoices, { search: plain, amount }, byInvoiceDateDesc);
    // Three digits after a lone comma are a grouping in English (9,536 = 9536.00), not cents.
    const thousands = english.replace(/\.\d\d$/, '');
    await search().fill(thousands);
    await expectView(w.page, invoices, { search: thousands, amount: Number(thousands.replace(/,/g, '')) }, byInvoiceDateDesc);

    await search().fill(english);
    await expectView(w.page, invoices, { search: english, amount }, byInvoiceDateDesc);
    await search().press('Enter');
    await poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe(`Invoice ${hits[0]!.number}`);
    await search().press('Escape');
    await waitForVisibleCount(w.page, invoices.length);
    await search().press('Escape');
    await poll(() => panel().count()).toBe(0);
  });
});
