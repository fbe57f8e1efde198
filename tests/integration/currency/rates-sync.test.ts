import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CurrencyRates } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';

function hasDated(org: RunningOrg): boolean {
  try {
    org.control.records('DatedConversionRate');
    return true;
  } catch {
    return false;
  }
}

/** What the org's records say, in the shape `invoices.rates` answers. */
function orgRates(org: RunningOrg) {
  const currencies = org.control.records('CurrencyType').map((r) => ({
    isoCode: r.IsoCode, rate: r.ConversionRate, decimals: r.DecimalPlaces, active: r.IsActive, corporate: r.IsCorporate,
  }));
  const dated = (org.control.records('CurrencyType').length && hasDated(org) ? org.control.records('DatedConversionRate') : [])
    .map((r) => ({ isoCode: r.IsoCode, rate: r.ConversionRate, start: r.StartDate, next: r.NextStartDate }))
    .sort((a, b) => `${a.isoCode}${a.start}`.localeCompare(`${b.isoCode}${b.start}`));
  return { currencies: expect.arrayContaining(currencies), dated };
}

async function rates(harness: Harness): Promise<CurrencyRates> {
  const answer = await harness.call('invoices.rates', { connectionId });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.value as CurrencyRates;
}

describe('the currencies and dated rates sync with the invoices into the encrypted copy', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temp = tempDir();
  const box = new TestSecretBox();

  beforeAll(async () => {
    org = await startOrg({ invoices: 400, multiCurrency: true, datedRates: true, corporateCurrency: 'EUR', batchSize: 200 });
    harness = await startHarness(org, temp.dir, { tuning: { pageSize: 200 }, secretBox: box });
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop();
    temp.remove();
  });

  it('before any sync there are none; a full sync brings every currency and period as the org states them', async () => {
    expect((await rates(harness)).state).toBe('notSynced');
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    const got = await rates(harness);
    expect(got).toMatchObject({ state: 'available', corporate: 'EUR', ...orgRates(org) });
    expect(got.currencies).toHaveLength(4);
    expect(got.dated.length).toBeGreaterThan(100);
  });

  it('rates edited in Salesforce between syncs (a new period, a changed rate, an inactive currency) arrive with an incremental sync', async () => {
    const before = await rates(harness);
    const gbp = before.dated.filter((p) => p.isoCode === 'GBP');
    org.control.setRate('GBP', 0.5, gbp[3]!.start);
    org.control.addRatePeriod('USD', 1.2345, gbp[5]!.start.replace(/-01$/, '-10'));
    org.control.setCurrency('JPY', { isActive: false });
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.value.mode).toBe('incremental');
    const got = await rates(harness);
    expect(got).toMatchObject({ state: 'available', ...orgRates(org) });
    expect(got.dated.find((p) => p.isoCode === 'GBP' && p.start === gbp[3]!.start)!.rate).toBe(0.5);
    expect(got.dated.some((p) => p.rate === 1.2345)).toBe(true);
    expect(got.currencies.find((c) => c.isoCode === 'JPY')!.active).toBe(false);
  });

  it('the rates are read back from the encrypted file by a fresh app (offline)', async () => {
    const want = await rates(harness);
    await harness.dispose();
    harness = await startHarness(org, temp.dir, { tokens: harness.tokens, secretBox: box });
    expect(await rates(harness)).toEqual(want);
  });

  it('a user who cannot read the currencies gets state unreadable (the notice), the invoices still sync; access back → rates back', async () => {
    org.control.setObjectHidden('CurrencyType', true);
    org.control.setObjectHidden('DatedConversionRate', true);
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(await rates(harness)).toMatchObject({ state: 'unreadable', currencies: [], dated: [] });
    const list = (await harness.call('invoices.list', { connectionId })).value;
    expect(list.invoices).toHaveLength(400);
    expect(new Set(list.invoices.map((i: { currency: string }) => i.currency)).size).toBe(4);
    expect(list.payments).toBe('available');
    org.control.setObjectHidden('CurrencyType', false);
    org.control.setObjectHidden('DatedConversionRate', false);
    await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect((await rates(harness)).state).toBe('available');
  });

  it('an org with dated rates whose periods the user cannot read (StartDate hidden by field-level security) is unreadable too, not converted at the plain rates of today', async () => {
    org.control.setFieldHidden('DatedConversionRate', 'StartDate', true);
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(await rates(harness)).toMatchObject({ state: 'unreadable', currencies: [], dated: [] });
    expect((await harness.call('invoices.list', { connectionId })).value.invoices).toHaveLength(400);
    org.control.setFieldHidden('DatedConversionRate', 'StartDate', false);
    await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(await rates(harness)).toMatchObject({ state: 'available', ...orgRates(org) });
  });
});

describe('orgs without rates', () => {
  let org: RunningOrg | undefined;
  let harness: Harness | undefined;
  const temp = tempDir();
  afterEach(async () => {
    await harness?.dispose();
    await org?.stop();
    temp.remove();
  });

  it('a single-currency org has nothing to convert', async () => {
    org = await startOrg({ invoices: 50 });
    harness = await startHarness(org, temp.dir);
    await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(await rates(harness)).toMatchObject({ state: 'singleCurrency', corporate: null, currencies: [] });
  });

  it('multi-currency without dated rates: the plain rates, no periods; a custom invoice object gets them too', async () => {
    org = await startOrg({ invoices: 50, multiCurrency: true, objects: ['Invoice__c'] });
    harness = await startHarness(org, temp.dir);
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(await rates(harness)).toMatchObject({ state: 'available', corporate: 'USD', ...orgRates(org), dated: [] });
    expect((await harness.call('invoices.list', { connectionId })).value.payments).toBe('none');
  });

  it('an org that turns multi-currency on later: the next full sync maps the currency field and brings the rates (every invoice USD, the corporate currency)', async () => {
    org = await startOrg({ invoices: 80 });
    harness = await startHarness(org, temp.dir);
    await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect((await rates(harness)).state).toBe('singleCurrency');
    org.control.enableMultiCurrency();
    expect(org.control.records('Invoice').every((r) => r.CurrencyIsoCode === 'USD')).toBe(true);
    const sync = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(await rates(harness)).toMatchObject({ state: 'available', corporate: 'USD', ...orgRates(org), dated: [] });
    const list = (await harness.call('invoices.list', { connectionId })).value;
    expect(list.invoices).toHaveLength(80);
    expect(list.invoices.every((i: { currency: string }) => i.currency === 'USD')).toBe(true);
    expect(() => org!.control.enableMultiCurrency()).toThrow(/several currencies already/);
  });
});
