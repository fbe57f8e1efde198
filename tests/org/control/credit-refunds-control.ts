import { makeId, parseId } from '../data/ids.ts';
import type { OrgData } from '../org-data.ts';
import { CREDIT_REFUND_LINE_PREFIX } from '../schema/credit-refund-tables.ts';
import { REFUND_SPECS } from '../schema/refund-tables.ts';
import type { OrgControl } from '../types.ts';

const CREDIT_NOTE_PREFIX = 'a2C';

function stores(data: OrgData) {
  const money = data.receivables.get('blng__Invoice__c');
  const credits = data.creditRefunds;
  if (!money || !credits) throw new Error('this org serves no Billing credit notes (blng__Invoice__c with payments)');
  return { money, credits };
}

/**
 * Refunds of Billing credit notes as Salesforce makes them: money paid back out of what is unapplied of a credit note (its
 * line's blng__Balance__c: total − allocations + unallocations − refunds), never more; a refund never touches an invoice's
 * balance. The credit note's and its line's SystemModstamp move with each refund line (their roll-ups change).
 */
export function creditRefundsControl(data: OrgData): Pick<OrgControl, 'issueCreditNoteRefund' | 'deleteCreditNoteRefundLine'> {
  return {
    issueCreditNoteRefund(creditNoteId, amount) {
      const { money, credits } = stores(data);
      const row = parseId(CREDIT_NOTE_PREFIX, creditNoteId);
      const sources = money.credits.sources;
      if (row < 0 || row >= sources.n) throw new Error(`no credit note with id ${creditNoteId}`);
      if (sources.get('deleted', row)) throw new Error('this credit note is deleted');
      const f = credits.scaleOf(row);
      const rest = credits.restOf(row, f);
      const minor = amount === undefined ? rest : Math.round(amount * f);
      if (!Number.isFinite(minor) || minor <= 0) throw new Error('the amount must be positive');
      if (minor > rest) throw new Error(`a refund cannot exceed what is unapplied of the credit note (${rest / f})`);
      const at = money.stamp();
      const { refund, line } = credits.add(row, minor / f, Math.floor(data.now() / 86_400_000), at);
      sources.set('modstamp', row, at);
      return { refundId: makeId(REFUND_SPECS.blng__Invoice__c.refund.prefix, refund), refundLineId: makeId(CREDIT_REFUND_LINE_PREFIX, line) };
    },
    deleteCreditNoteRefundLine(refundLineId) {
      const { money, credits } = stores(data);
      const { lines } = credits;
      const row = parseId(CREDIT_REFUND_LINE_PREFIX, refundLineId);
      if (row < 0 || row >= lines.n) throw new Error(`no credit note refund line with id ${refundLineId}`);
      if (lines.get('deleted', row)) throw new Error('this refund line is already deleted');
      const at = money.stamp();
      lines.set('deleted', row, 1);
      lines.set('modstamp', row, at);
      money.credits.sources.set('modstamp', lines.get('creditNoteLine', row), at);
    },
  };
}
