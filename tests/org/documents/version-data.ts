import type { ServerResponse } from 'node:http';
import type { OrgData } from '../org-data.ts';
import { SfError } from '../soql/sf-error.ts';

/**
 * GET /services/data/vXX.X/sobjects/ContentVersion/<id>/VersionData: the file's bytes, as Salesforce serves a blob
 * field (application/octet-stream). A missing version is 404 NOT_FOUND, a deleted one ENTITY_IS_DELETED, one the
 * user may not read 403 INSUFFICIENT_ACCESS_OR_READONLY.
 */
export function sendVersionData(data: OrgData, versionRow: number, res: ServerResponse, headers: Record<string, string>): void | Promise<void> {
  const docs = data.documents;
  if (docs.isDeleted(docs.docOfVersion(versionRow))) throw new SfError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  if (docs.fault(versionRow) === 'unreadable') {
    throw new SfError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  }
  if (docs.fault(versionRow) === 'huge') return streamHuge(data, versionRow, res, headers);
  const bytes = docs.bytes(versionRow);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length), ...headers });
  docs.bytesSent += bytes.length;
  res.end(bytes);
}

/**
 * The 200 MB file streamed with back-pressure (a chunk more only once the socket took the last), Content-Length
 * honest; it stops as soon as the client hangs up, so `bytesSent` shows how much a client that cut it short took.
 */
async function streamHuge(data: OrgData, versionRow: number, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const docs = data.documents;
  const { size } = docs.meta(versionRow);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size), ...headers });
  let closed = false;
  res.on('close', () => (closed = true));
  for (const chunk of docs.hugeChunks(versionRow)) {
    if (closed || res.destroyed) return;
    docs.bytesSent += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!closed) res.end();
}
