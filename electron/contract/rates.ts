import { z } from 'zod';
import { isoDate } from './models';

/**
 * The org's currencies and exchange rates as the offline copy holds them (issue #14), for converting
 * into the corporate currency (electron/contract/conversion/). Rates mean what Salesforce means:
 * 1 corporate unit = `rate` units of `isoCode`, so an amount in corporate = amount ÷ rate.
 */
export const currencyRateSchema = z.object({
  isoCode: z.string(),
  /** CurrencyType.ConversionRate; null when Salesforce sent none. */
  rate: z.number().nullable(),
  /** CurrencyType.DecimalPlaces (what amounts in it are rounded to); null when not readable. */
  decimals: z.number().int().min(0).max(10).nullable(),
  active: z.boolean(),
  corporate: z.boolean(),
});
export type CurrencyRate = z.infer<typeof currencyRateSchema>;

/** One DatedConversionRate period: the rate holds on days in [start, next); `next` null for the open-ended last one. */
export const datedRateSchema = z.object({
  isoCode: z.string(),
  rate: z.number().nullable(),
  start: isoDate,
  next: isoDate.nullable(),
});
export type DatedRate = z.infer<typeof datedRateSchema>;

/**
 * - available: the currencies are in the copy (`dated` empty when the org has no dated rates)
 * - singleCurrency: the org has one currency: nothing to convert
 * - unreadable: a multi-currency org whose currencies the user cannot read (profile / permission set)
 * - notSynced: no copy yet, or invoices in several currencies but no rates in the copy (synced before Budgetly kept them: the next sync brings them)
 */
export const ratesStateSchema = z.enum(['available', 'singleCurrency', 'unreadable', 'notSynced']);

export const currencyRatesSchema = z.object({
  state: ratesStateSchema,
  /** The corporate currency (IsCorporate), null when unknown. */
  corporate: z.string().nullable(),
  currencies: z.array(currencyRateSchema),
  dated: z.array(datedRateSchema),
  /** When the copy the rates come from was synced (changes with every sync: rates edited in Salesforce arrive with it). */
  syncedAt: z.string().nullable(),
});
export type CurrencyRates = z.infer<typeof currencyRatesSchema>;
