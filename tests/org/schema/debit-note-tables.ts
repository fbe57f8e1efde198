import { CURRENCIES, type AccountData } from '../data/accounts.ts';
import { DEBIT_NOTE_STATUS, type DebitNotesStore } from '../data/debit-notes-store.ts';
import { makeId } from '../data/ids.ts';
import { dayToIso } from '../data/random.ts';
import { audit, num, table } from './receivable-tables.ts';
import type { FieldDef, Table } from './table.ts';

export const DEBIT_NOTE_PREFIX = 'a2G';

/**
 * `blng__DebitNote__c` as Billing's developer guide (API 67.0) gives it: Name (autonumber), blng__Account__c (master-detail
 * to Account), blng__DebitNoteDate__c (date), blng__Status__c (Cancelled / Draft / Posted), blng__TotalAmount__c and
 * blng__Balance__c (calculated currency fields: the total, and what is still available), CurrencyIsoCode. Its lines and the
 * payments allocated to them are not served (the app reads Salesforce's balance of the note).
 */
export function debitNoteTables(store: DebitNotesStore, accounts: AccountData, account: Table, minVersion?: number): Table[] {
  const { notes } = store;
  const acc = (row: number) => notes.get('account', row);
  const fields: FieldDef[] = [
    { name: 'Id', label: 'Debit Note ID', type: 'id', get: (row) => makeId(DEBIT_NOTE_PREFIX, row) },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (row) => notes.get('deleted', row) === 1 },
    { name: 'Name', label: 'Debit Note Number', type: 'string', autoNumber: true, length: 80, get: (row) => num('DN-', row) },
    { name: 'blng__Account__c', label: 'Account', type: 'reference', referenceTo: 'Account', relationshipName: 'blng__Account__r', custom: true,
      get: (row) => accounts.rows[acc(row)]!.Id, refRow: acc },
    { name: 'blng__DebitNoteDate__c', label: 'Debit Note Date', type: 'date', custom: true, nillable: true, get: (row) => dayToIso(notes.get('day', row)) },
    { name: 'blng__Status__c', label: 'Status', type: 'picklist', picklist: [...DEBIT_NOTE_STATUS], custom: true, nillable: true,
      get: (row) => DEBIT_NOTE_STATUS[notes.get('status', row)] },
    { name: 'blng__TotalAmount__c', label: 'Total Amount', type: 'currency', custom: true, nillable: true, precision: 18, scale: 2, get: (row) => notes.get('total', row) },
    { name: 'blng__Balance__c', label: 'Balance', type: 'currency', custom: true, nillable: true, precision: 18, scale: 2, get: (row) => notes.get('balance', row) },
    { name: 'CurrencyIsoCode', label: 'Currency ISO Code', type: 'picklist', picklist: [...CURRENCIES], get: (row) => CURRENCIES[accounts.rows[acc(row)]!.currency]! },
    ...audit(notes),
  ];
  const t = table('blng__DebitNote__c', 'Debit Note', 'Debit Notes', DEBIT_NOTE_PREFIX, true, () => notes.n, (row) => notes.get('deleted', row) === 1, fields, [], minVersion);
  account.childRelationships.push({ childSObject: 'blng__DebitNote__c', field: 'blng__Account__c', relationshipName: 'blng__DebitNotes__r' });
  return [t];
}
