import { makeId, parseId } from '../data/ids.ts';
import type { OrgData } from '../org-data.ts';
import { DEBIT_NOTE_PREFIX } from '../schema/debit-note-tables.ts';

const CREDIT_NOTE_PREFIX = 'a2C';
import type { OrgControl } from '../types.ts';

/** Billing debit notes: issue one for an account; pay part of one (its balance falls, as an allocation to its lines does). */
export function debitNotesControl(data: OrgData): Pick<OrgControl, 'issueDebitNote' | 'payDebitNote' | 'allocateDebitNote'> {
  const debitNotes = () => {
    if (!data.debitNotes) throw new Error('this org has no Salesforce Billing debit notes (blng__Invoice__c with payments)');
    return { notes: data.debitNotes, money: data.receivables.get('blng__Invoice__c')! };
  };
  return {
    issueDebitNote(accountId, amount) {
      const { notes, money } = debitNotes();
      const account = data.accounts.rows.findIndex((a) => a.Id === accountId);
      if (account < 0) throw new Error(`no account with id ${accountId}`);
      if (!(amount > 0)) throw new Error('the amount must be positive');
      return makeId(DEBIT_NOTE_PREFIX, notes.issue(account, amount, money.stamp()));
    },
    payDebitNote(debitNoteId, amount) {
      const { notes, money } = debitNotes();
      const row = parseId(DEBIT_NOTE_PREFIX, debitNoteId);
      if (row < 0 || row >= notes.notes.n || notes.notes.get('deleted', row)) throw new Error(`no debit note with id ${debitNoteId}`);
      const balance = notes.notes.get('balance', row);
      if (!(amount > 0) || amount > balance + 1e-9) throw new Error(`a payment of a debit note is positive and at most its balance (${balance})`);
      // Salesforce recalculates blng__Balance__c when a payment is allocated to the note's lines; the note's stamp moves.
      notes.notes.set('balance', row, Math.round((balance - amount) * 100) / 100);
      notes.notes.set('modstamp', row, money.stamp());
    },
    allocateDebitNote(debitNoteId, creditNoteId, amount) {
      const { notes, money } = debitNotes();
      const credits = data.creditRefunds;
      if (!credits) throw new Error('this org has no Billing credit note lines');
      const row = parseId(DEBIT_NOTE_PREFIX, debitNoteId);
      if (row < 0 || row >= notes.notes.n || notes.notes.get('deleted', row)) throw new Error(`no debit note with id ${debitNoteId}`);
      const sources = money.credits.sources;
      const credit = parseId(CREDIT_NOTE_PREFIX, creditNoteId);
      if (credit < 0 || credit >= sources.n || sources.get('deleted', credit)) throw new Error(`no credit note with id ${creditNoteId}`);
      if (sources.get('account', credit) !== notes.notes.get('account', row)) throw new Error('a debit note is allocated to a credit note of its own account only');
      const balance = notes.notes.get('balance', row);
      const f = credits.scaleOf(credit);
      const rest = credits.restOf(credit, f);
      const minor = Math.round(amount * f);
      if (!(minor > 0) || amount > balance + 1e-9) throw new Error(`an allocation of a debit note is positive and at most its balance (${balance})`);
      if (minor > rest) throw new Error(`an allocation cannot exceed what is available of the credit note line (${rest / f})`);
      // Billing recalculates both: the debit note's blng__Balance__c falls, the credit note line's blng__Debits__c rises (its
      // blng__Balance__c falls); both records' SystemModstamp move (the line's is its credit note's here: one row).
      const at = money.stamp();
      notes.notes.set('balance', row, Math.round((balance - amount) * f) / f);
      notes.notes.set('modstamp', row, at);
      credits.debits.set(credit, Math.round(((credits.debits.get(credit) ?? 0) + amount) * f) / f);
      sources.set('modstamp', credit, at);
    },
  };
}
