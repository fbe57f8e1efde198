import { CURRENCIES, CURRENCY_DECIMALS } from './accounts.ts';
import { DAY_MS, dayToIso, isoToDay, mulberry32 } from './random.ts';

/**
 * The org's currencies as Salesforce keeps them with multi-currency on: `CurrencyType` (one record per
 * currency, exactly one corporate) and, with advanced currency management, `DatedConversionRate` periods
 * [StartDate, NextStartDate). A rate means 1 corporate unit = ConversionRate units of IsoCode.
 */
export interface CurrencyRecord {
  iso: string;
  rate: number;
  decimals: number;
  active: boolean;
  corporate: boolean;
  created: number;
  modstamp: number;
}

export interface RatePeriod {
  iso: string;
  rate: number;
  /** Day numbers (UTC); `next` null for the open-ended last period. */
  start: number;
  next: number | null;
  created: number;
  modstamp: number;
}

/** Roughly what one US dollar bought (the rates are relative to the corporate currency). */
const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 151.4 };
/** The first dated period starts this many days before today: older invoices have no dated rate. */
export const FIRST_PERIOD_DAYS_AGO = 700;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** First day of the month of `day`, and of the month after. */
function monthStart(day: number, add = 0): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1) / DAY_MS);
}

export class CurrencyRates {
  readonly currencies: CurrencyRecord[];
  readonly periods: RatePeriod[] = [];

  constructor(
    seed: number,
    refDay: number,
    readonly corporate: string,
    dated: boolean,
    /** The org's clock (OrgOptions.now): what a change is stamped with. */
    private readonly now: () => number = Date.now,
  ) {
    if (!CURRENCIES.includes(corporate as never)) throw new Error(`unknown corporate currency ${corporate} (one of ${CURRENCIES.join(', ')})`);
    const created = (refDay - FIRST_PERIOD_DAYS_AGO - 10) * DAY_MS;
    const rateOf = (iso: string) => round6(PER_USD[iso]! / PER_USD[corporate]!);
    this.currencies = CURRENCIES.map((iso) => ({
      iso, rate: iso === corporate ? 1 : rateOf(iso), decimals: CURRENCY_DECIMALS[iso]!, active: true, corporate: iso === corporate, created, modstamp: created,
    }));
    if (dated) this.generatePeriods(seed, refDay, created, rateOf);
  }

  /**
   * Several periods per currency across the invoices' dates: quarterly (EUR, or USD when EUR is corporate; one period
   * starts mid-month), monthly (GBP), weekly (JPY, the currency whose rate changes often); the corporate
   * currency has one period at 1. Rates walk a few percent around today's.
   */
  private generatePeriods(seed: number, refDay: number, created: number, rateOf: (iso: string) => number): void {
    const random = mulberry32(seed ^ 0x5eed4a7e);
    const first = refDay - FIRST_PERIOD_DAYS_AGO;
    const end = refDay + 1; // the last period is open-ended and in force today
    const startsOf: Record<string, number[]> = {};
    for (const iso of CURRENCIES) {
      const starts = [first];
      if (iso === this.corporate) {
        // one period
      } else if (iso === 'JPY') {
        for (let d = first + 7; d < end; d += 7) starts.push(d);
      } else {
        const step = iso === 'GBP' ? 1 : 3;
        for (let m = monthStart(first, 1); m < end; m = monthStart(m, step)) starts.push(m);
        if (step === 3) starts.push(monthStart(refDay, -3) + 14); // a period that starts on the 15th
      }
      startsOf[iso] = [...new Set(starts)].sort((a, b) => a - b);
    }
    for (const iso of CURRENCIES) {
      const starts = startsOf[iso]!;
      const base = rateOf(iso);
      starts.forEach((start, i) => {
        const rate = iso === this.corporate ? 1 : round6(base * (0.94 + random() * 0.12));
        this.periods.push({ iso, rate, start, next: starts[i + 1] ?? null, created, modstamp: created });
      });
    }
  }

  currency(iso: string): CurrencyRecord {
    const found = this.currencies.find((c) => c.iso === iso);
    if (!found) throw new Error(`this org has no currency ${iso}`);
    return found;
  }

  /** Control API: the plain rate, whether the currency is active, its decimals. */
  setCurrency(iso: string, patch: { conversionRate?: number; isActive?: boolean; decimalPlaces?: number }): void {
    const c = this.currency(iso);
    if (c.corporate && patch.conversionRate !== undefined && patch.conversionRate !== 1) throw new Error('the corporate currency\'s rate is always 1');
    if (patch.conversionRate !== undefined) c.rate = Number(patch.conversionRate);
    if (patch.isActive !== undefined) c.active = !!patch.isActive;
    if (patch.decimalPlaces !== undefined) c.decimals = Number(patch.decimalPlaces);
    c.modstamp = this.now();
  }

  /**
   * Control API: a new dated rate from `startDate`. As Salesforce does, the period it falls in ends the day
   * before (its NextStartDate becomes startDate) and the new one runs to the next period's start. With an
   * explicit `nextStartDate` the period is stored exactly as given and nothing else moves: the overlapping
   * or gapped periods a damaged org can serve. Returns the new period's index (its id's number).
   */
  addPeriod(iso: string, conversionRate: number, startDate: string, nextStartDate?: string | null): number {
    this.currency(iso);
    const start = isoToDay(startDate);
    if (!Number.isFinite(start)) throw new Error(`not a date: ${startDate}`);
    const now = this.now();
    let next: number | null;
    if (nextStartDate !== undefined) {
      next = nextStartDate === null ? null : isoToDay(nextStartDate);
    } else {
      const mine = this.periods.filter((p) => p.iso === iso);
      if (mine.some((p) => p.start === start)) throw new Error(`${iso} already has a rate starting ${startDate}`);
      const before = mine.filter((p) => p.start < start).sort((a, b) => b.start - a.start)[0];
      const after = mine.filter((p) => p.start > start).sort((a, b) => a.start - b.start)[0];
      if (before) {
        before.next = start;
        before.modstamp = now;
      }
      next = after?.start ?? null;
    }
    this.periods.push({ iso, rate: Number(conversionRate), start, next, created: now, modstamp: now });
    return this.periods.length - 1;
  }

  /** Control API: changes the rate of the period of `iso` starting on `startDate`, or the plain rate without one. */
  setRate(iso: string, conversionRate: number, startDate?: string): void {
    if (startDate === undefined) return this.setCurrency(iso, { conversionRate });
    const period = this.periods.find((p) => p.iso === iso && dayToIso(p.start) === startDate);
    if (!period) throw new Error(`${iso} has no dated rate starting ${startDate}`);
    period.rate = Number(conversionRate);
    period.modstamp = this.now();
  }
}
