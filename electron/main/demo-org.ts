/**
 * `npm start` on a developer machine runs the local Salesforce-compatible org next to the app
 * and passes its URL here; the app then offers it as a one-click demo connection. Only a
 * loopback http URL is accepted, a configured real client id turns the demo off, and a packaged
 * app ignores the variable altogether (it would add a trusted http origin to a user's install).
 */
export interface DemoOrg {
  label: string;
  loginUrl: string;
  clientId: string;
}

export function demoOrgFromEnv(env: Record<string, string | undefined>, app: { packaged: boolean }): DemoOrg | null {
  const raw = env.BUDGETLY_DEMO_ORG_URL;
  if (app.packaged || !raw || env.BUDGETLY_CLIENT_ID) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || !url.port) return null;
    return { label: 'Demo org (on this computer)', loginUrl: url.origin, clientId: env.BUDGETLY_DEMO_CLIENT_ID ?? 'budgetly-demo' };
  } catch {
    return null;
  }
}
