import { CURRENCIES, type AccountData } from '../data/accounts.ts';
import type { CreditRefundsStore } from '../data/credit-refunds-store.ts';
import { makeId } from '../data/ids.ts';
import type { ReceivablesStore } from '../data/receivables-store.ts';
import { REFUND_LINE_STATUS } from '../data/refunds-store.ts';
import { audit, num, table } from './receivable-tables.ts';
import { REFUND_SPECS } from './refund-tables.ts';
import type { FieldDef, Table } from './table.ts';

export const CREDIT_NOTE_LINE_PREFIX = 'a2H';
export const CREDIT_REFUND_LINE_PREFIX = 'a2J';
const CREDIT_NOTE_PREFIX = 'a2C';

/**
 * Salesforce Billing's credit note lines and the refund lines on them, as the Billing developer guide (API 67.0) gives them:
 * `blng__CreditNoteLine__c` (Name, blng__CreditNote__c master-detail, blng__TotalAmount__c, blng__Status__c, CurrencyIsoCode;
 * here one line per credit note, its whole amount; blng__Debits__c, calculated: what debit notes allocated to the line took of it) and `blng__RefundLineCreditNoteLine__c` (Name, blng__CreditNoteLine__c
 * master-detail, blng__Refund__c master-detail, blng__Amount__c, blng__Status__c Cancelled/Draft/Posted, blng__Type__c
 * Allocation/Unallocation, CurrencyIsoCode). Child relationships: credit note → lines, line → refund lines, refund → refund lines.
 */
export function creditRefundTables(money: ReceivablesStore, store: CreditRefundsStore, accounts: AccountData, creditNote: Table, refund: Table): Table[] {
  const sources = money.credits.sources;
  const { lines } = store;
  const currencyOf = (creditRow: number) => CURRENCIES[accounts.rows[sources.get('account', creditRow)]!.currency]!;
  const currency = (get: (row: number) => string): FieldDef => ({ name: 'CurrencyIsoCode', label: 'Currency ISO Code', type: 'picklist', picklist: [...CURRENCIES], get });
  const lineFields: FieldDef[] = [
    { name: 'Id', label: 'Credit Note Line ID', type: 'id', get: (row) => makeId(CREDIT_NOTE_LINE_PREFIX, row) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (row) => sources.get('deleted', row) === 1 },
    { name: 'Name', label: 'Credit Note Line Number', type: 'string', autoNumber: true, length: 80, get: (row) => num('CNL-', row) },
    { name: 'blng__CreditNote__c', label: 'Credit Note', type: 'reference', referenceTo: 'blng__CreditNote__c', relationshipName: 'blng__CreditNote__r', custom: true,
      get: (row) => makeId(CREDIT_NOTE_PREFIX, row), refRow: (row) => row },
    { name: 'blng__TotalAmount__c', label: 'Total Amount', type: 'currency', custom: true, nillable: true, precision: 18, scale: 2, get: (row) => sources.get('amount', row) },
    { name: 'blng__Status__c', label: 'Status', type: 'picklist', picklist: [...REFUND_LINE_STATUS], custom: true, nillable: true, get: () => 'Posted' },
    // Calculated by Billing: the debit notes allocated to this line (its blng__Balance__c subtracts them, as it does refunds).
    { name: 'blng__Debits__c', label: 'Debits', type: 'currency', custom: true, nillable: true, precision: 18, scale: 2, get: (row) => store.debits.get(row) ?? 0 },
    currency(currencyOf), ...audit(sources),
  ];
  const refundPrefix = REFUND_SPECS.blng__Invoice__c.refund.prefix;
  const refundFields: FieldDef[] = [
    { name: 'Id', label: 'Refund Line Credit Note Line ID', type: 'id', get: (row) => makeId(CREDIT_REFUND_LINE_PREFIX, row) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (row) => lines.get('deleted', row) === 1 },
    { name: 'Name', label: 'Refund Line Credit Note Line Number', type: 'string', autoNumber: true, length: 80, get: (row) => num('RLCNL-', row) },
    { name: 'blng__CreditNoteLine__c', label: 'Credit Note Line', type: 'reference', referenceTo: 'blng__CreditNoteLine__c', relationshipName: 'blng__CreditNoteLine__r',
      custom: true, get: (row) => makeId(CREDIT_NOTE_LINE_PREFIX, lines.get('creditNoteLine', row)), refRow: (row) => lines.get('creditNoteLine', row) },
    { name: 'blng__Refund__c', label: 'Refund', type: 'reference', referenceTo: 'blng__Refund__c', relationshipName: 'blng__Refund__r', custom: true,
      get: (row) => makeId(refundPrefix, lines.get('refund', row)), refRow: (row) => lines.get('refund', row) },
    { name: 'blng__Amount__c', label: 'Amount', type: 'currency', custom: true, nillable: true, precision: 18, scale: 2, get: (row) => lines.get('amount', row) },
    { name: 'blng__Status__c', label: 'Status', type: 'picklist', picklist: [...REFUND_LINE_STATUS], custom: true, nillable: true,
      get: (row) => REFUND_LINE_STATUS[lines.get('status', row)] },
    { name: 'blng__Type__c', label: 'Type', type: 'picklist', picklist: ['Allocation', 'Unallocation'], custom: true, nillable: true,
      get: (row) => (lines.get('reversal', row) ? 'Unallocation' : 'Allocation') },
    currency((row) => currencyOf(lines.get('creditNoteLine', row))), ...audit(lines),
  ];
  const line = table('blng__CreditNoteLine__c', 'Credit Note Line', 'Credit Note Lines', CREDIT_NOTE_LINE_PREFIX, true, () => sources.n,
    (row) => sources.get('deleted', row) === 1, lineFields, [], creditNote.minVersion);
  const refundLine = table('blng__RefundLineCreditNoteLine__c', 'Refund Line Credit Note Line', 'Refund Line Credit Note Lines', CREDIT_REFUND_LINE_PREFIX, true,
    () => lines.n, (row) => lines.get('deleted', row) === 1, refundFields, [], creditNote.minVersion);
  const child = { childSObject: 'blng__RefundLineCreditNoteLine__c', relationshipName: 'blng__RefundLineCreditNoteLines__r' };
  line.childRelationships = [{ ...child, field: 'blng__CreditNoteLine__c' }];
  creditNote.childRelationships.push({ childSObject: 'blng__CreditNoteLine__c', field: 'blng__CreditNote__c', relationshipName: 'blng__CreditNoteLines__r' });
  refund.childRelationships.push({ ...child, field: 'blng__Refund__c' });
  return [line, refundLine];
}
