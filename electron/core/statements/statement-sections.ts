import { agingBucketKeys, agingBucketLabels } from '../../contract/aging-buckets';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import { escapeHtml } from './html-escape';
import type { StatementFacts } from './statement-facts';
import type { StatementFormat } from './statement-format';

/** The parts of a statement's page, each a string of escaped HTML (statement-html.ts puts them together). */

const cell = (text: string, num = false) => `<td${num ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
const head = (text: string, num = false) => `<th${num ? ' class="num"' : ''}>${escapeHtml(text)}</th>`;
const row = (cells: string[], total = false) => `<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`;
const table = (heads: string[], rows: string[]) => `<table><thead>${row(heads)}</thead><tbody>${rows.join('\n')}</tbody></table>`;

function bucketHeads(t: CatalogueT): string[] {
  return agingBucketKeys.map((key) => head(key === 'current' ? t('workspace:agingCurrent') : agingBucketLabels[key], true));
}

/** Every open invoice as of the day, or the plain sentence that nothing is open. */
export function invoicesSection(facts: StatementFacts, t: CatalogueT, f: StatementFormat): string {
  const title = `<h2>${escapeHtml(t('statements:openInvoices'))}</h2>`;
  if (facts.invoices.length === 0) return `${title}<p data-part="nothing-open">${escapeHtml(t('statements:nothingOpen', { date: f.date(facts.asOf) }))}</p>`;
  const heads = [
    head(t('statements:invoiceNumber')), head(t('statements:invoiceDate')), head(t('statements:dueDate')),
    head(t('statements:total'), true), head(t('statements:balance'), true), head(t('statements:daysOverdue'), true),
  ];
  const rows = facts.invoices.map((invoice) =>
    row([
      cell(invoice.number), cell(f.date(invoice.invoiceDate)), cell(f.date(invoice.dueDate)),
      cell(f.money(invoice.total, invoice.currency), true), cell(f.money(invoice.balance, invoice.currency), true),
      cell(invoice.daysOverdue > 0 ? f.number(invoice.daysOverdue) : '', true),
    ]),
  );
  return title + table(heads, rows);
}

/** Per currency: the open balance by bucket and in all, and the invoices counted. */
export function agingSection(facts: StatementFacts, t: CatalogueT, f: StatementFormat): string {
  if (facts.currencies.length === 0) return '';
  const heads = [head(t('statements:currency')), head(t('statements:invoiceCount'), true), ...bucketHeads(t), head(t('statements:totalDue'), true)];
  const rows = facts.currencies.map((c) =>
    row([cell(c.currency), cell(f.number(c.count), true), ...c.aging.map((amount) => cell(f.money(amount, c.currency), true)), cell(f.money(c.total, c.currency), true)], true),
  );
  return `<h2>${escapeHtml(t('statements:totalsHeading'))}</h2>${table(heads, rows)}`;
}

/** The totals in the corporate currency at the as-of date's rates, each rate and its date said. */
export function corporateSection(facts: StatementFacts, t: CatalogueT, f: StatementFormat): string {
  const corporate = facts.corporate;
  if (!corporate || facts.currencies.length === 0) return '';
  const heads = [...bucketHeads(t), head(t('statements:totalDue'), true)];
  const totals = row([...corporate.aging.map((amount) => cell(f.money(amount, corporate.currency), true)), cell(f.money(corporate.total, corporate.currency), true)], true);
  const rates = corporate.rates
    .filter((r) => r.currency !== corporate.currency)
    .map((r) => {
      const values = { currency: r.currency, rate: f.number(r.rate), corporate: corporate.currency };
      const text = r.rateDate ? t('statements:corporateRate', { ...values, date: f.date(r.rateDate) }) : t('statements:corporatePlainRate', values);
      return `<p class="note" data-part="rate">${escapeHtml(text)}</p>`;
    });
  const missing = corporate.missing.length
    ? `<p class="note">${escapeHtml(t('statements:corporateMissing', { date: f.date(facts.asOf), currencies: corporate.missing.join(', ') }))}</p>`
    : '';
  return `<h2>${escapeHtml(t('statements:corporateHeading', { currency: corporate.currency }))}</h2>${table(heads, [totals])}${rates.join('')}${missing}`;
}

/** The payments received in the period asked for, or why none are listed. */
export function paymentsSection(facts: StatementFacts, t: CatalogueT, f: StatementFormat): string {
  const payments = facts.payments;
  if (payments.state === 'notAsked') return '';
  if (payments.state === 'unavailable') return `<p class="note">${escapeHtml(t('statements:paymentsUnavailable'))}</p>`;
  const title = `<h2>${escapeHtml(t('statements:paymentsHeading', { from: f.date(payments.from), to: f.date(payments.to) }))}</h2>`;
  // Hidden from the user: said in their place, never an empty list that reads as "none received".
  if (payments.unreadable?.includes('payments')) return `${title}<p class="note" data-part="payments-unreadable">${escapeHtml(t('statements:paymentsUnreadable'))}</p>`;
  if (payments.payments.length === 0) return `${title}<p>${escapeHtml(t('statements:paymentsNone'))}</p>`;
  // A refunds column only when a payment listed was refunded: amount = applied + refunded + unapplied, nothing unexplained.
  const refunds = payments.payments.some((p) => p.refunded !== 0);
  const heads = [
    head(t('statements:paymentDate')), head(t('statements:paymentReference')), head(t('statements:paymentMethod')),
    head(t('statements:paymentAmount'), true), head(t('statements:paymentApplied'), true),
    ...(refunds ? [head(t('statements:paymentRefunded'), true)] : []), head(t('statements:paymentUnapplied'), true),
  ];
  const rows = payments.payments.map((p) =>
    row([
      cell(f.date(p.date)), cell(p.reference ?? ''), cell(p.method ?? ''), cell(f.money(p.amount, p.currency), true), cell(f.money(p.applied, p.currency), true),
      ...(refunds ? [cell(f.money(p.refunded, p.currency), true)] : []), cell(f.money(p.unapplied, p.currency), true),
    ]),
  );
  // A payment applied beyond its amount or refunded beyond what was left: its unapplied is below zero as it is, never clamped —
  // said, not left unexplained.
  const over = [
    ...(payments.payments.some((p) => p.overApplied) ? [t('statements:paymentsOverApplied')] : []),
    ...(payments.payments.some((p) => p.overRefunded) ? [t('statements:paymentsOverRefunded')] : []),
  ].map((words) => `<p class="note">${escapeHtml(words)}</p>`).join('');
  // Applied, refunded and unapplied as they stood on the statement's day (customer-ledger.ts with asOf): a later (un)application
  // never changes a statement already sent.
  return `${title}${table(heads, rows)}${over}<p class="note">${escapeHtml(t('statements:paymentsAsOf', { date: f.date(facts.asOf) }))}</p>`;
}

/** The customer's open debit notes (Salesforce Billing): owed besides the invoices; nothing when there are none. */
export function debitNotesSection(facts: StatementFacts, t: CatalogueT, f: StatementFormat): string {
  if (facts.debitNotes.length === 0) return '';
  const heads = [head(t('statements:paymentDate')), head(t('statements:paymentReference')), head(t('statements:paymentAmount'), true), head(t('statements:debitNoteOpen'), true)];
  const rows = facts.debitNotes.map((d) =>
    row([cell(f.date(d.date)), cell(d.reference ?? ''), cell(f.money(d.amount, d.currency), true), cell(f.money(d.balance, d.currency), true)]),
  );
  return `<h2>${escapeHtml(t('statements:debitNotesHeading'))}</h2>${table(heads, rows)}<p class="note">${escapeHtml(t('statements:debitNotesNote'))}</p>`;
}

/** The customer's credit notes refunded in the period (Salesforce Billing): money paid back, changing no invoice; nothing when none. */
export function creditRefundsSection(facts: StatementFacts, t: CatalogueT, f: StatementFormat): string {
  const payments = facts.payments;
  if (payments.state !== 'listed') return '';
  const title = t('statements:creditRefundsHeading', { from: f.date(payments.from), to: f.date(payments.to) });
  // A Billing org whose credit notes or their refund lines are hidden from the user: said, not left out silently.
  if (payments.unreadable?.includes('creditRefunds')) return `<h2>${escapeHtml(title)}</h2><p class="note" data-part="credit-refunds-unreadable">${escapeHtml(t('statements:creditRefundsUnreadable'))}</p>`;
  if (payments.creditRefunds.length === 0) return '';
  const heads = [head(t('statements:paymentDate')), head(t('statements:creditRefundCreditNote')), head(t('statements:creditRefundAmount'), true)];
  const rows = payments.creditRefunds.map((r) => row([cell(f.date(r.date)), cell(r.creditNote ?? ''), cell(f.money(r.amount, r.currency), true)]));
  return `<h2>${escapeHtml(title)}</h2>${table(heads, rows)}<p class="note">${escapeHtml(t('statements:creditRefundsNote'))}</p>`;
}
