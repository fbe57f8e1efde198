/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrgData } from '../org-data.ts';
import { sendHtml } from '../rest/respond.ts';
import { consentPage, loginPage, renderErrorPage } from './pages.ts';
import { OAUTH } from './provider.ts';

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 65536) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Login and consent pages: /services/oauth2/login/<uid>[/consent]. */
export async function handleInteraction(provider: any, data: OrgData, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const [, uid, step] = /^\/services\/oauth2\/login\/([^/]+)(?:\/(consent))?$/.exec(path) ?? [];
  let details: any;
  try {
    details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('uid mismatch');
  } catch {
    return sendHtml(res, 400, renderErrorPage('invalid_request', 'Your login session has expired. Start again from the application.'));
  }
  const o = data.options;
  const loginAction = `${OAUTH}/login/${uid}`;
  const consentAction = `${OAUTH}/login/${uid}/consent`;
  const scopes = String(details.params.scope ?? '').split(' ').filter(Boolean);

  if (req.method === 'GET') {
    if (details.prompt.name === 'login') {
      return sendHtml(res, 200, loginPage(loginAction, { username: details.params.login_hint }));
    }
    return sendHtml(res, 200, consentPage(consentAction, o.clientId, scopes));
  }
  if (req.method !== 'POST') return sendHtml(res, 405, renderErrorPage('invalid_request', 'method not allowed'));
  const form = await readForm(req);

  if (step === 'consent') {
    if (form.get('decision') !== 'allow') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'end-user denied authorization' }, { mergeWithLastSubmission: false });
    }
    const accountId = details.session?.accountId ?? details.result?.login?.accountId ?? details.lastSubmission?.login?.accountId;
    if (!accountId) return sendHtml(res, 200, loginPage(loginAction, {}));
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId: o.clientId });
    grant.addOIDCScope(scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  // Login form submitted.
  const username = form.get('username') ?? '';
  if (username.trim().toLowerCase() !== o.username.toLowerCase() || form.get('password') !== o.password) {
    return sendHtml(res, 200, loginPage(loginAction, { username, error: true }));
  }
  await provider.interactionResult(req, res, { login: { accountId: data.userId } }, { mergeWithLastSubmission: false });
  return sendHtml(res, 200, consentPage(consentAction, o.clientId, scopes));
}
