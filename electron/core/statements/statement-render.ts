import type { CatalogueT } from '../../contract/i18n/catalogue';
import type { AgingBasis } from '../../contract';
import { exportConversion } from '../export/export-conversion';
import type { PdfPrinter } from '../ports';
import { statementFacts } from './statement-facts';
import { statementFormat } from './statement-format';
import { statementHtml, type StatementHeader } from './statement-html';
import type { StatementCopy } from './statement-source';

export interface StatementRequest {
  /** Printed on the statement. */
  customer: string;
  /** The customer's account id: its invoices and payments, whatever name they carry. */
  account?: string;
  asOf: string;
  period: { from: string; to: string } | null;
}

/** What every statement of one request (one or many customers) shares: the copy, the words, the firm and the printer. */
export interface StatementContext {
  copy: StatementCopy;
  basis: AgingBasis;
  header: StatementHeader;
  t: CatalogueT;
  locale: string;
  printer: PdfPrinter;
}

/** One customer's statement: its facts from the copy, as HTML, printed to PDF bytes. */
export async function renderStatement(request: StatementRequest, context: StatementContext): Promise<Uint8Array> {
  const { copy } = context;
  const who = request.account ? { name: request.customer, account: request.account } : { name: request.customer };
  const facts = statementFacts({
    customer: request.customer,
    account: request.account,
    asOf: request.asOf,
    rows: copy.rowsOf(who),
    balancesAsOf: copy.balancesAsOf,
    statusKinds: copy.statusKinds,
    basis: context.basis,
    conversion: exportConversion(copy.rates, 'asOf', request.asOf),
    // The customer's money besides the invoices: the period's payments (when asked) and the open debit notes (always).
    ledger: copy.ledger(who),
    period: request.period,
  });
  return context.printer.print(statementHtml(facts, context.header, context.t, statementFormat(context.locale)));
}
