import { CURRENCIES } from '../data/accounts.ts';
import type { CurrencyRates } from '../data/currency-rates.ts';
import { makeId, parseId } from '../data/ids.ts';
import { dayToIso } from '../data/random.ts';
import type { FieldDef, Table } from './table.ts';

function audit(get: (r: number) => { created: number; modstamp: number }): FieldDef[] {
  return [
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', get: (r) => get(r).created },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', get: (r) => get(r).modstamp },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: (r) => get(r).modstamp },
  ];
}

function table(name: string, label: string, labelPlural: string, keyPrefix: string, n: () => number, fields: FieldDef[]): Table {
  return {
    name, label, labelPlural, keyPrefix, custom: false, fields, childRelationships: [], hidden: new Set(),
    scan: function* () { for (let r = 0; r < n(); r++) yield r; },
    // Neither object has IsDeleted (as in Salesforce): a removed rate is simply gone.
    isDeleted: () => false,
    rowOf: (id) => { const r = parseId(keyPrefix, id); return r >= 0 && r < n() ? r : -1; },
  };
}

const iso = (get: (r: number) => string): FieldDef =>
  ({ name: 'IsoCode', label: 'ISO Code', type: 'picklist', picklist: [...CURRENCIES], get });
const rate = (get: (r: number) => number): FieldDef =>
  ({ name: 'ConversionRate', label: 'Conversion Rate', type: 'double', precision: 18, scale: 6, get });

/** `CurrencyType` (multi-currency orgs) and, with dated rates, `DatedConversionRate`. */
export function currencyTables(rates: CurrencyRates, dated: boolean): Table[] {
  const c = (r: number) => rates.currencies[r]!;
  const currencyType = table('CurrencyType', 'Currency', 'Currencies', '02N', () => rates.currencies.length, [
    { name: 'Id', label: 'Currency ID', type: 'id', get: (r) => makeId('02N', r) },
    iso((r) => c(r).iso),
    rate((r) => c(r).rate),
    { name: 'DecimalPlaces', label: 'Decimal Places', type: 'int', get: (r) => c(r).decimals },
    { name: 'IsActive', label: 'Active', type: 'boolean', get: (r) => c(r).active },
    { name: 'IsCorporate', label: 'Corporate', type: 'boolean', get: (r) => c(r).corporate },
    ...audit(c),
  ]);
  if (!dated) return [currencyType];
  const p = (r: number) => rates.periods[r]!;
  const datedRate = table('DatedConversionRate', 'Dated Exchange Rate', 'Dated Exchange Rates', '04w', () => rates.periods.length, [
    { name: 'Id', label: 'Dated Exchange Rate ID', type: 'id', get: (r) => makeId('04w', r) },
    iso((r) => p(r).iso),
    rate((r) => p(r).rate),
    { name: 'StartDate', label: 'Start Date', type: 'date', get: (r) => dayToIso(p(r).start) },
    { name: 'NextStartDate', label: 'Next Start Date', type: 'date', nillable: true, get: (r) => { const next = p(r).next; return next === null ? null : dayToIso(next); } },
    ...audit(p),
  ]);
  return [currencyType, datedRate];
}
