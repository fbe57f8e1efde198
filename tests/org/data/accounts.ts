import { Faker, en } from '@faker-js/faker';
import { makeId } from './ids.ts';
import { DAY_MS } from './random.ts';

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'] as const;
export const CURRENCY_DECIMALS: Record<string, number> = { USD: 2, EUR: 2, GBP: 2, JPY: 0 };
const TAX_RATES = [0, 0.05, 0.0825, 0.1, 0.2];

export interface AccountRow {
  Id: string;
  Name: string;
  AccountNumber: string;
  Type: string;
  Industry: string;
  BillingCity: string;
  BillingCountry: string;
  Phone: string;
  currency: number; // index into CURRENCIES
  taxRate: number;
  created: number;
}

export interface AccountData {
  rows: AccountRow[];
  /** Product names used for invoice lines. */
  products: string[];
  /** Seed for the bulk PRNG of each invoice shape, drawn from faker. */
  bulkSeeds: number[];
}

/** Accounts (and a few other small lists) generated with a seeded faker instance. */
export function generateAccounts(seed: number, invoices: number, multiCurrency: boolean, refDay: number): AccountData {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const count = Math.min(5000, Math.max(25, Math.round(invoices / 40)));
  const names = new Set<string>();
  const rows: AccountRow[] = [];
  const countries = ['United States', 'Germany', 'United Kingdom', 'Japan', 'France', 'Canada'];
  const countryCurrency = [0, 1, 2, 3, 1, 0];
  for (let i = 0; i < count; i++) {
    let name = faker.company.name();
    while (names.has(name)) name = `${faker.company.name()} ${faker.company.buzzNoun()}`;
    names.add(name);
    const c = faker.number.int({ min: 0, max: countries.length - 1 });
    rows.push({
      Id: makeId('001', i),
      Name: name,
      AccountNumber: `ACC-${String(i + 1).padStart(6, '0')}`,
      Type: faker.helpers.arrayElement(['Customer - Direct', 'Customer - Channel', 'Partner']),
      Industry: faker.helpers.arrayElement(['Technology', 'Manufacturing', 'Retail', 'Finance', 'Healthcare', 'Media']),
      BillingCity: faker.location.city(),
      BillingCountry: countries[c]!,
      Phone: faker.phone.number({ style: 'national' }),
      currency: multiCurrency ? countryCurrency[c]! : 0,
      taxRate: faker.helpers.arrayElement(TAX_RATES),
      created: (refDay - 800) * DAY_MS + faker.number.int({ min: 0, max: 60 * DAY_MS }),
    });
  }
  const products: string[] = [];
  for (let i = 0; i < 60; i++) products.push(faker.commerce.productName());
  const bulkSeeds = [0, 1, 2].map(() => faker.number.int({ min: 1, max: 2 ** 31 - 1 }));
  return { rows, products, bulkSeeds };
}
