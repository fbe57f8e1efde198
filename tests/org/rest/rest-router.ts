import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from '../control/counters.ts';
import type { Faults } from '../control/faults.ts';
import { clampBatch } from '../options.ts';
import type { OrgData } from '../org-data.ts';
import { fieldMap } from '../schema/table.ts';
import { materialize, runQuery, type QueryResult } from '../soql/query.ts';
import type { Column } from '../soql/resolve.ts';
import { malformed, SfError } from '../soql/sf-error.ts';
import type { Cursors } from './cursors.ts';
import { handleBulkQuery, type BulkJobs } from './bulk-query.ts';
import { sendVersionData } from '../documents/version-data.ts';
import { describeGlobal, describeSObject, sobjectSummary } from './describe.ts';
import { sendJson, sendSfError } from './respond.ts';
import { parseVersion, resources, versionList } from './versions.ts';

export interface RestDeps {
  data: OrgData;
  counters: Counters;
  faults: Faults;
  cursors: Cursors;
  /** Bulk API 2.0 query jobs (bulk-query.ts). */
  jobs: BulkJobs;
  url: () => string;
  /** True when the bearer token is a live access token. */
  authenticate(token: string): Promise<boolean>;
}

const NOT_FOUND = 'The requested resource does not exist';

export async function handleRest(deps: RestDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { counters, faults, data } = deps;
  const limitHeader = () => ({ 'Sforce-Limit-Info': `api-usage=${counters.apiCalls}/${data.options.requestLimit}` });
  const fail = (e: SfError) => sendSfError(res, e.status, e.errorCode, e.message, limitHeader());
  const parts = url.pathname.replace(/^\/services\/data\/?/, '').split('/').filter(Boolean);

  if (parts.length === 0) return sendJson(res, 200, versionList(), limitHeader());
  // Bulk API 2.0 query jobs also take POST, PATCH and DELETE.
  const bulk = parts[1] === 'jobs' && parts[2] === 'query';
  if (!bulk && req.method !== 'GET' && req.method !== 'HEAD') {
    return fail(new SfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are GET,HEAD`));
  }

  const auth = /^(Bearer|OAuth)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const expired = faults.take(url.pathname, ['sessionExpired']);
  if (expired || !auth || !(await deps.authenticate(auth[2]!))) {
    return sendSfError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid', { ...limitHeader(), 'WWW-Authenticate': 'Token' });
  }
  counters.apiCalls++;
  if (faults.take(url.pathname, ['requestLimit']) || counters.apiCalls > data.options.requestLimit) {
    return fail(new SfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
  }
  const version = parseVersion(parts[0]!);
  if (version === undefined) return fail(new SfError(404, 'NOT_FOUND', NOT_FOUND));
  const base = `/services/data/v${version}.0`;

  try {
    const [, resource, a, b] = parts;
    if (!resource) return sendJson(res, 200, resources(base, `${deps.url()}/id/${data.orgId}/${data.userId}`), limitHeader());
    if (bulk) return await handleBulkQuery({ data, faults, jobs: deps.jobs, userId: data.userId }, req, res, url, version, parts.slice(1), limitHeader());
    if ((resource === 'query' || resource === 'queryAll') && parts.length <= 3) {
      const batchHeader = /batchSize=(\d+)/i.exec(String(req.headers['sforce-query-options'] ?? ''));
      const batch = batchHeader ? clampBatch(Number(batchHeader[1])) : undefined;
      if (a) {
        if (faults.take(url.pathname, ['invalidLocator'])) throw locatorError();
        const found = deps.cursors.find(a);
        if (!found) throw locatorError();
        return sendJson(res, 200, page(deps, found.cursor.result, base, found.cursor.id, found.offset, batch ?? found.cursor.batch), limitHeader());
      }
      const q = url.searchParams.get('q');
      if (!q) throw malformed('A query string has to be specified');
      const result = runQuery(data, version, q, resource === 'queryAll');
      const size = batch ?? data.options.batchSize;
      const cursor = result.rows.length > size ? deps.cursors.create(result, `${version}.0`, size) : undefined;
      return sendJson(res, 200, page(deps, result, base, cursor?.id, 0, size), limitHeader());
    }
    if (resource === 'limits' && !a) return sendJson(res, 200, limits(counters.apiCalls, data.options.requestLimit), limitHeader());
    if (resource === 'sobjects') {
      const tables = data.visibleTables(version);
      if (!a) return sendJson(res, 200, describeGlobal(base, tables), limitHeader());
      const table = data.table(a, version);
      if (table?.name === 'ContentVersion' && b && parts[4] === 'VersionData' && parts.length === 5) {
        const row = table.rowOf(b);
        if (row < 0) throw new SfError(404, 'NOT_FOUND', NOT_FOUND);
        return sendVersionData(data, row, res, limitHeader());
      }
      if (!table || parts.length > 4) throw new SfError(404, 'NOT_FOUND', NOT_FOUND);
      if (!b) return sendJson(res, 200, { objectDescribe: sobjectSummary(base, table), recentItems: [] }, limitHeader());
      if (b === 'describe') return sendJson(res, 200, describeSObject(base, table, tables), limitHeader());
      const row = table.rowOf(b);
      if (row < 0) throw new SfError(404, 'NOT_FOUND', NOT_FOUND);
      if (table.isDeleted(row)) throw new SfError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
      const fm = fieldMap(table);
      const wanted = url.searchParams.get('fields')?.split(',').map((s) => s.trim()).filter(Boolean);
      const cols: Column[] = [];
      for (const name of wanted ?? [...fm.values()].map((f) => f.name)) {
        const f = fm.get(name.toLowerCase());
        if (!f) throw new SfError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${table.name}`);
        cols.push({ path: [f.name], tables: [table], field: f, get: f.get });
      }
      return sendJson(res, 200, materialize(table, cols, row, base), limitHeader());
    }
    throw new SfError(404, 'NOT_FOUND', NOT_FOUND);
  } catch (e) {
    if (e instanceof SfError) return fail(e);
    throw e;
  }
}

function locatorError(): SfError {
  return new SfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
}

function page(deps: RestDeps, result: QueryResult, base: string, cursorId: string | undefined, offset: number, size: number) {
  const end = Math.min(result.rows.length, offset + size);
  const records = [];
  for (let i = offset; i < end; i++) records.push(materialize(result.table, result.columns, result.rows[i]!, base));
  const done = end >= result.rows.length;
  if (cursorId) deps.counters.cursorPage(cursorId, done);
  return {
    totalSize: result.totalSize,
    done,
    ...(done || !cursorId ? {} : { nextRecordsUrl: `${base}/query/${cursorId}-${end}` }),
    records,
  };
}

/** Path template used by the request counters: 'query', 'queryMore', 'describe', 'token', ... */
export function templateOf(pathname: string): string {
  if (pathname.startsWith('/services/oauth2/')) {
    const seg = pathname.split('/')[3];
    return seg === 'authorize' || seg === 'token' || seg === 'revoke' || seg === 'userinfo' || seg === 'login' ? seg : 'oauth';
  }
  if (pathname.startsWith('/id/')) return 'identity';
  if (!pathname.startsWith('/services/data')) return 'other';
  const parts = pathname.replace(/^\/services\/data\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0) return 'versions';
  const [, resource, a, b] = parts;
  if (!resource) return 'resources';
  if (resource === 'query') return a ? 'queryMore' : 'query';
  if (resource === 'queryAll') return a ? 'queryMore' : 'queryAll';
  if (resource === 'sobjects') return !a ? 'describeGlobal' : !b ? 'sobject' : b === 'describe' ? 'describe' : 'record';
  return resource;
}

function limits(used: number, max: number): Record<string, unknown> {
  const lim = (Max: number, Remaining: number) => ({ Max, Remaining });
  return {
    ConcurrentAsyncGetReportInstances: lim(200, 200), ConcurrentSyncReportRuns: lim(20, 20),
    DailyApiRequests: lim(max, Math.max(0, max - used)), DailyAsyncApexExecutions: lim(250000, 250000),
    DailyBulkApiBatches: lim(15000, 15000), DailyBulkV2QueryFileStorageMB: lim(976562, 976562),
    DailyBulkV2QueryJobs: lim(10000, 10000), DataStorageMB: lim(5, 5), FileStorageMB: lim(20, 20),
    HourlyODataCallout: lim(20000, 20000), SingleEmail: lim(15, 15),
  };
}
