import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrencyReceivables } from '../../electron/contract';
import { runDemo } from '../../scripts/demo/run-demo';
import { expectedCurrencies, expectedFigures, summaryInMinor } from '../integration/receivables/org-ledger';
import { pdfText } from '../integration/statements/pdf-lines';
import { startOrg, type RunningOrg } from '../org';
import { expectedSummary, fromOrgRecords, type OrgInvoice } from './workspace/expected';

/**
 * `npm run demo:headless`'s run (scripts/demo/run-demo.ts, what the script runs once its flags are read; in this process,
 * so its imports and Chromium are the ones the other e2e files load) on a small multi-currency org with payments that the
 * test starts and hands it, and what it writes, against that org's own records.
 */
const orgOptions = { seed: 7, invoices: 300, multiCurrency: true };

interface Summary {
  asOf: string;
  invoicesShown: number;
  perCurrency: { currency: string; count: number; total: number; balance: number }[];
  receivables: (CurrencyReceivables & Record<string, unknown>)[];
  invoicePdf: { number: string; file: string | null };
  statementPdf: { customer: string; file: string | null };
  timeline: { number: string; partlyPaid: number; applications: number };
  steps: { name: string; screenshot: string }[];
}

/** A PNG's size, once its chunks are read and its pixels inflate to exactly that many rows of that many pixels (else it throws). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error(`${file}: not a PNG`);
  const data: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error(`${file}: no IHDR`);
  const [width, height, depth, colour] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8]!, header[9]!];
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colour as 0 | 2 | 4 | 6];
  if (!channels) throw new Error(`${file}: colour type ${colour}`);
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== height * (1 + Math.ceil((width * channels * depth) / 8))) throw new Error(`${file}: ${pixels.length} bytes of pixels for ${width}×${height}`);
  return { width, height };
}

let org: RunningOrg;
let out: string;
let summary: Summary;
let invoices: OrgInvoice[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'budgetly-demo-'));
  org = await startOrg(orgOptions);
  invoices = fromOrgRecords(org.control.records('Invoice'));
  await runDemo({ out, orgOptions, orgs: 1, showIn: 'own', basis: 'invoice-date', theme: 'light' }, org);
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
});

afterAll(async () => {
  await org?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('npm run demo:headless (a small multi-currency org with payments)', () => {
  it('shows the org’s invoices: every one, and per currency the count, total and balance of the receivables', () => {
    expect(summary.invoicesShown).toBe(invoices.length);
    expect(summary.perCurrency).toEqual(expectedSummary(invoices, summary.asOf).map(({ currency, count, total, balance }) => ({ currency, count, total, balance })));
  });

  it('writes receivables per currency as issue 13 defines them, each figure as the org’s records give it', () => {
    const currencies = [...new Set(invoices.map((i) => i.currency))].sort();
    expect(summary.receivables.map((c) => c.currency)).toEqual(currencies);
    for (const entry of summary.receivables) {
      expect(Object.keys(entry)).toEqual(expect.arrayContaining(['paymentsApplied', 'creditsApplied', 'unappliedCash', 'averageDaysToPay', 'unappliedCashReceivedLessRefunds', 'averageDaysToPayExcludingCancelled']));
    }
    // Net applied over every invoice shown; cash not applied over every payment; days to pay weighted by total (cancelled
    // invoices in, and — the accountant's figure — left out); unapplied cash of payments received, less refunds.
    const expected = expectedCurrencies(org, 'Invoice', new Set(invoices.map((i) => i.id)));
    expect(summaryInMinor(summary.receivables)).toEqual(expected);
    // Not an empty comparison: every figure is there, and each pair of figures differs somewhere on this org.
    expect(expected.every((c) => c.paymentsApplied > 0 && c.unappliedCash > 0 && c.averageDaysToPay !== null)).toBe(true);
    expect(expected.some((c) => c.creditsApplied > 0)).toBe(true);
    expect(expected.some((c) => c.averageDaysToPay !== c.averageDaysToPayExcludingCancelled)).toBe(true);
    expect(expected.some((c) => c.unappliedCash !== c.unappliedCashReceivedLessRefunds)).toBe(true);
  });

  it('screenshots the detail panel’s timeline of a partly-paid invoice, and the customer view, as real images', () => {
    const figures = expectedFigures(org, 'Invoice');
    const partly = invoices.filter((i) => {
      const f = figures.get(i.id)!;
      return f.paid > 0 && f.paid < f.total && (i.balance ?? 0) > 0;
    });
    // "Partly paid" showed the org's partly-paid invoices; the first one's timeline listed every application to it.
    expect(summary.timeline.partlyPaid).toBe(partly.length);
    const shown = partly.find((i) => i.number === summary.timeline.number);
    expect(shown, summary.timeline.number).toBeDefined();
    const applications = [...org.control.records('PaymentLineInvoice'), ...org.control.records('CreditMemoInvApplication')].filter((a) => a.InvoiceId === shown!.id);
    expect(applications.length).toBeGreaterThan(0);
    expect(summary.timeline.applications).toBe(applications.length);

    const steps = summary.steps.map((s) => s.name);
    expect(steps).toEqual(expect.arrayContaining(['detail', 'customer', 'detail-timeline']));
    for (const { screenshot } of summary.steps) {
      const { width, height } = pngSize(screenshot);
      expect(width * height).toBeGreaterThan(800 * 600);
    }
  });

  it('saves the invoice’s PDF and its customer’s statement: pdftotext shows the invoice’s number and the customer’s name', () => {
    const invoice = invoices.find((i) => i.number === summary.invoicePdf.number);
    expect(invoice, summary.invoicePdf.number).toBeDefined();
    expect(summary.invoicePdf.file).toBe(join(out, 'invoice.pdf'));
    expect(pdfText(join(out, 'invoice.pdf'))).toContain(invoice!.number);
    expect(summary.statementPdf.customer).toBe(invoice!.customer);
    expect(summary.statementPdf.file).toBe(join(out, 'statement.pdf'));
    expect(existsSync(join(out, 'statement.pdf'))).toBe(true);
    expect(pdfText(join(out, 'statement.pdf'))).toContain(invoice!.customer);
  });
});
