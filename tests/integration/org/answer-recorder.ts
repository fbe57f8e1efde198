/* eslint-disable @typescript-eslint/no-explicit-any -- the org's JSON answers, read loosely */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index.ts';
import { freshTokens } from './org-test-helpers.ts';

/** The API version the golden answers are asked at. */
export const GOLDEN_DATA = '/services/data/v67.0';
/** The headers of an answer a client reads (beside its status and body). */
const HEADERS = ['content-type', 'content-length', 'sforce-locator', 'sforce-numberofrecords', 'sforce-limit-info'];

export interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

/**
 * The org's answers as sha1s, step by step (the golden tests: the org may be made cheaper to run, never different to a
 * client). Every call's status, the headers above and the body are hashed in the order they came; `folds()` gives each
 * step's count and the sha1 of its hashes.
 */
export class AnswerRecorder {
  private readonly steps = new Map<string, string[]>();
  private step = '';

  constructor(private readonly org: RunningOrg, private readonly token: string) {}

  /** Answers from now on belong to this step. */
  begin(step: string): void {
    this.step = step;
    this.steps.set(step, []);
  }

  /** Something that is no HTTP answer (e.g. what control calls returned), hashed into the current step. */
  note(text: string): void {
    this.steps.get(this.step)!.push(createHash('sha1').update(text).digest('hex'));
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${this.org.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const head = `${res.status}\n${HEADERS.map((h) => `${h}: ${res.headers.get(h) ?? ''}`).join('\n')}\n\n`;
    this.steps.get(this.step)!.push(createHash('sha1').update(head).update(bytes).digest('hex'));
    let json: any = null;
    try { json = JSON.parse(bytes.toString('utf8')); } catch { /* CSV or empty */ }
    return { status: res.status, headers: res.headers, json };
  }

  /** A REST query paged to its end (pages of 500: several locators); the ids of its records. */
  async rest(soql: string, resource = 'query'): Promise<string[]> {
    const ids: string[] = [];
    const options = { 'Sforce-Query-Options': 'batchSize=500' };
    let page = await this.call('GET', `${GOLDEN_DATA}/${resource}?q=${encodeURIComponent(soql)}`, undefined, options);
    for (;;) {
      for (const r of page.json?.records ?? []) ids.push(r.Id);
      if (!page.json?.nextRecordsUrl) return ids;
      page = await this.call('GET', page.json.nextRecordsUrl, undefined, options);
    }
  }

  /** A Bulk API 2.0 query job, created and looked at twice (InProgress, then JobComplete); its id, if the org made one. */
  async createJob(soql: string, operation = 'query'): Promise<string | undefined> {
    const created = await this.call('POST', `${GOLDEN_DATA}/jobs/query`, { operation, query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' });
    const id = created.json?.id as string | undefined;
    if (id) {
      await this.call('GET', `${GOLDEN_DATA}/jobs/query/${id}`);
      await this.call('GET', `${GOLDEN_DATA}/jobs/query/${id}`);
    }
    return id;
  }

  /** A job's every part (1,000 records a part: several locators). */
  async readJob(id: string): Promise<void> {
    let locator: string | null = null;
    do {
      const res = await this.call('GET', `${GOLDEN_DATA}/jobs/query/${id}/results?maxRecords=1000${locator ? `&locator=${locator}` : ''}`);
      locator = res.headers.get('sforce-locator');
      if (res.status !== 200) return;
    } while (locator && locator !== 'null');
  }

  /** Each step's `<answers> <sha1 of their sha1s>`. */
  folds(): Record<string, string> {
    return Object.fromEntries([...this.steps].map(([name, hashes]) => [name, `${hashes.length} ${createHash('sha1').update(hashes.join(',')).digest('hex')}`]));
  }
}

/** The golden tests' org, the same for every file: seeded, with a fixed clock that only control-API changes move. */
export interface GoldenOrg {
  readonly org: RunningOrg;
  readonly answers: AnswerRecorder;
  /** What each change returned, or why it was refused, in order. */
  readonly changes: string[];
  /** A control-API change made a minute (and a second) after the last one on the org's clock; kept in `changes`. */
  attempt(what: string, run: () => unknown): void;
}

/**
 * Starts the golden org before the file's tests and stops it after them: both invoice shapes (1,500 each), payments,
 * credit notes, refunds, several currencies and dated rates, its clock at 2026-06-15 10:00 UTC.
 */
export function useGoldenOrg(): GoldenOrg {
  let clock = Date.parse('2026-06-15T10:00:00.000Z');
  let org: RunningOrg | undefined;
  let answers: AnswerRecorder | undefined;
  const changes: string[] = [];
  beforeAll(async () => {
    org = await startOrg({ port: 0, invoices: 1500, objects: ['Invoice', 'blng__Invoice__c'], multiCurrency: true, datedRates: true, payments: true, now: () => clock });
    answers = new AnswerRecorder(org, (await freshTokens(org)).access_token);
  }, 120_000);
  afterAll(async () => {
    await org?.stop();
  });
  return {
    get org() { return org!; },
    get answers() { return answers!; },
    changes,
    attempt(what, run) {
      clock += 61_000;
      try {
        changes.push(`${what}: ${JSON.stringify(run() ?? null)}`);
      } catch (e) {
        changes.push(`${what}: refused ${(e as Error).message}`);
      }
    },
  };
}
