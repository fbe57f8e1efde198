/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import { afterEach, describe, expect, it } from 'vitest';
import { startOrg, type OrgOptions, type RunningOrg } from '../../org/index.ts';
import { api, connection, freshTokens } from './org-test-helpers.ts';

let org: RunningOrg | undefined;
async function start(options: OrgOptions = {}) {
  org = await startOrg({ port: 0, invoices: 300, ...options });
  return { o: org, t: await freshTokens(org) };
}
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

describe('REST shapes', () => {
  it('lists versions without auth, up to v67.0', async () => {
    const { o } = await start();
    const r = await api(o, '/services/data/');
    expect(r.status).toBe(200);
    expect(r.body.at(-1)).toEqual({ label: "Summer '26", url: '/services/data/v67.0', version: '67.0' });
    expect(r.body.find((v: any) => v.version === '62.0').label).toBe("Winter '25");
  });

  it('401 INVALID_SESSION_ID array without or with a bad token; Sforce-Limit-Info on responses', async () => {
    const { o, t } = await start();
    const none = await api(o, '/services/data/v62.0/sobjects');
    expect(none.status).toBe(401);
    expect(none.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    expect((await api(o, '/services/data/v62.0/sobjects', 'bad')).status).toBe(401);
    const ok = await api(o, '/services/data/v62.0/sobjects', t.access_token);
    expect(ok.headers.get('sforce-limit-info')).toBe('api-usage=1/15000');
    const ok2 = await api(o, '/services/data/v62.0/limits', t.access_token);
    expect(ok2.headers.get('sforce-limit-info')).toBe('api-usage=2/15000');
    expect(ok2.body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 14998 });
  });

  it('REQUEST_LIMIT_EXCEEDED past requestLimit (403)', async () => {
    const { o, t } = await start({ requestLimit: 2 });
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(200);
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(200);
    const r = await api(o, '/services/data/v62.0/limits', t.access_token);
    expect(r.status).toBe(403);
    expect(r.body).toEqual([{ message: expect.any(String), errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
  });

  it('describeGlobal lists the shapes, Account and the SalesforceInvoice decoy; describe has fields with metadata', async () => {
    const { o, t } = await start({ objects: ['Invoice', 'blng__Invoice__c'], multiCurrency: true });
    const conn = connection(o, t);
    const g = await conn.describeGlobal();
    const names = g.sobjects.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Account', 'Invoice', 'InvoiceLine', 'blng__Invoice__c', 'blng__InvoiceLine__c', 'SalesforceInvoice']));
    expect(names).not.toContain('Invoice__c');
    expect(g.sobjects.find((s) => s.name === 'blng__Invoice__c')).toMatchObject({ custom: true, queryable: true, keyPrefix: 'a1X' });
    const d = await conn.sobject('Invoice').describe();
    const byName: Record<string, any> = Object.fromEntries(d.fields.map((f) => [f.name, f]));
    expect(byName.BillingAccountId).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'BillingAccount', filterable: true, sortable: true });
    expect(byName.Status.picklistValues.map((p: any) => p.value)).toEqual(['Draft', 'Posted', 'Paid', 'Cancelled']);
    expect(byName.CurrencyIsoCode.picklistValues.map((p: any) => p.value)).toEqual(['USD', 'EUR', 'GBP', 'JPY']);
    expect(byName.Balance).toMatchObject({ type: 'currency', nillable: true });
    expect(d.childRelationships).toEqual([
      expect.objectContaining({ childSObject: 'InvoiceLine', field: 'InvoiceId', relationshipName: 'InvoiceLines' }),
      expect.objectContaining({ childSObject: 'PaymentLineInvoice', field: 'InvoiceId', relationshipName: 'PaymentLinesInvoice' }),
      expect.objectContaining({ childSObject: 'CreditMemoInvApplication', field: 'InvoiceId', relationshipName: 'CreditMemoInvApplications' }),
      expect.objectContaining({ childSObject: 'InvoiceDocument', field: 'InvoiceId', relationshipName: 'InvoiceDocuments' }),
    ]);
    const jpy = o.control.records('Invoice').filter((r) => r.CurrencyIsoCode === 'JPY');
    expect(jpy.length).toBeGreaterThan(0);
    expect(jpy.every((r) => Number.isInteger(r.TotalAmount) && Number.isInteger(r.Balance))).toBe(true);
    const unknown = await api(o, '/services/data/v62.0/sobjects/Nope__c/describe', t.access_token);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  });

  it('GET a single record, 404 for unknown ids', async () => {
    const { o, t } = await start();
    const rec = o.control.records('Invoice')[3]!;
    const r = await api(o, `/services/data/v62.0/sobjects/Invoice/${rec.Id}`, t.access_token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ attributes: { type: 'Invoice' }, Id: rec.Id, DocumentNumber: rec.DocumentNumber, Balance: rec.Balance });
    const f = await api(o, `/services/data/v62.0/sobjects/Invoice/${rec.Id}?fields=Id,Status`, t.access_token);
    expect(Object.keys(f.body)).toEqual(['attributes', 'Id', 'Status']);
    expect((await api(o, '/services/data/v62.0/sobjects/Invoice/3tt000000000000AAA', t.access_token)).body[0].errorCode).toBe('NOT_FOUND');
  });

  it('data is deterministic for a seed', async () => {
    const a = await startOrg({ port: 0, invoices: 300, seed: 7 });
    const b = await startOrg({ port: 0, invoices: 300, seed: 7 });
    const c = await startOrg({ port: 0, invoices: 300, seed: 8 });
    try {
      const strip = (rs: any[]) => rs.map(({ CreatedDate: _c, LastModifiedDate: _l, SystemModstamp: _s, ...r }) => r);
      expect(strip(a.control.records('Invoice'))).toEqual(strip(b.control.records('Invoice')));
      expect(a.control.records('Account')).toEqual(b.control.records('Account'));
      expect(c.control.records('Account')[0]!.Name).not.toBe(a.control.records('Account')[0]!.Name);
      const statuses = new Set(a.control.records('Invoice').map((r) => r.Status));
      expect([...statuses].sort()).toEqual(['Cancelled', 'Draft', 'Paid', 'Posted']);
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });
});

describe('faults and counters', () => {
  it('http500 / http503 for the next N matching requests, then normal', async () => {
    const { o, t } = await start();
    o.control.injectFault({ kind: 'http500', pathPrefix: '/services/data', count: 2 });
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(500);
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(500);
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(200);
    o.control.injectFault({ kind: 'http503', pathPrefix: '/services/data/v62.0/query' });
    const r = await api(o, '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', t.access_token);
    expect(r.status).toBe(503);
    expect(Array.isArray(r.body)).toBe(true);
  });

  it('drop destroys the socket mid-body (jsforce sees a network error)', async () => {
    const { o, t } = await start();
    o.control.injectFault({ kind: 'drop', pathPrefix: '/services/data/v62.0/query' });
    await expect(fetch(`${o.url}/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice`, { headers: { authorization: `Bearer ${t.access_token}` } }).then((r) => r.text())).rejects.toThrow();
    const ok = await connection(o, t).query('SELECT Id FROM Invoice LIMIT 1');
    expect(ok.records).toHaveLength(1);
  });

  it('latency, sessionExpired, requestLimit and invalidLocator faults', async () => {
    const { o, t } = await start({ invoices: 1000 });
    o.control.injectFault({ kind: 'latency', ms: 300, pathPrefix: '/services/data' });
    const t0 = Date.now();
    await api(o, '/services/data/v62.0/limits', t.access_token);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    o.control.injectFault({ kind: 'sessionExpired' });
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).body[0].errorCode).toBe('INVALID_SESSION_ID');
    o.control.injectFault({ kind: 'requestLimit' });
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).body[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    const first = await api(o, '/services/data/v62.0/query?q=SELECT+Id+FROM+Invoice', t.access_token, { 'Sforce-Query-Options': 'batchSize=200' });
    o.control.injectFault({ kind: 'invalidLocator' });
    const bad = await api(o, first.body.nextRecordsUrl, t.access_token);
    expect(bad.body).toEqual([{ errorCode: 'INVALID_QUERY_LOCATOR', message: expect.any(String) }]);
    expect((await api(o, first.body.nextRecordsUrl, t.access_token)).status).toBe(200); // one-shot
    o.control.injectFault({ kind: 'http500', count: 5 });
    o.control.clearFaults();
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(200);
  });

  it('control API over HTTP mirrors the in-process one', async () => {
    const { o, t } = await start();
    const post = (m: string, body: unknown) => fetch(`${o.url}/__org/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    const created = await post('createInvoices', { count: 2 });
    expect(created.result).toHaveLength(2);
    await post('deleteInvoices', [created.result]);
    expect(o.control.records('Invoice')).toHaveLength(300); // 300 + 2 created - 2 deleted
    await post('injectFault', { kind: 'http500', pathPrefix: '/services/data' });
    expect((await api(o, '/services/data/v62.0/limits', t.access_token)).status).toBe(500);
    const counters = await fetch(`${o.url}/__org/counters`).then((r) => r.json());
    expect(counters.result).toMatchObject({ tokenGrants: 1, requests: { limits: 1 } });
    const recs = await fetch(`${o.url}/__org/records?objectName=Account`).then((r) => r.json());
    expect(recs.result.length).toBeGreaterThan(0);
    await post('resetCounters', []);
    expect(o.control.counters()).toMatchObject({ tokenGrants: 0, requests: {} });
    expect((await post('nope', {})).error).toBeTruthy();
  });
});
