import { expect } from 'vitest';
import { HttpLoginAgent } from '../org/headless-login';
import { createTestCore, type TestCore, type TestCoreOptions } from './test-core';

/**
 * A test core signed in to the local org over HTTP (Authorization Code + PKCE, HttpLoginAgent) and fully synced: the
 * setup of every test that reads the offline copy of a real org. `options` go to createTestCore (a PDF printer, a clock…).
 */
export async function syncedCore(org: { url: string }, options: Omit<TestCoreOptions, 'loginAgent' | 'extraLoginOrigins'> = {}): Promise<{ app: TestCore; connectionId: string }> {
  const app = createTestCore({ ...options, loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
  try {
    const added = await app.call('connections.add', { label: 'Local org', loginUrl: org.url, clientId: 'budgetly-demo' });
    expect(added.ok, JSON.stringify(added.ok ? null : added.error)).toBe(true);
    const connectionId = (added.value as { id: string }).id;
    expect((await app.call('connections.connect', { id: connectionId })).ok).toBe(true);
    const synced = await app.call('invoices.sync', { connectionId, mode: 'full' });
    expect(synced.ok, JSON.stringify(synced.error)).toBe(true);
    return { app, connectionId };
  } catch (error) {
    // The caller never gets `app` to dispose of: its data folder goes here (the setup's failure is what the test reports).
    await app.dispose();
    throw error;
  }
}
