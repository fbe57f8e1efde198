import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { ChromiumPdfPrinter } from '../../support/chromium-pdf-printer';
import type { TestCore } from '../../support/test-core';
import { syncedCore } from '../../support/synced-core';
import { tempDir } from '../../support/test-ports';
import { line, pdfText } from './pdf-lines';
import type { CustomerLedger, InvoiceReceivables } from '../../../electron/contract';
import { creditNoteApplications, creditNotesLeft, expectedLedger, minor, received } from '../receivables/org-ledger';

/**
 * A Salesforce Billing customer's statement lists the refunds of their credit notes made in the period (issue 13): read back
 * from the printed PDF with pdftotext and compared with the org's own records (blng__RefundLineCreditNoteLine__c →
 * blng__CreditNoteLine__c → blng__CreditNote__c of the account), not with the app's code.
 */

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const usd = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
const dateOf = (day: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

let org: RunningOrg;
let app: TestCore;
let connectionId: string;
const printer = new ChromiumPdfPrinter();
const temp = tempDir('budgetly-credit-refunds-');
let account: string;
let customer: string;
let noteId: string;

/** Σ of a credit note's allocations net of unallocations, over every invoice (org's records, minor units). */
const netApplied = (id: string) => [...(creditNoteApplications(org).get(id)?.values() ?? [])].reduce((sum, net) => sum + net, 0);

/**
 * The account's credit note refunds that pay money back (Posted, positive), from the org's records: date, credit note number,
 * signed amount — of every credit note of the account that is credit issued (not Draft or Canceled), applied to an invoice or
 * not: a refund is money paid out to the customer (Billing refunds a credit note from its available balance).
 */
function expectedRefunds(from: string, to: string, of = account): { day: string; note: string; amount: number }[] {
  const notes = new Map(
    org.control.records('blng__CreditNote__c')
      .filter((c) => c.blng__Account__c === of && received(c, 'blng__Status__c'))
      .map((c) => [c.Id as string, c.Name as string]),
  );
  const noteOfLine = new Map(org.control.records('blng__CreditNoteLine__c').map((l) => [l.Id as string, l.blng__CreditNote__c as string]));
  const out: { day: string; note: string; amount: number }[] = [];
  for (const refund of org.control.records('blng__RefundLineCreditNoteLine__c')) {
    const note = notes.get(noteOfLine.get(refund.blng__CreditNoteLine__c as string) ?? '');
    const day = String(refund.CreatedDate).slice(0, 10);
    if (!note || refund.blng__Status__c !== 'Posted' || !((refund.blng__Amount__c as number) > 0) || day < from || day > to) continue;
    out.push({ day, note, amount: (refund.blng__Type__c === 'Unallocation' ? -1 : 1) * (refund.blng__Amount__c as number) });
  }
  return out;
}

beforeAll(async () => {
  org = await startOrg({ invoices: 400, objects: ['blng__Invoice__c'], unappliedShare: 0.5 });
  // A credit note applied to an invoice with something left to apply, not refunded yet: 2.00 of it refunded today.
  [noteId] = [...creditNotesLeft(org)].find(([id, c]) => c.unapplied >= 300 && c.refunded === 0 && c.currency === 'USD' && netApplied(id) > 0)!;
  account = org.control.records('blng__CreditNote__c').find((c) => c.Id === noteId)!.blng__Account__c as string;
  customer = org.control.records('Account').find((a) => a.Id === account)!.Name as string;
  org.control.issueCreditNoteRefund(noteId, 2);
  ({ app, connectionId } = await syncedCore(org, { pdfPrinter: { print: (html) => printer.print(html) } }));
}, 120_000);

afterAll(async () => {
  await app?.dispose();
  await printer.close();
  await org?.stop();
  temp.remove();
});

async function statementOf(file: string, period?: { from: string; to: string }, who = { customer, account }, asOf = daysAgo(0)): Promise<string> {
  app.saveDialog.answer = join(temp.dir, file);
  const saved = await app.call('statements.save', { connectionId, ...who, asOf, how: 'save', ...(period ? { period } : {}) });
  expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
  return pdfText(saved.value.path);
}

describe('a Billing statement with credit note refunds (issue 13)', () => {
  it('lists the refunds of the customer’s credit notes made in the period: date, credit note, amount — and says they change no invoice', async () => {
    const period = { from: daysAgo(400), to: daysAgo(0) };
    const expected = expectedRefunds(period.from, period.to);
    const note = org.control.records('blng__CreditNote__c').find((c) => c.Id === noteId)!.Name as string;
    expect(expected).toContainEqual({ day: daysAgo(0), note, amount: 2 });
    const pdf = await statementOf('refunds.pdf', period);
    expect(pdf).toContain(`Credit notes refunded to you ${dateOf(period.from)} – ${dateOf(period.to)}`);
    expect(pdf.replace(/\s+/g, ' ')).toContain('refunds change no invoice’s balance');
    for (const refund of expected) expect(line(pdf, dateOf(refund.day), refund.note, usd(refund.amount)), `${refund.day} ${refund.note} ${refund.amount}\n${pdf}`).toBe(true);
    // The only credit note numbers on the statement are those of the refunds listed.
    expect(new Set(pdf.match(/CN-\d+/g) ?? [])).toEqual(new Set(expected.map((r) => r.note)));
  });

  it('lists none outside the period, and no section without a period (as the payments received)', async () => {
    const before = await statementOf('before.pdf', { from: '2001-01-01', to: '2001-12-31' });
    expect(before).not.toContain('Credit notes refunded to you');
    const none = await statementOf('none.pdf');
    expect(none).not.toContain('Credit notes refunded to you');
    expect(none).not.toMatch(/CN-\d+/);
  });

  it('payments hidden from the user (FLS/profile): the statement says payments could not be read and still lists the credit notes refunded; their refund lines hidden too: it says that as well', async () => {
    const period = { from: daysAgo(400), to: daysAgo(0) };
    const flat = (pdf: string) => pdf.replace(/\s+/g, ' ');
    const sync = async () => {
      const synced = await app.call('invoices.sync', { connectionId, mode: 'full' });
      expect(synced.ok, JSON.stringify(synced.error)).toBe(true);
    };
    // A debit note of the customer, still open: owed besides the invoices whether or not the payments can be read.
    const debitNoteId = org.control.issueDebitNote(account, 7);
    const debitNote = org.control.records('blng__DebitNote__c').find((d) => d.Id === debitNoteId)!;
    expect(debitNote.blng__Balance__c).toBe(7);
    try {
      org.control.setObjectHidden('blng__Payment__c', true);
      await sync();
      const paymentsHidden = await statementOf('payments-hidden.pdf', period);
      expect(flat(paymentsHidden)).toContain('Payments received are not listed: some payment or credit objects are not in this org or cannot be read with your Salesforce access.');
      // The open debit notes are still listed (they were dropped unsaid with the payments hidden: reviewB low).
      expect(paymentsHidden).toContain('Debit notes still open');
      expect(line(paymentsHidden, dateOf(daysAgo(0)), String(debitNote.Name), usd(7), usd(7)), paymentsHidden).toBe(true);
      expect(paymentsHidden).not.toContain('not synced for this org');
      // The credit note refunds, read: listed as the org's records give them.
      const expected = expectedRefunds(period.from, period.to);
      expect(expected.length).toBeGreaterThan(0);
      expect(paymentsHidden).toContain(`Credit notes refunded to you ${dateOf(period.from)} – ${dateOf(period.to)}`);
      for (const refund of expected) expect(line(paymentsHidden, dateOf(refund.day), refund.note, usd(refund.amount)), `${refund.day} ${refund.note}\n${paymentsHidden}`).toBe(true);

      org.control.setObjectHidden('blng__RefundLineCreditNoteLine__c', true);
      await sync();
      const bothHidden = flat(await statementOf('both-hidden.pdf', period));
      expect(bothHidden).toContain('Payments received are not listed');
      expect(bothHidden).toContain('Credit notes refunded are not listed: the credit notes, their lines or refund lines are not in this org or cannot be read with your Salesforce access.');
      expect(bothHidden).not.toMatch(/CN-\d+/);
    } finally {
      org.control.setObjectHidden('blng__Payment__c', false);
      org.control.setObjectHidden('blng__RefundLineCreditNoteLine__c', false);
      await sync();
    }
    // Readable again: the payments are listed (no note in their place).
    expect(flat(await statementOf('readable.pdf', period))).not.toContain('are not listed');
  });

  it('a credit note whose applications are all taken back after its refund: the refund leaves the invoice’s timeline, stays on the statement (money paid back to the customer) and with the credit note in the customer view; the arithmetic still adds up', async () => {
    const period = { from: daysAgo(400), to: daysAgo(0) };
    const note = org.control.records('blng__CreditNote__c').find((c) => c.Id === noteId)!.Name as string;
    const applied = [...creditNoteApplications(org).get(noteId)!].filter(([, net]) => net > 0).map(([invoice]) => invoice);
    expect(applied.length).toBeGreaterThan(0);
    const timeline = async (invoice: string) => (await app.call('invoices.receivables', { connectionId, id: invoice })).value as InvoiceReceivables;
    const refundOnTimeline = async (invoice: string) => (await timeline(invoice)).entries.some((e) => e.kind === 'refund' && e.sourceId === noteId);
    // Before: the refund is on the timeline of every invoice the credit note is applied to, and on the statement.
    for (const invoice of applied) expect(await refundOnTimeline(invoice), invoice).toBe(true);
    expect(line(await statementOf('applied.pdf', period), dateOf(daysAgo(0)), note, usd(2))).toBe(true);

    // Every allocation of the credit note taken back in Salesforce (an Unallocation each; one already taken back is refused).
    for (const allocation of org.control.records('blng__CreditNoteAllocation__c')) {
      if (allocation.blng__CreditNote__c !== noteId || allocation.blng__Type__c !== 'Allocation') continue;
      try {
        org.control.reverseApplication(allocation.Id as string);
      } catch (error) {
        expect(String(error)).toMatch(/cannot be reversed/);
      }
    }
    expect(netApplied(noteId)).toBe(0);
    const synced = await app.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(synced.ok, JSON.stringify(synced.error)).toBe(true);

    // The invoices: the refund is no longer listed; the arithmetic reaches Salesforce's balance as the org's records say.
    const ledger = expectedLedger(org, 'blng__Invoice__c');
    for (const invoice of applied) {
      const got = await timeline(invoice);
      expect(got.entries.some((e) => e.kind === 'refund' && e.sourceId === noteId), invoice).toBe(false);
      const a = got.arithmetic;
      const c = got.currency;
      expect(minor(a.total!, c) - minor(a.payments, c) - minor(a.credits, c)).toBe(minor(a.computedBalance!, c));
      expect(minor(a.credits, c)).toBe(ledger.get(invoice)!.credits);
      expect(minor(a.difference!, c)).toBe(ledger.get(invoice)!.difference);
    }
    // The statement: the refund is still listed — the money was paid back to the customer whatever the note is applied to now —,
    // and every refund it lists is one the org's records give.
    const pdf = await statementOf('taken-back.pdf', period);
    const expected = expectedRefunds(period.from, period.to);
    expect(expected).toContainEqual({ day: daysAgo(0), note, amount: 2 });
    expect(new Set(pdf.match(/CN-\d+/g) ?? [])).toEqual(new Set(expected.map((r) => r.note)));
    for (const refund of expected) expect(line(pdf, dateOf(refund.day), refund.note, usd(refund.amount)), `${refund.day} ${refund.note}\n${pdf}`).toBe(true);
    // The customer view: the credit note, wholly unapplied again, with its refund.
    const customerLedger = (await app.call('invoices.customer', { connectionId, customer, account })).value as CustomerLedger;
    const left = creditNotesLeft(org).get(noteId)!;
    expect(customerLedger.credits.find((c) => c.id === noteId)).toMatchObject({ applied: 0, refunded: 2, unapplied: left.unapplied / 100 });
  });
  it('Billing’s usual path — allocated, unallocated, then refunded from the available balance: the refund is on the customer’s statement, on no invoice’s timeline, and in the customer view', async () => {
    const period = { from: daysAgo(400), to: daysAgo(0) };
    // Another credit note of a customer, applied to an invoice, never refunded.
    const [otherId] = [...creditNotesLeft(org)].find(([id, c]) => id !== noteId && c.refunded === 0 && c.currency === 'USD' && netApplied(id) >= 300)!;
    const record = org.control.records('blng__CreditNote__c').find((c) => c.Id === otherId)!;
    const who = { customer: org.control.records('Account').find((a) => a.Id === record.blng__Account__c)!.Name as string, account: record.blng__Account__c as string };
    const applied = [...creditNoteApplications(org).get(otherId)!].filter(([, net]) => net > 0).map(([invoice]) => invoice);
    for (const allocation of org.control.records('blng__CreditNoteAllocation__c')) {
      if (allocation.blng__CreditNote__c !== otherId || allocation.blng__Type__c !== 'Allocation') continue;
      try {
        org.control.reverseApplication(allocation.Id as string);
      } catch (error) {
        expect(String(error)).toMatch(/cannot be reversed/);
      }
    }
    expect(netApplied(otherId)).toBe(0);
    // Refunded from what is now available (the org refuses more than the note's rest).
    org.control.issueCreditNoteRefund(otherId, 3);
    const synced = await app.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(synced.ok, JSON.stringify(synced.error)).toBe(true);

    const expected = expectedRefunds(period.from, period.to, who.account);
    expect(expected).toContainEqual({ day: daysAgo(0), note: record.Name as string, amount: 3 });
    const pdf = await statementOf('unallocated-then-refunded.pdf', period, who);
    for (const refund of expected) expect(line(pdf, dateOf(refund.day), refund.note, usd(refund.amount)), `${refund.day} ${refund.note} ${refund.amount}\n${pdf}`).toBe(true);
    expect(new Set(pdf.match(/CN-\d+/g) ?? [])).toEqual(new Set(expected.map((r) => r.note)));
    for (const invoice of applied) {
      const got = (await app.call('invoices.receivables', { connectionId, id: invoice })).value as InvoiceReceivables;
      expect(got.entries.some((e) => e.kind === 'refund' && e.sourceId === otherId), invoice).toBe(false);
    }
    const customerLedger = (await app.call('invoices.customer', { connectionId, ...who })).value as CustomerLedger;
    expect(customerLedger.credits.find((c) => c.id === otherId)).toMatchObject({ applied: 0, refunded: 3, unapplied: creditNotesLeft(org).get(otherId)!.unapplied / 100 });
  });

  it('a past period’s statement does not change after the fact: a later unallocation of a refunded credit note leaves its refund on a statement as of before it', async () => {
    // A credit note with a refund made before yesterday, still applied to an invoice (the org's seeded records).
    const yesterday = daysAgo(1);
    const noteOfLine = new Map(org.control.records('blng__CreditNoteLine__c').map((l) => [l.Id as string, l.blng__CreditNote__c as string]));
    const refundedBefore = new Set(
      org.control.records('blng__RefundLineCreditNoteLine__c')
        .filter((l) => l.blng__Status__c === 'Posted' && l.blng__Type__c !== 'Unallocation' && String(l.CreatedDate).slice(0, 10) < yesterday)
        .map((l) => noteOfLine.get(l.blng__CreditNoteLine__c as string)),
    );
    const record = org.control.records('blng__CreditNote__c').find((c) => refundedBefore.has(c.Id as string) && received(c, 'blng__Status__c') && netApplied(c.Id as string) > 0)!;
    expect(record).toBeDefined();
    const who = { customer: org.control.records('Account').find((a) => a.Id === record.blng__Account__c)!.Name as string, account: record.blng__Account__c as string };
    const period = { from: daysAgo(400), to: yesterday };
    const refundLines = (pdf: string) => pdf.split('\n').filter((l) => /CN-\d+/.test(l)).map((l) => l.trim().replace(/\s+/g, ' '));
    const before = refundLines(await statementOf('past-before.pdf', period, who, yesterday));
    const expected = expectedRefunds(period.from, period.to, who.account);
    expect(expected.some((r) => r.note === record.Name)).toBe(true);
    expect(before.length).toBe(expected.length);
    for (const allocation of org.control.records('blng__CreditNoteAllocation__c')) {
      if (allocation.blng__CreditNote__c !== record.Id || allocation.blng__Type__c !== 'Allocation') continue;
      try {
        org.control.reverseApplication(allocation.Id as string);
      } catch (error) {
        expect(String(error)).toMatch(/cannot be reversed/);
      }
    }
    expect(netApplied(record.Id as string)).toBe(0);
    const synced = await app.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(synced.ok, JSON.stringify(synced.error)).toBe(true);
    // Taken back today: the statement as of yesterday says what it said yesterday, line for line.
    expect(refundLines(await statementOf('past-after.pdf', period, who, yesterday))).toEqual(before);
  });
});
