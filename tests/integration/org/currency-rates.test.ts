/* eslint-disable @typescript-eslint/no-explicit-any -- jsforce records */
import { afterEach, describe, expect, it } from 'vitest';
import { startOrg, type OrgOptions, type RunningOrg } from '../../org/index.ts';
import { api, connection, freshTokens } from './org-test-helpers.ts';

let org: RunningOrg | undefined;
async function start(options: OrgOptions = {}) {
  org = await startOrg({ port: 0, invoices: 300, ...options });
  const t = await freshTokens(org);
  return { o: org, t, conn: connection(org, t) };
}
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

describe('currencies and rates of the local org', () => {
  it('a single-currency org has neither CurrencyType nor DatedConversionRate', async () => {
    const { conn, o, t } = await start();
    const names = (await conn.describeGlobal()).sobjects.map((s) => s.name);
    expect(names).not.toContain('CurrencyType');
    expect(names).not.toContain('DatedConversionRate');
    const r = await api(o, `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM CurrencyType')}`, t.access_token);
    expect(r.status).toBe(400);
    expect(r.body[0].errorCode).toBe('INVALID_TYPE');
  });

  it('multi-currency: CurrencyType with exactly one corporate currency (USD by default) and no dated rates', async () => {
    const { conn } = await start({ multiCurrency: true });
    const names = (await conn.describeGlobal()).sobjects.map((s) => s.name);
    expect(names).toContain('CurrencyType');
    expect(names).not.toContain('DatedConversionRate');
    const { records } = await conn.query<any>('SELECT Id, IsoCode, ConversionRate, DecimalPlaces, IsActive, IsCorporate, SystemModstamp FROM CurrencyType');
    expect(records.map((r) => r.IsoCode).sort()).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
    expect(records.filter((r) => r.IsCorporate).map((r) => r.IsoCode)).toEqual(['USD']);
    const usd = records.find((r) => r.IsoCode === 'USD');
    expect(usd).toMatchObject({ ConversionRate: 1, DecimalPlaces: 2, IsActive: true });
    expect(records.find((r) => r.IsoCode === 'JPY')).toMatchObject({ DecimalPlaces: 0 });
    expect(records.find((r) => r.IsoCode === 'EUR').ConversionRate).toBeLessThan(1);
    expect(usd.SystemModstamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const d = await conn.sobject('CurrencyType').describe();
    expect(d.fields.find((f) => f.name === 'ConversionRate')).toMatchObject({ type: 'double', scale: 6 });
  });

  it('--corporate-currency EUR: rates relative to EUR; the org currency is EUR', async () => {
    const { conn } = await start({ multiCurrency: true, corporateCurrency: 'EUR' });
    const { records } = await conn.query<any>('SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType WHERE IsCorporate = true');
    expect(records).toEqual([expect.objectContaining({ IsoCode: 'EUR', ConversionRate: 1 })]);
    const orgRecord = await conn.query<any>('SELECT DefaultCurrencyIsoCode FROM Organization');
    expect(orgRecord.records[0].DefaultCurrencyIsoCode).toBe('EUR');
    await expect(startOrg({ multiCurrency: true, corporateCurrency: 'XYZ' })).rejects.toThrow(/unknown corporate currency XYZ/);
    await expect(startOrg({ datedRates: true })).rejects.toThrow(/multi-currency/);
  });

  it('--dated-rates: contiguous periods across the invoice dates, one starting mid-month, one currency changing often', async () => {
    const { conn, o } = await start({ multiCurrency: true, datedRates: true });
    const { records } = await conn.query<any>('SELECT Id, IsoCode, ConversionRate, StartDate, NextStartDate, SystemModstamp FROM DatedConversionRate ORDER BY IsoCode, StartDate');
    const by = new Map<string, any[]>();
    for (const r of records) by.set(r.IsoCode, [...(by.get(r.IsoCode) ?? []), r]);
    expect([...by.keys()].sort()).toEqual(['EUR', 'GBP', 'JPY', 'USD']);
    for (const [, periods] of by) {
      for (let i = 0; i < periods.length - 1; i++) expect(periods[i].NextStartDate).toBe(periods[i + 1].StartDate);
      expect(periods.at(-1).NextStartDate).toBeNull();
      expect(periods.every((p) => p.ConversionRate > 0)).toBe(true);
    }
    expect(by.get('USD')!.map((p) => p.ConversionRate)).toEqual([1]);
    expect(by.get('JPY')!.length).toBeGreaterThan(by.get('GBP')!.length);
    expect(by.get('GBP')!.length).toBeGreaterThan(by.get('EUR')!.length);
    expect(by.get('EUR')!.length).toBeGreaterThan(3);
    expect(records.some((r) => r.StartDate.endsWith('-15'))).toBe(true);
    // The first period starts inside the invoices' range: the oldest invoices have no dated rate.
    const invoiceDays = o.control.records('Invoice').map((r) => day(r.InvoiceDate as string));
    const first = day(by.get('EUR')![0].StartDate);
    expect(invoiceDays.some((d) => d < first)).toBe(true);
    expect(invoiceDays.some((d) => d >= first)).toBe(true);
  });

  it('control API: a new period splits the one it falls in, a changed rate moves SystemModstamp; overlaps are served as given', async () => {
    const { conn, o } = await start({ multiCurrency: true, datedRates: true });
    const q = async () => (await conn.query<any>("SELECT Id, ConversionRate, StartDate, NextStartDate, SystemModstamp FROM DatedConversionRate WHERE IsoCode = 'EUR' ORDER BY StartDate")).records;
    const before = await q();
    const target = before[1];
    const mid = new Date((day(target.StartDate) + 5) * DAY).toISOString().slice(0, 10);
    const id = o.control.addRatePeriod('EUR', 0.777, mid);
    const after = await q();
    expect(after).toHaveLength(before.length + 1);
    const split = after.find((p: any) => p.Id === target.Id);
    expect(split.NextStartDate).toBe(mid);
    expect(split.SystemModstamp > target.SystemModstamp).toBe(true);
    expect(after.find((p: any) => p.Id === id)).toMatchObject({ ConversionRate: 0.777, StartDate: mid, NextStartDate: target.NextStartDate });

    o.control.setRate('EUR', 0.81, mid);
    expect((await q()).find((p: any) => p.Id === id).ConversionRate).toBe(0.81);
    o.control.setRate('GBP', 0.7);
    o.control.setCurrency('JPY', { isActive: false });
    const types = (await conn.query<any>('SELECT IsoCode, ConversionRate, IsActive, SystemModstamp FROM CurrencyType')).records;
    expect(types.find((r: any) => r.IsoCode === 'GBP').ConversionRate).toBe(0.7);
    expect(types.find((r: any) => r.IsoCode === 'JPY').IsActive).toBe(false);

    const overlapping = o.control.addRatePeriod('GBP', 0.5, before[0].StartDate.replace(/-\d\d$/, '-20'), '2099-01-01');
    expect((await conn.query<any>(`SELECT NextStartDate FROM DatedConversionRate WHERE Id = '${overlapping}'`)).records[0].NextStartDate).toBe('2099-01-01');
    expect(() => o.control.setRate('USD', 2)).toThrow(/corporate/);
    expect(() => o.control.setRate('EUR', 1, '1999-01-01')).toThrow(/no dated rate/);
  });

  it('over HTTP too; an object the user cannot read leaves describeGlobal and SOQL (INVALID_TYPE)', async () => {
    const { conn, o, t } = await start({ multiCurrency: true, datedRates: true });
    const post = (method: string, body: unknown) => fetch(`${o.url}/__org/${method}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    expect((await post('setRate', { isoCode: 'GBP', conversionRate: 0.75 })).result).toBeNull();
    expect((await post('setObjectHidden', { objectName: 'DatedConversionRate', hidden: true })).result).toBeNull();
    expect((await conn.describeGlobal()).sobjects.map((s) => s.name)).not.toContain('DatedConversionRate');
    const r = await api(o, `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM DatedConversionRate')}`, t.access_token);
    expect(r.body[0].errorCode).toBe('INVALID_TYPE');
    expect((await api(o, '/services/data/v62.0/sobjects/DatedConversionRate/describe', t.access_token)).status).toBe(404);
    expect((await post('setObjectHidden', { objectName: 'Invoice', hidden: true })).error).toMatch(/invoice object/);
    o.control.setObjectHidden('DatedConversionRate', false);
    expect((await conn.query('SELECT Id FROM DatedConversionRate')).totalSize).toBeGreaterThan(0);
    expect((await conn.query<any>("SELECT ConversionRate FROM CurrencyType WHERE IsoCode = 'GBP'")).records[0].ConversionRate).toBe(0.75);
  });
});
