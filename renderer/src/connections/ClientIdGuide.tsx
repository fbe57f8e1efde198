import { REDIRECT_URI } from '../../../electron/contract/login-host';

/** The few steps a Salesforce admin takes once so Budgetly may sign in. */
export function ClientIdGuide() {
  return (
    <details className="guide">
      <summary>How do I get a client id?</summary>
      <ol>
        <li>
          In Salesforce Setup, open <strong>External Client App Manager</strong> and choose <strong>New External Client App</strong>.
        </li>
        <li>
          Turn on <strong>OAuth</strong>, and enter this callback URL exactly: <code className="callback-url">{REDIRECT_URI}</code>
        </li>
        <li>
          Select the scopes <strong>Manage user data via APIs (api)</strong> and <strong>Perform requests at any time (refresh_token, offline_access)</strong>.
        </li>
        <li>
          Turn on <strong>Require Proof Key for Code Exchange (PKCE)</strong>; a client secret is not needed.
        </li>
        <li>
          Save, then copy the <strong>Consumer Key</strong>: that is the client id.
        </li>
      </ol>
    </details>
  );
}
