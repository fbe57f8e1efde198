import { parseId } from '../data/ids.ts';
import { range, type FieldDef, type Table } from './table.ts';

/** What the User and Organization records say: the one signed-in user and this org. */
export interface OrgIdentity {
  orgId: string;
  userId: string;
  username: string;
  /** Organization.Name. */
  orgName: string;
  /** Epoch ms of the records' creation (30 days before the org's "today"). */
  created: number;
  /** The org's (corporate) currency. */
  currency: string;
}

/** One-record tables share these system fields and the lookup by id. */
function oneRecord(name: string, label: string, labelPlural: string, keyPrefix: string, id: string, fields: FieldDef[], created: number): Table {
  const system: FieldDef[] = [
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', get: () => created },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', get: () => created },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: () => created },
  ];
  return {
    name, label, labelPlural, keyPrefix, custom: false, childRelationships: [], hidden: new Set(),
    fields: [{ name: 'Id', label: `${label} ID`, type: 'id', get: () => id }, ...fields, ...system],
    scan: () => range(1),
    isDeleted: () => false,
    rowOf: (candidate) => (parseId(keyPrefix, candidate) === parseId(keyPrefix, id) && parseId(keyPrefix, id) >= 0 ? 0 : -1),
  };
}

/** `User`: what clients read right after the code exchange (`SELECT Username, Name FROM User WHERE Id = …`). */
export function userTable(who: OrgIdentity): Table {
  const text = (name: string, label: string, value: string | null, length = 80): FieldDef => ({ name, label, type: 'string', nillable: value === null, length, get: () => value });
  return oneRecord('User', 'User', 'Users', '005', who.userId, [
    { ...text('Username', 'Username', who.username), nillable: false },
    text('Name', 'Full Name', 'Demo Accountant', 121),
    text('FirstName', 'First Name', 'Demo', 40),
    text('LastName', 'Last Name', 'Accountant', 80),
    text('Email', 'Email', who.username, 128),
    text('Alias', 'Alias', 'demo', 8),
    { name: 'IsActive', label: 'Active', type: 'boolean', get: () => true },
    { name: 'UserType', label: 'User Type', type: 'picklist', picklist: ['Standard'], get: () => 'Standard' },
    { name: 'TimeZoneSidKey', label: 'Time Zone', type: 'picklist', picklist: ['GMT'], get: () => 'GMT' },
    { name: 'LocaleSidKey', label: 'Locale', type: 'picklist', picklist: ['en_US'], get: () => 'en_US' },
    { name: 'LanguageLocaleKey', label: 'Language', type: 'picklist', picklist: ['en_US'], get: () => 'en_US' },
    { name: 'DefaultCurrencyIsoCode', label: 'User Currency', type: 'picklist', nillable: true, picklist: [who.currency], get: () => who.currency },
  ], who.created);
}

/** `Organization`: this org's one record. */
export function organizationTable(who: OrgIdentity): Table {
  const text = (name: string, label: string, value: string, length = 80): FieldDef => ({ name, label, type: 'string', nillable: false, length, get: () => value });
  return oneRecord('Organization', 'Organization', 'Organizations', '00D', who.orgId, [
    text('Name', 'Name', who.orgName),
    { name: 'OrganizationType', label: 'Edition', type: 'picklist', picklist: ['Enterprise Edition'], get: () => 'Enterprise Edition' },
    text('InstanceName', 'Instance Name', 'LOCAL1', 5),
    { name: 'IsSandbox', label: 'Is Sandbox', type: 'boolean', get: () => false },
    text('DefaultLocaleSidKey', 'Locale', 'en_US', 40),
    text('LanguageLocaleKey', 'Language', 'en_US', 40),
    text('TimeZoneSidKey', 'Time Zone', 'GMT', 40),
    text('DefaultCurrencyIsoCode', 'Currency', who.currency, 3),
  ], who.created);
}
