import { CURRENCIES, type AccountData } from '../data/accounts.ts';
import { makeId } from '../data/ids.ts';
import { dayToIso } from '../data/random.ts';
import { REFUND_LINE_STATUS, type RefundsStore } from '../data/refunds-store.ts';
import { audit, num, table } from './receivable-tables.ts';
import type { FieldDef, Table } from './table.ts';

/**
 * Field names of the refund objects per shape, as Salesforce's object references give them: Billing `blng__Refund__c`
 * (Account master-detail, Amount) and `blng__RefundLinePayment__c` (blng__Refund__c, blng__Payment__c, blng__Amount__c,
 * blng__RefundLineDate__c date, blng__Status__c Cancelled/Draft/Posted, blng__Type__c Allocation/Unallocation); Revenue
 * Cloud `Refund` and `RefundLinePayment` (RefundId, PaymentId, Amount, AppliedDate datetime, Type Applied/Unapplied).
 */
interface RefundSpec {
  refund: { name: string; label: string; plural: string; prefix: string; number: [string, string]; account: [string, string]; amount: string;
    status?: [string, string[]]; date?: string };
  line: { name: string; label: string; plural: string; prefix: string; number: [string, string]; refundRef: [string, string];
    paymentRef: [string, string]; amount: string; date: [string, 'date' | 'datetime']; type: [string, string, string]; status?: string;
    childRel: string };
  payment: { name: string; prefix: string };
}

export const REFUND_SPECS: Record<'Invoice' | 'blng__Invoice__c', RefundSpec> = {
  Invoice: {
    refund: { name: 'Refund', label: 'Refund', plural: 'Refunds', prefix: '0cB', number: ['RefundNumber', 'R-'], account: ['AccountId', 'Account'],
      amount: 'Amount', status: ['Status', ['Draft', 'Processed', 'Canceled']], date: 'EffectiveDate' },
    line: { name: 'RefundLinePayment', label: 'Refund Line Payment', plural: 'Refund Line Payments', prefix: '0cC',
      number: ['RefundLinePaymentNumber', 'RLP-'], refundRef: ['RefundId', 'Refund'], paymentRef: ['PaymentId', 'Payment'], amount: 'Amount',
      date: ['AppliedDate', 'datetime'], type: ['Type', 'Applied', 'Unapplied'], childRel: 'RefundLinePayments' },
    payment: { name: 'Payment', prefix: '0a3' },
  },
  blng__Invoice__c: {
    refund: { name: 'blng__Refund__c', label: 'Refund', plural: 'Refunds', prefix: 'a2E', number: ['Name', 'R-'],
      account: ['blng__Account__c', 'blng__Account__r'], amount: 'blng__Amount__c' },
    line: { name: 'blng__RefundLinePayment__c', label: 'Refund Line Payment', plural: 'Refund Line Payments', prefix: 'a2F',
      number: ['Name', 'RLP-'], refundRef: ['blng__Refund__c', 'blng__Refund__r'], paymentRef: ['blng__Payment__c', 'blng__Payment__r'],
      amount: 'blng__Amount__c', date: ['blng__RefundLineDate__c', 'date'], type: ['blng__Type__c', 'Allocation', 'Unallocation'],
      status: 'blng__Status__c', childRel: 'blng__RefundLinePayments__r' },
    payment: { name: 'blng__Payment__c', prefix: 'a2A' },
  },
};

/** The refund and refund line objects of one invoice shape; adds the lines' child relationship to the payment table. */
export function refundTables(shape: 'Invoice' | 'blng__Invoice__c', refunds: RefundsStore, accounts: AccountData, payment: Table): Table[] {
  const spec = REFUND_SPECS[shape];
  const custom = shape === 'blng__Invoice__c';
  const { refunds: heads, lines } = refunds;
  const r = spec.refund;
  const l = spec.line;
  const currencyOf = (account: number) => CURRENCIES[accounts.rows[account]!.currency]!;
  const currency = (get: (row: number) => string): FieldDef => ({ name: 'CurrencyIsoCode', label: 'Currency ISO Code', type: 'picklist', picklist: [...CURRENCIES], get });
  const refundFields: FieldDef[] = [
    { name: 'Id', label: 'Refund ID', type: 'id', get: (row) => makeId(r.prefix, row) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (row) => heads.get('deleted', row) === 1 },
    { name: r.number[0], label: 'Refund Number', type: 'string', autoNumber: true, length: 30, get: (row) => num(r.number[1], row) },
    { name: r.account[0], label: 'Account', type: 'reference', referenceTo: 'Account', relationshipName: r.account[1], custom,
      get: (row) => accounts.rows[heads.get('account', row)]!.Id, refRow: (row) => heads.get('account', row) },
    { name: r.amount, label: 'Amount', type: 'currency', custom, precision: 18, scale: 2, get: (row) => heads.get('amount', row) },
    ...(r.status ? [{ name: r.status[0], label: 'Status', type: 'picklist', picklist: r.status[1], nillable: true, get: () => r.status![1][1] } as FieldDef] : []),
    ...(r.date ? [{ name: r.date, label: 'Effective Date', type: 'datetime', nillable: true, get: (row: number) => heads.get('created', row) } as FieldDef] : []),
    currency((row) => currencyOf(heads.get('account', row))), ...audit(heads),
  ];
  const lineFields: FieldDef[] = [
    { name: 'Id', label: `${l.label} ID`, type: 'id', get: (row) => makeId(l.prefix, row) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (row) => lines.get('deleted', row) === 1 },
    { name: l.number[0], label: `${l.label} Number`, type: 'string', autoNumber: true, length: 30, get: (row) => num(l.number[1], row) },
    { name: l.refundRef[0], label: 'Refund', type: 'reference', referenceTo: r.name, relationshipName: l.refundRef[1], custom,
      get: (row) => makeId(r.prefix, lines.get('refund', row)), refRow: (row) => lines.get('refund', row) },
    { name: l.paymentRef[0], label: 'Payment', type: 'reference', referenceTo: spec.payment.name, relationshipName: l.paymentRef[1], custom,
      get: (row) => makeId(spec.payment.prefix, lines.get('payment', row)), refRow: (row) => lines.get('payment', row) },
    { name: l.amount, label: 'Amount', type: 'currency', custom, precision: 18, scale: 2, get: (row) => lines.get('amount', row) },
    { name: l.date[0], label: l.date[1] === 'date' ? 'Refund Line Date' : 'Applied Date', type: l.date[1], custom, nillable: l.date[1] === 'datetime',
      get: (row) => (l.date[1] === 'date' ? dayToIso(lines.get('day', row)) : lines.get('created', row)) },
    { name: l.type[0], label: 'Type', type: 'picklist', picklist: [l.type[1], l.type[2]], custom, nillable: custom,
      get: (row) => (lines.get('reversal', row) ? l.type[2] : l.type[1]) },
    ...(l.status ? [{ name: l.status, label: 'Status', type: 'picklist', picklist: [...REFUND_LINE_STATUS], custom, nillable: true,
      get: (row: number) => REFUND_LINE_STATUS[lines.get('status', row)] } as FieldDef] : []),
    currency((row) => currencyOf(heads.get('account', lines.get('refund', row)))), ...audit(lines),
  ];
  const head = table(r.name, r.label, r.plural, r.prefix, custom, () => heads.n, (row) => heads.get('deleted', row) === 1, refundFields, [], payment.minVersion);
  const line = table(l.name, l.label, l.plural, l.prefix, custom, () => lines.n, (row) => lines.get('deleted', row) === 1, lineFields, [], payment.minVersion);
  head.childRelationships = [{ childSObject: l.name, field: l.refundRef[0], relationshipName: l.childRel }];
  payment.childRelationships.push({ childSObject: l.name, field: l.paymentRef[0], relationshipName: l.childRel });
  return [head, line];
}
