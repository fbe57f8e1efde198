import type { Connection, Result } from '../../electron/contract';
import { PlaywrightLoginAgent, signInAndAllow } from './playwright-login-agent';
import type { TestCore } from './test-core';

export interface ConnectTestCoreOptions {
  /** The agent the test core was created with; defaults to the only PlaywrightLoginAgent alive in this file. */
  agent?: PlaywrightLoginAgent;
  label?: string;
  clientId?: string;
  username?: string;
  password?: string;
  /** Connect an existing connection instead of adding one. */
  connectionId?: string;
}

/**
 * Adds a connection for the local org and signs in through the org's real login and consent
 * pages (Authorization Code + PKCE over HTTP), the way a user would. Returns the connection id.
 * The test core must have been created with the agent as its login agent and with the org's
 * URL in `extraLoginOrigins`.
 */
export async function connectTestCore(
  testCore: Pick<TestCore, 'call'>,
  org: { url: string },
  options: ConnectTestCoreOptions = {},
): Promise<string> {
  const agent = options.agent ?? PlaywrightLoginAgent.only();
  if (!agent) throw new Error('connectTestCore: pass options.agent (the PlaywrightLoginAgent the test core was created with).');
  let id = options.connectionId;
  if (!id) {
    const added = (await testCore.call('connections.add', {
      label: options.label ?? 'Local org',
      loginUrl: org.url,
      clientId: options.clientId ?? 'budgetly-demo',
    })) as Result<Connection>;
    if (!added.ok) {
      throw new Error(`connectTestCore: connections.add failed (${added.error.code}: ${added.error.message}). Is ${org.url} in extraLoginOrigins?`);
    }
    id = added.value.id;
  }
  const credentials = { username: options.username ?? 'demo@budgetly.test', password: options.password ?? 'budgetly' };
  const driving = agent.nextPage().then((page) =>
    signInAndAllow(page, credentials).catch((error: unknown) => {
      // The page closes as soon as the redirect is caught, which may interrupt the last click.
      if (!page.isClosed()) throw error;
    }),
  );
  const connecting = testCore.call('connections.connect', { id }) as Promise<Result<Connection>>;
  let connected: Result<Connection>;
  try {
    [connected] = await Promise.all([connecting, driving]);
  } catch (error) {
    await testCore.call('connections.cancelLogin', { id });
    throw error;
  }
  if (!connected.ok) throw new Error(`connectTestCore: sign-in failed (${connected.error.code}: ${connected.error.message})`);
  if (connected.value.status !== 'connected') throw new Error(`connectTestCore: connection is ${connected.value.status}`);
  return id;
}
