import { CURRENCIES, type AccountData } from '../data/accounts.ts';
import { autoNumber, makeId, parseId } from '../data/ids.ts';
import { METHODS, type Ledger, type ReceivablesStore } from '../data/receivables-store.ts';
import { dayToIso } from '../data/random.ts';
import type { ChildRelationship, FieldDef, Table } from './table.ts';

/** Field names of one family (Revenue Cloud or Salesforce Billing) for a source object and its applications. */
interface LedgerSpec {
  source: { name: string; label: string; plural: string; prefix: string; number: [string, string]; account: [string, string];
    amount: string; date: [string, 'date' | 'datetime']; status: [string, string[]]; method?: [string, string[]] };
  app: { name: string; label: string; plural: string; prefix: string; number: [string, string]; sourceRef: [string, string];
    invoiceRef: [string, string]; amount: string; type: [string, string, string]; date?: string; effective?: string; childRel: string };
}

const RC: Record<'payments' | 'credits', LedgerSpec> = {
  payments: {
    source: { name: 'Payment', label: 'Payment', plural: 'Payments', prefix: '0a3', number: ['PaymentNumber', 'PAY-'], account: ['AccountId', 'Account'],
      amount: 'Amount', date: ['Date', 'datetime'], status: ['Status', ['Draft', 'Processed', 'Canceled']], method: ['Type', ['Capture', 'Sale']] },
    app: { name: 'PaymentLineInvoice', label: 'Payment Line Invoice', plural: 'Payment Line Invoices', prefix: '0a4', number: ['PaymentLineInvoiceNumber', 'PLI-'],
      sourceRef: ['PaymentId', 'Payment'], invoiceRef: ['InvoiceId', 'Invoice'], amount: 'Amount', type: ['Type', 'Applied', 'Unapplied'], date: 'AppliedDate',
      effective: 'EffectiveDate', childRel: 'PaymentLinesInvoice' },
  },
  credits: {
    source: { name: 'CreditMemo', label: 'Credit Memo', plural: 'Credit Memos', prefix: '50g', number: ['DocumentNumber', 'CM-'], account: ['BillingAccountId', 'BillingAccount'],
      amount: 'TotalAmountWithTax', date: ['CreditDate', 'date'], status: ['Status', ['Draft', 'Posted', 'Canceled']] },
    app: { name: 'CreditMemoInvApplication', label: 'Credit Memo Invoice Application', plural: 'Credit Memo Invoice Applications', prefix: '9mA',
      number: ['Name', 'CMIA-'], sourceRef: ['CreditMemoId', 'CreditMemo'], invoiceRef: ['InvoiceId', 'Invoice'], amount: 'Amount',
      type: ['Type', 'Applied', 'Unapplied'], date: 'AppliedDate', childRel: 'CreditMemoInvApplications' },
  },
};

const BLNG: Record<'payments' | 'credits', LedgerSpec> = {
  payments: {
    source: { name: 'blng__Payment__c', label: 'Payment', plural: 'Payments', prefix: 'a2A', number: ['Name', 'P-'], account: ['blng__Account__c', 'blng__Account__r'],
      amount: 'blng__Amount__c', date: ['blng__PaymentDate__c', 'date'], status: ['blng__Status__c', ['Draft', 'Posted', 'Canceled']],
      method: ['blng__PaymentType__c', METHODS] },
    app: { name: 'blng__PaymentAllocationInvoice__c', label: 'Payment Allocation Invoice', plural: 'Payment Allocation Invoices', prefix: 'a2B',
      number: ['Name', 'PAI-'], sourceRef: ['blng__Payment__c', 'blng__Payment__r'], invoiceRef: ['blng__Invoice__c', 'blng__Invoice__r'],
      amount: 'blng__Amount__c', type: ['blng__Type__c', 'Allocation', 'Unallocation'], childRel: 'blng__PaymentAllocationInvoices__r' },
  },
  credits: {
    source: { name: 'blng__CreditNote__c', label: 'Credit Note', plural: 'Credit Notes', prefix: 'a2C', number: ['Name', 'CN-'], account: ['blng__Account__c', 'blng__Account__r'],
      amount: 'blng__TotalAmount__c', date: ['blng__CreditNoteDate__c', 'date'], status: ['blng__Status__c', ['Draft', 'Posted', 'Canceled']] },
    app: { name: 'blng__CreditNoteAllocation__c', label: 'Credit Note Allocation', plural: 'Credit Note Allocations', prefix: 'a2D',
      number: ['Name', 'CNA-'], sourceRef: ['blng__CreditNote__c', 'blng__CreditNote__r'], invoiceRef: ['blng__Invoice__c', 'blng__Invoice__r'],
      amount: 'blng__Amount__c', type: ['blng__Type__c', 'Allocation', 'Unallocation'], childRel: 'blng__CreditNoteAllocations__r' },
  },
};

export const num = autoNumber;

export function audit(cols: { get(k: 'created' | 'modstamp', i: number): number; column(k: 'modstamp'): Float64Array }): FieldDef[] {
  const stored = () => cols.column('modstamp');
  return [
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', get: (r) => cols.get('created', r) },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', get: (r) => cols.get('modstamp', r), stored },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: (r) => cols.get('modstamp', r), stored },
  ];
}

export function table(name: string, label: string, plural: string, prefix: string, custom: boolean, n: () => number, deleted: (r: number) => boolean,
  fields: FieldDef[], childRelationships: ChildRelationship[] = [], minVersion?: number): Table {
  return {
    name, label, labelPlural: plural, keyPrefix: prefix, custom, minVersion, fields, childRelationships, hidden: new Set(),
    scan: function* () { for (let r = 0; r < n(); r++) yield r; },
    count: n,
    isDeleted: deleted,
    rowOf: (id) => { const r = parseId(prefix, id); return r >= 0 && r < n() ? r : -1; },
  };
}

function ledgerTables(spec: LedgerSpec, ledger: Ledger, store: ReceivablesStore, accounts: AccountData, invoice: Table, multiCurrency: boolean,
  custom: boolean, minVersion?: number): { source: Table; app: Table; child: ChildRelationship } {
  const { sources, apps } = ledger;
  const s = spec.source;
  const a = spec.app;
  const acc = (r: number) => sources.get('account', r);
  const currencyOfSource = (r: number) => CURRENCIES[accounts.rows[acc(r)]!.currency]!;
  const currency = (get: (r: number) => string): FieldDef[] => multiCurrency
    ? [{ name: 'CurrencyIsoCode', label: 'Currency ISO Code', type: 'picklist', picklist: [...CURRENCIES], get }] : [];
  const sourceFields: FieldDef[] = [
    { name: 'Id', label: `${s.label} ID`, type: 'id', get: (r) => makeId(s.prefix, r) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (r) => sources.get('deleted', r) === 1 },
    { name: s.number[0], label: `${s.label} Number`, type: 'string', autoNumber: true, length: 30, get: (r) => num(s.number[1], r) },
    { name: s.account[0], label: 'Account', type: 'reference', referenceTo: 'Account', relationshipName: s.account[1], custom, nillable: true,
      get: (r) => accounts.rows[acc(r)]!.Id, refRow: acc },
    { name: s.amount, label: 'Amount', type: 'currency', custom, nillable: true, precision: 18, scale: 2, get: (r) => sources.get('amount', r) },
    { name: s.date[0], label: `${s.label} Date`, type: s.date[1], custom, nillable: true,
      get: (r) => (s.date[1] === 'date' ? dayToIso(sources.get('day', r)) : sources.get('day', r) * 86_400_000 + 12 * 3_600_000) },
    { name: s.status[0], label: 'Status', type: 'picklist', picklist: s.status[1], custom, nillable: true, get: (r) => s.status[1][sources.get('status', r) === 0 ? 1 : sources.get('status', r) - 1] },
    ...(s.method ? [{ name: s.method[0], label: custom ? 'Payment Type' : 'Type', type: 'picklist', picklist: s.method[1], custom, nillable: true,
      get: (r: number) => s.method![1][sources.get('method', r) % s.method![1].length] } as FieldDef] : []),
    ...currency(currencyOfSource), ...audit(sources),
  ];
  const source = table(s.name, s.label, s.plural, s.prefix, custom, () => sources.n, (r) => sources.get('deleted', r) === 1, sourceFields, [], minVersion);
  const inv = (r: number) => apps.get('invoice', r);
  const appFields: FieldDef[] = [
    { name: 'Id', label: `${a.label} ID`, type: 'id', get: (r) => makeId(a.prefix, r) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (r) => apps.get('deleted', r) === 1 },
    { name: a.number[0], label: `${a.label} Number`, type: 'string', autoNumber: true, length: 30, get: (r) => num(a.number[1], r) },
    { name: a.sourceRef[0], label: s.label, type: 'reference', referenceTo: s.name, relationshipName: a.sourceRef[1], custom,
      get: (r) => makeId(s.prefix, apps.get('source', r)), refRow: (r) => apps.get('source', r) },
    { name: a.invoiceRef[0], label: 'Invoice', type: 'reference', referenceTo: invoice.name, relationshipName: a.invoiceRef[1], custom,
      get: (r) => makeId(invoice.keyPrefix, inv(r)), refRow: inv },
    { name: a.amount, label: 'Amount', type: 'currency', custom, nillable: true, precision: 18, scale: 2, get: (r) => apps.get('amount', r) },
    { name: a.type[0], label: 'Type', type: 'picklist', picklist: [a.type[1], a.type[2]], custom, get: (r) => (apps.get('reversal', r) ? a.type[2] : a.type[1]) },
    ...(a.date ? [{ name: a.date, label: 'Applied Date', type: 'datetime', nillable: true, get: (r: number) => apps.get('created', r) } as FieldDef] : []),
    // Salesforce's field reference (PaymentLineInvoice): EffectiveDate, datetime — when the application (or its reversal) takes effect.
    ...(a.effective ? [{ name: a.effective, label: 'Effective Date', type: 'datetime', nillable: true, get: (r: number) => apps.get('effective', r) } as FieldDef] : []),
    ...currency((r) => store.invoices.currencyOf(inv(r))), ...audit(apps),
  ];
  const app = table(a.name, a.label, a.plural, a.prefix, custom, () => apps.n, (r) => apps.get('deleted', r) === 1, appFields, [], minVersion);
  const invoiceField = a.invoiceRef[0].toLowerCase();
  app.childRowsOf = (field, parentId) => {
    if (field.toLowerCase() !== invoiceField) return undefined;
    const i = invoice.rowOf(parentId);
    return i < 0 ? [] : store.appsOf(i).filter((x) => store.ledger(x.kind) === ledger).map((x) => x.row);
  };
  source.childRelationships = [{ childSObject: a.name, field: a.sourceRef[0], relationshipName: a.childRel.replace('Invoice', '') }];
  return { source, app, child: { childSObject: a.name, field: a.invoiceRef[0], relationshipName: a.childRel } };
}

/** The payment and credit objects of one invoice shape (none for custom invoice objects); adds their child relationships to the invoice. */
export function receivableTables(store: ReceivablesStore, accounts: AccountData, invoice: Table, multiCurrency: boolean): Table[] {
  const family = invoice.name === 'Invoice' ? RC : invoice.name === 'blng__Invoice__c' ? BLNG : null;
  if (!family) return [];
  const custom = family === BLNG;
  const out: Table[] = [];
  for (const kind of ['payments', 'credits'] as const) {
    const { source, app, child } = ledgerTables(family[kind], store.ledger(kind), store, accounts, invoice, multiCurrency, custom, invoice.minVersion);
    invoice.childRelationships.push(child);
    out.push(source, app);
  }
  return out;
}
