import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../electron/contract';
import type { CatalogueT } from '../../../electron/contract/i18n/catalogue';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { englishT } from '../../../electron/core/policy/policy-text';
import { escapeHtml } from '../../../electron/core/statements/html-escape';
import { statementFacts, type StatementInput } from '../../../electron/core/statements/statement-facts';
import { statementFormat } from '../../../electron/core/statements/statement-format';
import { statementHtml } from '../../../electron/core/statements/statement-html';
import { safeStem, StatementNames } from '../../../electron/core/statements/statement-file-name';
import { printToPdfOptions, printWindowOptions } from '../../../electron/main/print-window-options';
import { row } from '../renderer/invoice-fixtures';

const input = (rows: InvoiceListRow[], over: Partial<StatementInput> = {}): StatementInput => ({
  customer: 'Acme', asOf: '2026-03-31', rows, balancesAsOf: true, statusKinds: { Posted: 'posted', Draft: 'draft', Cancelled: 'cancelled' },
  basis: 'dueDate', conversion: null, ledger: null, period: null, ...over,
});

describe('statement facts', () => {
  it('by currency, then due date: keeps the customer’s posted invoices open on the day: drafts, cancelled, paid, later-dated and other customers’ are left out', () => {
    const facts = statementFacts(input([
      row({ number: 'A', dueDate: '2026-03-31' }),
      row({ number: 'B', dueDate: '2026-02-28', balance: 40 }),
      row({ number: 'C', status: 'Draft' }),
      row({ number: 'D', status: 'Cancelled' }),
      row({ number: 'E', balance: 0 }),
      row({ number: 'F', invoiceDate: '2026-04-01' }),
      row({ number: 'G', customer: 'Other' }),
      row({ number: 'H', dueDate: '2025-12-01', balance: 0.001, currency: 'KWD' }),
    ]));
    expect(facts.invoices.map((i) => [i.number, i.daysOverdue])).toEqual([['H', 120], ['B', 31], ['A', 0]]);
    expect(facts.currencies).toEqual([
      { currency: 'KWD', count: 1, aging: [0, 0, 0, 0, 0.001], total: 0.001 },
      { currency: 'USD', count: 2, aging: [100, 0, 40, 0, 0], total: 140 },
    ]);
  });

  it('with the account id, the statement is that account’s: not another account of the same name, and its invoices synced under an older name', () => {
    const rows = [
      row({ number: 'A1', customerId: '001A' }),
      row({ number: 'A2', customer: 'Acme (old name)', customerId: '001A', balance: 40 }),
      row({ number: 'B1', customerId: '001B', balance: 7 }),
    ];
    expect(statementFacts(input(rows, { account: '001A' })).invoices.map((i) => i.number).sort()).toEqual(['A1', 'A2']);
    expect(statementFacts(input(rows, { account: '001B' })).invoices.map((i) => i.number)).toEqual(['B1']);
    // Without an id (a copy from before the ids): by name, both accounts called Acme.
    expect(statementFacts(input(rows)).invoices.map((i) => i.number).sort()).toEqual(['A1', 'B1']);
  });

  it('sums in thousandths: 0.1 + 0.2 is 0.3 exactly', () => {
    const facts = statementFacts(input([row({ balance: 0.1 }), row({ balance: 0.2 })]));
    expect(facts.currencies[0]!.total).toBe(0.3);
  });

  it('lists the payments of the period only, oldest first, and says when payments are not synced', () => {
    const payment = (number: string, date: string) => ({ id: 'a01000000000001', number, date, status: null, method: 'Card', currency: 'USD', amount: 10, applied: 6, unapplied: 4 });
    const ledger = { customer: 'Acme', available: true, note: null, accounts: 1, payments: [payment('P3', '2026-04-02'), payment('P2', '2026-03-15'), payment('P1', '2026-03-01'), payment('P0', '2026-02-28')], credits: [], unapplied: [], warnings: [] };
    const facts = statementFacts(input([], { ledger, period: { from: '2026-03-01', to: '2026-03-31' } }));
    expect(facts.payments).toMatchObject({ state: 'listed', payments: [{ reference: 'P1' }, { reference: 'P2' }] });
    expect(statementFacts(input([], { ledger: { ...ledger, available: false, note: 'custom object' }, period: { from: '2026-03-01', to: '2026-03-31' } })).payments).toEqual({ state: 'unavailable', note: 'custom object' });
    expect(statementFacts(input([], { ledger })).payments).toEqual({ state: 'notAsked' });
  });

  it('lists as received only payments that were: a draft, cancelled, voided or reversed payment is not money received', () => {
    const payment = (number: string, status: string | null) => ({ id: 'a01000000000001', number, date: '2026-03-10', status, method: 'Card', currency: 'USD', amount: 10, applied: 0, unapplied: 10 });
    const statuses = ['Processed', 'Posted', null, 'Draft', 'Canceled', 'Cancelled', 'Voided', 'Reversed', 'Failed', 'Declined'];
    const ledger = { customer: 'Acme', available: true, note: null, accounts: 1, payments: statuses.map((status, i) => payment(`P${i}`, status)), credits: [], unapplied: [], warnings: [] };
    const facts = statementFacts(input([], { ledger, period: { from: '2026-03-01', to: '2026-03-31' } }));
    expect(facts.payments.state === 'listed' && facts.payments.payments.map((p) => p.reference)).toEqual(['P0', 'P1', 'P2']);
  });
});

describe('refunds and debit notes on a statement (issue 13)', () => {
  const period = { from: '2026-03-01', to: '2026-03-31' };
  const base = { customer: 'Acme', available: true, note: null, accounts: 1, credits: [], unapplied: [], warnings: [] };
  const payment = (number: string, refunded?: number) => ({
    id: 'a01000000000001', number, date: '2026-03-10', status: null, method: 'Card', currency: 'USD', amount: 100, applied: 60,
    unapplied: 40 - (refunded ?? 0), ...(refunded === undefined ? {} : { refunded }),
  });
  const debit = (number: string, date: string, balance: number) => ({ id: 'a2G000000000001', number, date, status: 'Posted', currency: 'EUR', amount: 50, balance });

  it('says what a payment’s refunds paid back, in a column of their own only when a payment listed was refunded', () => {
    const refunded = statementHtml(statementFacts(input([], { ledger: { ...base, payments: [payment('P1', 15), payment('P2')] }, period })), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(refunded).toContain('<th class="num">Refunded</th>');
    // amount 100 = applied 60 + refunded 15 + unapplied 25.
    expect(refunded).toMatch(/\$100\.00<\/td><td class="num">\$60\.00<\/td><td class="num">\$15\.00<\/td><td class="num">\$25\.00/);
    const none = statementHtml(statementFacts(input([], { ledger: { ...base, payments: [payment('P2')] }, period })), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(none).not.toContain('Refunded');
  });

  it('a payment refunded beyond what was left shows its unapplied below zero and says why (en, de)', () => {
    const over = { ...payment('P3', 50), overRefunded: true as const };
    const ledger = { ...base, payments: [over, payment('P4')] };
    const html = statementHtml(statementFacts(input([], { ledger, period })), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    // amount 100 = applied 60 + refunded 50 + unapplied −10: kept as Salesforce's records give it.
    expect(html).toMatch(/\$100\.00<\/td><td class="num">\$60\.00<\/td><td class="num">\$50\.00<\/td><td class="num">-\$10\.00/);
    expect(html).toContain('was refunded more than was left unapplied of it');
    const german = statementHtml(statementFacts(input([], { ledger, period })), { firmName: '', org: '' }, createI18n('de').getFixedT('de') as unknown as CatalogueT, statementFormat('de-DE'));
    expect(german).toContain('höher erstattet, als von ihr nicht zugeordnet war');
    const plain = statementHtml(statementFacts(input([], { ledger: { ...base, payments: [payment('P1', 15)] }, period })), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(plain).not.toContain('Refunded more than');
  });

  it('a payment applied to invoices for more than its amount shows its unapplied below zero and says why, not as a refund (en, fr)', () => {
    const over = { ...payment('P5'), applied: 120, unapplied: -20, overApplied: true as const };
    const ledger = { ...base, payments: [over] };
    const html = statementHtml(statementFacts(input([], { ledger, period })), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(html).toMatch(/\$100\.00<\/td><td class="num">\$120\.00<\/td><td class="num">-\$20\.00/);
    expect(html).toContain('was applied to invoices for more than its amount');
    expect(html).not.toContain('refunded more than');
    const french = statementHtml(statementFacts(input([], { ledger, period })), { firmName: '', org: '' }, createI18n('fr').getFixedT('fr') as unknown as CatalogueT, statementFormat('fr-FR'));
    expect(french).toContain('affecté à des factures au-delà de son montant');
  });

  it('lists the credit notes refunded in the period (Billing), a refund taken back below zero, in the user’s words; none without a period', () => {
    const refund = (id: string, date: string, amount: number) => ({ id, date, creditNoteId: 'a2C000000000001', creditNoteNumber: 'CN-7', currency: 'USD', amount });
    const creditRefunds = [refund('a2J000000000001', '2026-03-05', 20), refund('a2J000000000002', '2026-03-06', -5), refund('a2J000000000003', '2025-12-01', 7)];
    const ledger = { ...base, payments: [], creditRefunds };
    const facts = statementFacts(input([], { ledger, period }));
    expect(facts.payments).toMatchObject({ state: 'listed', creditRefunds: [{ creditNote: 'CN-7', amount: 20 }, { creditNote: 'CN-7', amount: -5 }] });
    const html = statementHtml(facts, { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(html).toContain('<h2>Credit notes refunded to you');
    expect(html).toMatch(/<td>CN-7<\/td><td class="num">\$20\.00<\/td>/);
    expect(html).toMatch(/<td>CN-7<\/td><td class="num">-\$5\.00<\/td>/);
    expect(html).not.toContain('$7.00');
    const german = statementHtml(facts, { firmName: '', org: '' }, createI18n('de').getFixedT('de') as unknown as CatalogueT, statementFormat('de-DE'));
    expect(german).toContain('Erstattete Gutschriften');
    expect(statementHtml(statementFacts(input([], { ledger })), { firmName: '', org: '' }, englishT, statementFormat('en-US'))).not.toContain('Credit notes refunded');
  });

  it('payments hidden from the user: the statement says so in their place and still lists the credit notes refunded; refund lines hidden: says that too (en, de)', () => {
    const refund = { id: 'a2J000000000001', date: '2026-03-05', creditNoteId: 'a2C000000000001', creditNoteNumber: 'CN-7', currency: 'USD', amount: 20 };
    const hidden = { ...base, available: false, note: 'Unapplied cash and credits are not shown', payments: [], creditRefunds: [refund], unreadable: ['payments' as const] };
    const facts = statementFacts(input([], { ledger: hidden, period }));
    expect(facts.payments).toMatchObject({ state: 'listed', payments: [], creditRefunds: [{ creditNote: 'CN-7', amount: 20 }], unreadable: ['payments'] });
    const html = statementHtml(facts, { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(html).toContain('Payments received are not listed: some payment or credit objects are not in this org or cannot be read with your Salesforce access.');
    expect(html).not.toContain('No payments received in this period');
    expect(html).not.toContain('not synced for this org');
    expect(html).toMatch(/<td>CN-7<\/td><td class="num">\$20\.00<\/td>/);
    const both = statementFacts(input([], { ledger: { ...hidden, creditRefunds: undefined, unreadable: ['payments' as const, 'creditRefunds' as const] }, period }));
    const german = statementHtml(both, { firmName: '', org: '' }, createI18n('de').getFixedT('de') as unknown as CatalogueT, statementFormat('de-DE'));
    expect(german).toContain('Zahlungseingänge sind nicht aufgeführt');
    expect(german).toContain('<h2>Erstattete Gutschriften');
    expect(german).toContain('Erstattete Gutschriften sind nicht aufgeführt');
    // Payments read, credit note refunds not: the payments as usual, the refunds' part says it could not be read.
    const refundsHidden = statementHtml(statementFacts(input([], { ledger: { ...base, payments: [], unreadable: ['creditRefunds' as const] }, period })), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(refundsHidden).toContain('No payments received in this period.');
    expect(refundsHidden).toContain('Credit notes refunded are not listed');
    // Nothing synced at all (a custom invoice object): said once, as before.
    expect(statementFacts(input([], { ledger: { ...base, available: false, note: 'custom object', payments: [] }, period })).payments).toEqual({ state: 'unavailable', note: 'custom object' });
  });

  it('lists the open debit notes dated up to the as-of day, oldest first, with or without a period', () => {
    const ledger = { ...base, payments: [], debitNotes: [debit('DN-2', '2026-03-20', 50), debit('DN-1', '2026-02-01', 12.5), debit('DN-3', '2026-04-02', 50)] };
    const facts = statementFacts(input([], { ledger }));
    expect(facts.debitNotes.map((d) => d.reference)).toEqual(['DN-1', 'DN-2']);
    const html = statementHtml(facts, { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(html).toContain('<h2>Debit notes still open</h2>');
    expect(html).toContain('€12.50');
    expect(html).toContain('Owed besides the invoices above');
    expect(statementHtml(statementFacts(input([], { ledger: { ...base, payments: [] } })), { firmName: '', org: '' }, englishT, statementFormat('en-US'))).not.toContain('Debit notes');
  });
});

describe('statement page', () => {
  const header = { firmName: 'Firm "&" <Co>', org: 'Org <b>' };
  it('escapes every value: a hostile customer name is text, never markup', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = statementHtml(statementFacts(input([row({ customer: hostile, number: '<b>N</b>' })], { customer: hostile })), header, englishT, statementFormat('en-US'));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Firm &#34;&#38;&#34; &#60;Co&#62;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html.match(/<script/gi)).toBeNull();
  });

  it('says plainly that nothing is open, in the user’s language and date format', () => {
    const html = statementHtml(statementFacts(input([])), { firmName: '', org: '' }, englishT, statementFormat('en-US'));
    expect(html).toContain('Nothing is open: no invoice had a balance on Mar 31, 2026.');
    expect(html).not.toContain('class="firm"');
  });

  it('escapes &, <, >, quotes and backticks', () => {
    expect(escapeHtml(`a&b<c>d"e'f\`g`)).toBe('a&#38;b&#60;c&#62;d&#34;e&#39;f&#96;g');
  });
});

describe('statement file names', () => {
  it('keep no path separator, no character Windows refuses, no reserved device name, and a length cap', () => {
    expect(safeStem('../../etc/passwd', 'Statement')).toBe('_.._etc_passwd');
    expect(safeStem('a\\b:c*d?e"f<g>h|i', 'Statement')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeStem('CON', 'S')).toBe('_CON');
    expect(safeStem('lpt1.txt', 'S')).toBe('_lpt1.txt');
    expect(safeStem('Console Ltd', 'S')).toBe('Console Ltd');
    expect(safeStem('  ..  ', 'Statement')).toBe('Statement');
    expect(safeStem('/', 'Statement')).toBe('Statement');
    expect(safeStem('tab\there\nnew', 'S')).toBe('tab_here_new');
    expect(safeStem('x'.repeat(200), 'S')).toBe('x'.repeat(80));
    // And at most 180 bytes in UTF-8 (a file name takes 255 bytes on Linux and macOS): 45 emoji of 4 bytes, 60 Thai letters.
    expect(safeStem('😀'.repeat(200), 'S')).toBe('😀'.repeat(45));
    expect(safeStem('ก'.repeat(200), 'S')).toBe('ก'.repeat(60));
    expect(safeStem('Acme\u202Efdp.exe\u2066x', 'S')).toBe('Acme_fdp.exe_x');
  });

  it('number duplicates (without regard to case) and never take a name already in the folder', () => {
    const names = new StatementNames('Statement 2026-03-31', 'Statement', (name) => name === 'Acme - Statement 2026-03-31.pdf');
    expect(names.next('Acme')).toBe('Acme (2) - Statement 2026-03-31.pdf');
    expect(names.next('ACME')).toBe('ACME (3) - Statement 2026-03-31.pdf');
    expect(names.next('a/b')).toBe('a_b - Statement 2026-03-31.pdf');
    expect(names.next('a:b')).toBe('a_b (2) - Statement 2026-03-31.pdf');
  });
});

describe('the PDF printer window of the shell', () => {
  it('is hidden, sandboxed, with JavaScript off, no preload and an in-memory session; it prints with the tests’ options', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(options.webPreferences!.preload).toBeUndefined();
    expect(options.webPreferences!.partition).not.toMatch(/^persist:/);
    expect(printToPdfOptions()).toEqual({ pageSize: 'A4', landscape: false, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  });
});
