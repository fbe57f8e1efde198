import type { ServerResponse } from 'node:http';
import type { OrgData } from '../org-data.ts';
import { SfError } from '../soql/sf-error.ts';

/**
 * GET /services/data/vXX.X/sobjects/ContentVersion/<id>/VersionData: the file's bytes, as Salesforce serves a blob
 * field (application/octet-stream). A missing version is 404 NOT_FOUND, a deleted one ENTITY_IS_DELETED, one the
 * user may not read 403 INSUFFICIENT_ACCESS_OR_READONLY.
 */
export function sendVersionData(data: OrgData, versionRow: number, res: ServerResponse, headers: Record<string, string>): void {
  const docs = data.documents;
  if (docs.isDeleted(docs.docOfVersion(versionRow))) throw new SfError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  if (docs.fault(versionRow) === 'unreadable') {
    throw new SfError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
  }
  const bytes = docs.bytes(versionRow);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length), ...headers });
  res.end(bytes);
}
