/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers of the org */
import { once } from 'node:events';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { parseCsv } from '../../support/csv.ts';
import { connection, freshTokens } from './org-test-helpers.ts';

const JOBS = '/services/data/v62.0/jobs/query';

describe('Bulk API 2.0 query jobs on the local org (CSV results in parts, as Salesforce serves them)', () => {
  let org: RunningOrg;
  let token: string;
  beforeAll(async () => {
    org = await startOrg({ port: 0, invoices: 1500, payments: true });
    token = (await freshTokens(org)).access_token;
  });
  afterAll(async () => {
    await org?.stop();
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${org.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: any = null;
    try { json = JSON.parse(text); } catch { /* CSV or empty */ }
    return { status: res.status, headers: res.headers, text, json };
  };
  const create = (query: string, operation = 'query') => call('POST', JOBS, { operation, query, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' });

  it('creates a job, finds it in progress then complete, and serves every record once in CSV parts with Sforce-Locator', async () => {
    const soql = 'SELECT Id, PaymentNumber, Account.Name, Amount, Date, Status, SystemModstamp FROM Payment';
    const created = await create(soql);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ operation: 'query', object: 'Payment', state: 'UploadComplete', contentType: 'CSV', jobType: 'V2Query', lineEnding: 'LF', columnDelimiter: 'COMMA', apiVersion: 62 });
    expect(created.json.id).toMatch(/^750[A-Za-z0-9]{15}$/);
    const id = created.json.id as string;
    // Results before the job is complete: refused.
    const early = await call('GET', `${JOBS}/${id}/results`);
    expect(early.status).toBe(400);
    expect(early.json[0].errorCode).toBe('INVALIDJOB');
    expect((await call('GET', `${JOBS}/${id}`)).json.state).toBe('InProgress');
    const done = await call('GET', `${JOBS}/${id}`);
    expect(done.json.state).toBe('JobComplete');

    const rest: any[] = [];
    let page: any = await connection(org, { access_token: token }).query(soql);
    for (;;) {
      rest.push(...page.records);
      if (page.done) break;
      page = await connection(org, { access_token: token }).queryMore(page.nextRecordsUrl);
    }
    expect(done.json.numberRecordsProcessed).toBe(rest.length);

    const rows: string[][] = [];
    let locator: string | null = null;
    let parts = 0;
    do {
      const res = await call('GET', `${JOBS}/${id}/results?maxRecords=700${locator ? `&locator=${locator}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv');
      const cells = parseCsv(res.text);
      expect(cells[0]).toEqual(['Id', 'PaymentNumber', 'Account.Name', 'Amount', 'Date', 'Status', 'SystemModstamp']);
      expect(Number(res.headers.get('sforce-numberofrecords'))).toBe(cells.length - 1);
      // Every value in quotes, as Salesforce writes them.
      expect(res.text.split('\n')[1]).toMatch(/^"[^"]*"(,"[^"]*")*$/);
      rows.push(...cells.slice(1));
      locator = res.headers.get('sforce-locator');
      parts++;
    } while (locator !== 'null');
    expect(parts).toBe(Math.ceil(rest.length / 700));
    expect(rows).toHaveLength(rest.length);
    // The same records as the REST query: no attributes, no nested object, nulls empty, instants in Z.
    const byId = new Map(rows.map((r) => [r[0], r]));
    const instant = (v: string | null) => (v ?? '').replace(/\+0000$/, 'Z');
    for (const r of rest) {
      const c = byId.get(r.Id)!;
      expect(c).toEqual([r.Id, r.PaymentNumber ?? '', r.Account?.Name ?? '', String(r.Amount), instant(r.Date), r.Status ?? '', instant(r.SystemModstamp)]);
    }
  });

  it('answers errors as Salesforce does: a bad query when created, an unknown job, a bad locator, an old API version', async () => {
    const bad = await create('SELECT Id, NoSuchField__c FROM Payment');
    expect(bad.status).toBe(400);
    expect(bad.json[0].errorCode).toBe('INVALID_FIELD');
    const op = await call('POST', JOBS, { operation: 'upsert', query: 'SELECT Id FROM Payment' });
    expect(op.json[0]).toMatchObject({ errorCode: 'INVALIDJOB' });
    const count = await create('SELECT COUNT() FROM Payment');
    expect(count.json[0]).toMatchObject({ errorCode: 'INVALIDJOB' });
    expect((await call('POST', JOBS, 'not json')).json[0].errorCode).toBe('JSON_PARSER_ERROR');
    expect((await call('GET', `${JOBS}/750000000000000XYZ`)).status).toBe(404);
    expect((await call('POST', '/services/data/v46.0/jobs/query', { operation: 'query', query: 'SELECT Id FROM Payment' })).status).toBe(404);
    const unauthenticated = await fetch(`${org.url}${JOBS}`, { method: 'POST', body: '{}' });
    expect(unauthenticated.status).toBe(401);

    const id = (await create('SELECT Id FROM PaymentLineInvoice')).json.id;
    await call('GET', `${JOBS}/${id}`);
    await call('GET', `${JOBS}/${id}`);
    const wrong = await call('GET', `${JOBS}/${id}/results?maxRecords=10&locator=bm9wZQ`);
    expect(wrong.status).toBe(400);
    expect(wrong.json[0].errorCode).toBe('INVALID_LOCATOR');
  });

  it('a job that fails in Salesforce is found Failed with its errorMessage; an aborted job serves nothing; a deleted one is gone', async () => {
    org.control.injectFault({ kind: 'bulkJobFailed', soqlContains: 'FROM CreditMemo' });
    const failing = (await create('SELECT Id FROM CreditMemo')).json.id;
    expect((await call('GET', `${JOBS}/${failing}`)).json.state).toBe('InProgress');
    const failed = await call('GET', `${JOBS}/${failing}`);
    expect(failed.json).toMatchObject({ state: 'Failed', errorMessage: expect.stringContaining('Failed to process query') });
    expect((await call('GET', `${JOBS}/${failing}/results`)).json[0].errorCode).toBe('INVALIDJOB');

    const aborting = (await create('SELECT Id FROM CreditMemo')).json.id;
    expect((await call('PATCH', `${JOBS}/${aborting}`, { state: 'Aborted' })).json.state).toBe('Aborted');
    expect((await call('GET', `${JOBS}/${aborting}`)).json.state).toBe('Aborted');
    expect((await call('GET', `${JOBS}/${aborting}/results`)).status).toBe(400);
    expect((await call('DELETE', `${JOBS}/${aborting}`)).status).toBe(204);
    expect((await call('GET', `${JOBS}/${aborting}`)).status).toBe(404);
  });

  it('queryAll includes deleted records, query does not', async () => {
    const payment = org.control.records('Payment')[0] as any;
    org.control.deletePayment(payment.Id);
    const ids = async (operation: string) => {
      const id = (await create(`SELECT Id FROM Payment WHERE Id = '${payment.Id}'`, operation)).json.id;
      await call('GET', `${JOBS}/${id}`);
      await call('GET', `${JOBS}/${id}`);
      return parseCsv((await call('GET', `${JOBS}/${id}/results`)).text).slice(1).map((r) => r[0]);
    };
    expect(await ids('query')).toEqual([]);
    expect(await ids('queryAll')).toEqual([payment.Id]);
  });
});

describe('a large Bulk API 2.0 results part does not hold up the org\'s other answers (one event loop, as Salesforce serves in parallel)', () => {
  let org: RunningOrg;
  let token: string;
  beforeAll(async () => {
    // ~45,000 payment applications: a part of all of them is many times what the org builds in one turn of its event loop.
    org = await startOrg({ port: 0, invoices: 30_000, payments: true });
    token = (await freshTokens(org)).access_token;
  });
  afterAll(async () => {
    await org?.stop();
  });
  const get = (path: string) => fetch(`${org.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('answers a REST query asked while it builds a large part before that part; the large part holds the lines of the small parts', async () => {
    const created = await fetch(`${org.url}${JOBS}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, PaymentId, InvoiceId, Amount, Type, AppliedDate, CreatedDate, SystemModstamp FROM PaymentLineInvoice', contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }),
    });
    const id = ((await created.json()) as any).id as string;
    await get(`${JOBS}/${id}`);
    expect(((await (await get(`${JOBS}/${id}`)).json()) as any).state).toBe('JobComplete');

    const jobsSoFar = () => org.control.counters().requests.jobs ?? 0;
    const before = jobsSoFar();
    const order: string[] = [];
    const part = get(`${JOBS}/${id}/results?maxRecords=100000`).then((res) => (order.push('part'), res));
    // Once the org has the results request (it builds the part from then on), a small REST query is asked.
    while (jobsSoFar() === before) await new Promise((resolve) => setImmediate(resolve));
    const rest = get('/services/data/v62.0/query?q=SELECT+Id,+Name+FROM+Account+LIMIT+1').then((res) => (order.push('rest'), res));
    const [whole, small] = await Promise.all([part, rest]);
    expect(small.status).toBe(200);
    expect(((await small.json()) as any).records).toHaveLength(1);
    expect(whole.status).toBe(200);
    const records = Number(whole.headers.get('sforce-numberofrecords'));
    expect(records).toBeGreaterThan(20_000);
    // Built in one go, the part held every request that came meanwhile until it was sent.
    expect(order).toEqual(['rest', 'part']);

    // Same lines as the same rows asked for in parts of 700, in the same order, each once.
    const wholeText = await whole.text();
    expect(Number(whole.headers.get('content-length'))).toBe(Buffer.byteLength(wholeText));
    const [header, ...lines] = wholeText.slice(0, -1).split('\n');
    expect(lines).toHaveLength(records);
    const inParts: string[] = [];
    let locator: string | null = null;
    do {
      const res = await get(`${JOBS}/${id}/results?maxRecords=700${locator ? `&locator=${locator}` : ''}`);
      const text = await res.text();
      const [partHeader, ...partLines] = text.slice(0, -1).split('\n');
      expect(partHeader).toBe(header);
      inParts.push(...partLines);
      locator = res.headers.get('sforce-locator');
    } while (locator !== 'null');
    expect(lines).toEqual(inParts);
  });

  it('serves every byte of a large part to a client that reads it slowly while other parts are built and sent', async () => {
    // The org builds each part into a buffer it uses again for a later part (tests/org/rest/part-buffers.ts): only once
    // the socket has taken every byte of the first, or the later part's bytes would go out as the first one's rest.
    const job = async (query: string) => {
      const created = await fetch(`${org.url}${JOBS}`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ operation: 'query', query, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }),
      });
      const id = ((await created.json()) as any).id as string;
      await get(`${JOBS}/${id}`);
      expect(((await (await get(`${JOBS}/${id}`)).json()) as any).state).toBe('JobComplete');
      return `${JOBS}/${id}/results?maxRecords=100000`;
    };
    const lines = await job('SELECT Id, PaymentId, InvoiceId, Amount, Type, AppliedDate, CreatedDate, SystemModstamp FROM PaymentLineInvoice');
    // The same rows, their fields in another order: a part of the same size, different bytes at every place.
    const reordered = await job('SELECT SystemModstamp, CreatedDate, AppliedDate, Type, Amount, InvoiceId, PaymentId, Id FROM PaymentLineInvoice');
    const whole = await (await get(lines)).text();
    expect(Buffer.byteLength(whole)).toBeGreaterThan(4 * 1024 * 1024);

    const slow = await new Promise<IncomingMessage>((resolve, reject) => {
      httpGet(`${org.url}${lines}`, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject);
    });
    slow.pause();
    // Other parts, each built and read in full, while what the kernel has not taken of the first waits in the org's socket.
    for (let i = 0; i < 3; i++) expect((await (await get(reordered)).text()).startsWith('"SystemModstamp","CreatedDate"')).toBe(true);
    const chunks: Buffer[] = [];
    slow.on('data', (chunk: Buffer) => chunks.push(chunk));
    slow.resume();
    await once(slow, 'end');
    const slowText = Buffer.concat(chunks).toString('utf8');
    expect(slowText.length).toBe(whole.length);
    expect(slowText === whole).toBe(true);
  });
});
