/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { api, connection, freshTokens } from './org-test-helpers.ts';

type Inv = Record<string, any>;

describe('REST query with jsforce: paging, SOQL, errors', () => {
  let org: RunningOrg;
  let tokens: any;
  beforeAll(async () => {
    org = await startOrg({ port: 0, invoices: 5000, objects: ['Invoice', 'blng__Invoice__c', 'Invoice__c'] });
    tokens = await freshTokens(org);
  });
  afterAll(async () => {
    await org?.stop();
  });
  const q = (path: string, headers?: Record<string, string>) => api(org, path, tokens.access_token, headers);

  it('pages through 5,000 invoices with batchSize 500 to the end: exact count, unique ids', async () => {
    const conn = connection(org, tokens);
    const headers = { 'Sforce-Query-Options': 'batchSize=500' };
    let page: any = await conn.query('SELECT Id, DocumentNumber, BillingAccount.Name, Balance FROM Invoice', { headers } as any);
    const ids: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      expect(page.totalSize).toBe(5000);
      expect(page.records.length).toBeLessThanOrEqual(500);
      ids.push(...page.records.map((r: Inv) => r.Id));
      if (page.done) break;
      expect(page.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]{15}-\d+$/);
      page = await conn.queryMore(page.nextRecordsUrl, { headers } as any);
    }
    expect(pages).toBe(10);
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    const expected = new Set(org.control.records('Invoice').map((r) => r.Id));
    expect(ids.every((id) => expected.has(id))).toBe(true);
    expect(org.control.counters().requests).toMatchObject({ query: 1, queryMore: 9 });
  });

  it('uses 2000 per page by default and clamps the batchSize header to 200..2000', async () => {
    const def = await q('/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice');
    expect(def.body.records).toHaveLength(2000);
    expect(Object.keys(def.body)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
    expect(def.body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]{15}-2000$/);
    const next = await q(def.body.nextRecordsUrl);
    expect(next.body.records[0].Id).not.toBe(def.body.records[0].Id);
    const small = await q('/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', { 'Sforce-Query-Options': 'batchSize=10' });
    expect(small.body.records).toHaveLength(200);
    const big = await q('/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', { 'Sforce-Query-Options': 'batchSize=5000' });
    expect(big.body.records).toHaveLength(2000);
    expect(big.body.records[0].attributes).toEqual({ type: 'Invoice', url: `/services/data/v62.0/sobjects/Invoice/${big.body.records[0].Id}` });
  });

  it('evaluates WHERE / ORDER BY / LIMIT / OFFSET like the records say', async () => {
    const all = org.control.records('Invoice') as Inv[];
    const soql = "SELECT Id, DocumentNumber, Balance, DueDate, BillingAccount.Name FROM Invoice WHERE (Status = 'Posted' AND Balance > 0) AND DueDate < 2099-01-01 ORDER BY DueDate DESC NULLS LAST, DocumentNumber ASC LIMIT 50 OFFSET 10";
    const res = await connection(org, tokens).query<Inv>(soql);
    const expected = all
      .filter((r) => r.Status === 'Posted' && (r.Balance as number) > 0)
      .sort((a, b) => (a.DueDate < b.DueDate ? 1 : a.DueDate > b.DueDate ? -1 : String(a.DocumentNumber).localeCompare(String(b.DocumentNumber))))
      .slice(10, 60);
    expect(res.records.map((r) => r.Id)).toEqual(expected.map((r) => r.Id));
    expect(res.records[0]!.BillingAccount.Name).toBe(expected[0]!.BillingAccount.Name);

    const count = await connection(org, tokens).query("SELECT COUNT() FROM Invoice WHERE Status IN ('Draft', 'Paid') OR Balance = 0");
    expect(count.totalSize).toBe(all.filter((r) => r.Status === 'Draft' || r.Status === 'Paid' || r.Balance === 0).length);
    expect(count.records).toEqual([]);

    const acc = String(all[0]!.BillingAccount.Name);
    const like = await q(`/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Id FROM Invoice WHERE BillingAccount.Name LIKE '${acc.slice(0, 4).replace(/'/g, "\\'")}%' AND NOT Status = 'Cancelled'`)}`);
    expect(like.body.totalSize).toBe(all.filter((r) => String((r.BillingAccount as Inv).Name).toLowerCase().startsWith(acc.slice(0, 4).toLowerCase()) && r.Status !== 'Cancelled').length);
  });

  it('every aging bucket is populated (unpaid, by days past due)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const days = (d: string) => Math.round((Date.parse(today) - Date.parse(d)) / 86_400_000);
    const buckets = new Set(org.control.records('Invoice').filter((r) => (r.Balance as number) > 0).map((r) => {
      const d = days(r.DueDate as string);
      return d <= 0 ? 'current' : d <= 30 ? '1-30' : d <= 60 ? '31-60' : d <= 90 ? '61-90' : '90+';
    }));
    expect([...buckets].sort()).toEqual(['1-30', '31-60', '61-90', '90+', 'current']);
  });

  it('incremental sync: SystemModstamp filter, updates and queryAll deletions', async () => {
    const conn = connection(org, tokens);
    const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const [a, b] = org.control.records('Invoice').slice(0, 2).map((r) => r.Id as string) as [string, string];
    const created = org.control.createInvoices(3);
    org.control.updateInvoices([a]);
    org.control.deleteInvoices([b]);
    const soql = `SELECT Id, IsDeleted, SystemModstamp FROM Invoice WHERE SystemModstamp > ${since}`;
    const live = await conn.query<Inv>(soql);
    expect(live.records.map((r) => r.Id).sort()).toEqual([a, ...created].sort());
    const withDeleted = await conn.query<Inv>(soql, { scanAll: true } as any);
    expect(withDeleted.records.find((r) => r.Id === b)?.IsDeleted).toBe(true);
    expect((await conn.query('SELECT COUNT() FROM Invoice')).totalSize).toBe(5000 + 3 - 1);
    expect(org.control.records('Invoice').some((r) => r.Id === b)).toBe(false);
    org.control.updateInvoices([a], { Balance: 0, Status: 'Paid' });
    expect((await conn.query<Inv>(`SELECT Balance, Status FROM Invoice WHERE Id = '${a}'`)).records[0]!).toMatchObject({ Balance: 0, Status: 'Paid' });
  });

  it('line items by parent id, and the other invoice shapes', async () => {
    const conn = connection(org, tokens);
    const inv = org.control.records('Invoice')[5] as Inv;
    const lines = await conn.query<Inv>(`SELECT Id, InvoiceId, Description, Quantity, UnitPrice, LineAmount FROM InvoiceLine WHERE InvoiceId = '${inv.Id}'`);
    expect(lines.totalSize).toBeGreaterThanOrEqual(1);
    expect(lines.totalSize).toBeLessThanOrEqual(5);
    const sum = lines.records.reduce((s, l) => s + l.LineAmount, 0);
    expect(sum).toBeCloseTo(inv.TotalAmount as number, 2);
    const blng = await conn.query<Inv>("SELECT Id, Name, blng__Account__r.Name, blng__InvoiceStatus__c, blng__PaymentStatus__c, blng__Balance__c FROM blng__Invoice__c WHERE blng__PaymentStatus__c = 'Partially Paid' LIMIT 5");
    expect(blng.records[0]!.blng__Account__r.Name).toBeTruthy();
    expect(blng.records[0]!.blng__Balance__c).toBeGreaterThan(0);
    const custom = await conn.query<Inv>('SELECT Id, Name, Account__r.Name, Invoice_Date__c, Due_Date__c, Status__c, Amount__c, Amount_Due__c FROM Invoice__c LIMIT 3');
    expect(custom.records[0]!.Account__r.Name).toBeTruthy();
  });

  it('errors: INVALID_FIELD, INVALID_TYPE, MALFORMED_QUERY (jsforce error name = errorCode; raw = array)', async () => {
    const conn = connection(org, tokens);
    await expect(conn.query('SELECT Id, Nope__c FROM Invoice')).rejects.toMatchObject({ name: 'INVALID_FIELD' });
    await expect(conn.query('SELECT Id FROM Nope__c')).rejects.toMatchObject({ name: 'INVALID_TYPE' });
    await expect(conn.query('SELECT Id FROM Invoice GROUP BY Status')).rejects.toMatchObject({ name: 'MALFORMED_QUERY', message: expect.stringContaining('GROUP BY') });
    await expect(conn.query("SELECT Id FROM Invoice WHERE Status = 'Draft' AND Balance > 0 OR Balance = 0")).rejects.toMatchObject({ name: 'MALFORMED_QUERY' });
    const raw = await q(`/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id, Foo FROM Invoice')}`);
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual([{ errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'Foo' on entity 'Invoice'") }]);
    expect(raw.body[0]!.message).toContain('ERROR at Row:1:Column:12');
    // standard Invoice needs v62+
    const old = await q(`/services/data/v61.0/query?q=${encodeURIComponent('SELECT Id FROM Invoice')}`);
    expect(old.body[0].errorCode).toBe('INVALID_TYPE');
    expect((await q('/services/data/v61.0/sobjects/Invoice/describe')).status).toBe(404);
    const sub = await q(`/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id, (SELECT Id FROM InvoiceLines) FROM Invoice')}`);
    expect(sub.body[0]).toMatchObject({ errorCode: 'MALFORMED_QUERY' });
  });

  it('field-level security hides a field from describe and queries', async () => {
    const conn = connection(org, tokens);
    org.control.setFieldHidden('Invoice', 'Balance', true);
    try {
      const d = await conn.sobject('Invoice').describe();
      expect(d.fields.map((f) => f.name)).not.toContain('Balance');
      await expect(conn.query('SELECT Id, Balance FROM Invoice')).rejects.toMatchObject({ name: 'INVALID_FIELD' });
    } finally {
      org.control.setFieldHidden('Invoice', 'Balance', false);
    }
    const d2 = await conn.sobject('Invoice').describe();
    expect(d2.fields.map((f) => f.name)).toContain('Balance');
  });

  it('invalid or unknown query locators → INVALID_QUERY_LOCATOR', async () => {
    const r = await q('/services/data/v62.0/query/01gXXXXXXXXXXXXXXX-2000');
    expect(r.status).toBe(400);
    expect(r.body).toEqual([{ errorCode: 'INVALID_QUERY_LOCATOR', message: expect.any(String) }]);
  });
});
