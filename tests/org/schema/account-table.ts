import { CURRENCIES, type AccountData } from '../data/accounts.ts';
import { parseId } from '../data/ids.ts';
import { range, type FieldDef, type Table } from './table.ts';

export function accountTable(data: AccountData, multiCurrency: boolean): Table {
  const rows = data.rows;
  const str = (name: keyof (typeof rows)[number] & string, label: string, length = 255): FieldDef => ({
    name, label, type: 'string', nillable: true, length, get: (r) => rows[r]![name] ?? null,
  });
  const fields: FieldDef[] = [
    { name: 'Id', label: 'Account ID', type: 'id', get: (r) => rows[r]!.Id },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: () => false },
    { ...str('Name', 'Account Name'), nillable: false },
    str('AccountNumber', 'Account Number', 40),
    { name: 'Type', label: 'Account Type', type: 'picklist', nillable: true,
      picklist: ['Customer - Direct', 'Customer - Channel', 'Partner'], get: (r) => rows[r]!.Type },
    { name: 'Industry', label: 'Industry', type: 'picklist', nillable: true,
      picklist: ['Technology', 'Manufacturing', 'Retail', 'Finance', 'Healthcare', 'Media'], get: (r) => rows[r]!.Industry },
    str('BillingCity', 'Billing City', 40),
    str('BillingCountry', 'Billing Country', 80),
    { name: 'Phone', label: 'Account Phone', type: 'phone', nillable: true, length: 40, get: (r) => rows[r]!.Phone },
    ...(multiCurrency
      ? [{ name: 'CurrencyIsoCode', label: 'Account Currency', type: 'picklist', picklist: [...CURRENCIES],
          get: (r: number) => CURRENCIES[rows[r]!.currency]! } as FieldDef]
      : []),
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', get: (r) => rows[r]!.created },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', get: (r) => rows[r]!.created },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: (r) => rows[r]!.created },
  ];
  return {
    name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', custom: false,
    fields, childRelationships: [], hidden: new Set(),
    scan: () => range(rows.length),
    isDeleted: () => false,
    rowOf: (id) => {
      const r = parseId('001', id);
      return r >= 0 && r < rows.length ? r : -1;
    },
  };
}

/** Salesforce's own bills to the customer: listed (and queryable, empty) as a decoy. */
export function salesforceInvoiceTable(): Table {
  const none = () => null;
  return {
    name: 'SalesforceInvoice', label: 'Salesforce Invoice', labelPlural: 'Salesforce Invoices',
    keyPrefix: '3sI', custom: false, childRelationships: [], hidden: new Set(),
    fields: [
      { name: 'Id', label: 'Salesforce Invoice ID', type: 'id', get: none },
      { name: 'DocumentNumber', label: 'Document Number', type: 'string', nillable: true, get: none },
      { name: 'InvoiceDate', label: 'Invoice Date', type: 'date', nillable: true, get: none },
      { name: 'TotalAmount', label: 'Total Amount', type: 'currency', nillable: true, get: none },
      { name: 'CreatedDate', label: 'Created Date', type: 'datetime', get: none },
      { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: none },
      { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: () => false },
    ],
    scan: () => range(0),
    isDeleted: () => false,
    rowOf: () => -1,
  };
}
