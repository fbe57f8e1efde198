import { smallAnswerLimits, type HttpLimits } from '../salesforce/http-limits';
import { createConnection, requestWith } from '../salesforce/jsforce-adapter';
import { toAppError } from '../salesforce/salesforce-errors';
import { smallAnswerTransport } from '../salesforce/small-answer-transport';

export interface Identity {
  username: string;
  displayName: string;
  orgId: string;
  userId: string;
}

/** API version for the identity call (the id URL is absolute; jsforce still wants a version, never its 50.0 default). */
const IDENTITY_API_VERSION = '62.0';

/**
 * GET the identity URL with the bearer token (not jsforce's `identity()`, which puts the token in the query string).
 * Falls back to the ids in the URL itself (…/id/<orgId>/<userId>) for anything the answer lacks.
 * A small answer: a cut or stalled body fails as NETWORK within the limits; `signal` (the sign-in's cancel) aborts it.
 */
export async function fetchIdentity(
  session: { accessToken: string; instanceUrl: string; idUrl: string },
  limits: HttpLimits,
  signal?: AbortSignal,
): Promise<Identity> {
  const transport = smallAnswerTransport(smallAnswerLimits(limits), signal);
  const conn = createConnection({ instanceUrl: session.instanceUrl, accessToken: session.accessToken, version: IDENTITY_API_VERSION }, transport);
  const [orgFromUrl = '', userFromUrl = ''] = new URL(session.idUrl).pathname.split('/').slice(-2);
  let body: Record<string, unknown>;
  try {
    body = (await requestWith<Record<string, unknown> | undefined>(conn, { method: 'GET', url: session.idUrl }, transport)) ?? {};
  } catch (error) {
    throw toAppError(error);
  }
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  const username = text('username') ?? text('preferred_username') ?? '';
  return {
    username,
    displayName: text('display_name') ?? text('name') ?? username,
    orgId: text('organization_id') ?? orgFromUrl,
    userId: text('user_id') ?? userFromUrl,
  };
}
