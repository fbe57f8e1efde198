const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;background:#f3f6f9;margin:0}
#wrap{max-width:380px;margin:60px auto;background:#fff;border:1px solid #d8dde6;border-radius:4px;padding:28px}
h1{font-size:20px;margin:0 0 18px}label{display:block;font-size:13px;color:#54698d;margin:12px 0 4px}
input.input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #d8dde6;border-radius:4px;font-size:14px}
.button{margin-top:18px;width:100%;padding:11px;border:0;border-radius:4px;background:#0070d2;color:#fff;font-size:15px;cursor:pointer}
.secondary{background:#fff;color:#0070d2;border:1px solid #d8dde6}
.loginError{color:#c23934;background:#fff0f0;border:1px solid #c23934;border-radius:4px;padding:10px;font-size:13px;margin-bottom:12px}
.scopes{font-size:13px;color:#333}.org{font-size:12px;color:#54698d;margin-top:16px}`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><div id="wrap">${body}</div></body></html>`;
}

export function loginPage(action: string, opts: { username?: string; error?: boolean }): string {
  const error = opts.error
    ? `<div id="error" class="loginError" role="alert">Please check your username and password. If you still can't log in, contact your Salesforce administrator.</div>`
    : '';
  return layout('Login | Salesforce', `<h1>Budgetly demo org</h1>${error}
<form id="login_form" method="post" action="${esc(action)}" autocomplete="off">
<label for="username">Username</label><input class="input" id="username" name="username" type="email" value="${esc(opts.username ?? '')}" autofocus>
<label for="password">Password</label><input class="input" id="password" name="password" type="password">
<input class="button" type="submit" id="Login" name="Login" value="Log In">
</form><div class="org">Local Salesforce-compatible org (test only).</div>`);
}

const SCOPE_TEXT: Record<string, string> = {
  api: 'Manage user data via APIs (api)',
  refresh_token: 'Perform requests at any time (refresh_token, offline_access)',
  offline_access: 'Perform requests at any time (refresh_token, offline_access)',
  openid: 'Access unique user identifiers (openid)',
  id: 'Access the identity URL service (id, profile, email, address, phone)',
  full: 'Full access (full)',
  web: 'Access the Salesforce API platform (web)',
};

export function consentPage(action: string, clientId: string, scopes: string[]): string {
  const items = [...new Set(scopes.map((s) => SCOPE_TEXT[s] ?? `${s}`))].map((s) => `<li>${esc(s)}</li>`).join('');
  return layout('Allow Access? | Salesforce', `<h1>Allow Access?</h1>
<p class="scopes"><b>${esc(clientId)}</b> is asking to:</p><ul class="scopes">${items}</ul>
<form method="post" action="${esc(action)}">
<button class="button" type="submit" id="oaapprove" name="decision" value="allow">Allow</button>
<button class="button secondary" type="submit" id="oadeny" name="decision" value="deny">Deny</button>
</form>`);
}

const SF_ERROR: Record<string, string> = {
  invalid_client: 'invalid_client_id',
  invalid_redirect_uri: 'redirect_uri_mismatch',
};

/** Salesforce's 400 page for authorize errors that must not redirect. */
export function renderErrorPage(error: string, description?: string): string {
  const code = SF_ERROR[error] ?? error;
  const text = code === 'invalid_client_id' ? 'client identifier invalid'
    : code === 'redirect_uri_mismatch' ? 'redirect_uri must match configuration' : description ?? code;
  return layout('OAuth Error', `<h1>OAuth Error</h1>
<p>We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.</p>
<p id="error"><b>error=${esc(code)}</b></p><p id="error_description">${esc(text)}</p>`);
}
