import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';

describe('the app in Chromium, through the contract', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ secretProtection: 'os' });
  });
  afterAll(async () => harness?.close());

  it('shows the app version and how sign-ins are protected', async () => {
    const { page } = harness;
    await expect.poll(() => page.getByTestId('app-version').textContent()).toContain('0.0.0-test');
    await expect.poll(() => page.getByTestId('secret-protection').getAttribute('data-level')).toBe('os');
    await harness.screenshot('app-shell');
  });

  it('answers calls with wrong argument types or unknown channels with INVALID_INPUT, never a crash', async () => {
    const results = await harness.page.evaluate(async () => {
      const bridge = window.budgetly as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
      return {
        wrongType: await bridge.connections!.remove!({ id: 42 }),
        extraKey: await bridge.connections!.remove!({ id: 'a', admin: true }),
        huge: await bridge.settings!.set!({ theme: 'x'.repeat(1_000_000) }),
        unknown: await window.__budgetlyInvoke('system.exec', { command: 'rm -rf /' }),
        stillAlive: await bridge.app!.info!(),
      };
    });
    expect(results.wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(results.extraKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(results.huge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(results.huge).length).toBeLessThan(500);
    expect(results.unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(results.stillAlive).toMatchObject({ ok: true });
  });

  it('refuses calls from a page that is not the app’s renderer', async () => {
    const other = await harness.context.newPage();
    await other.goto('about:blank');
    const result = await other.evaluate(() => window.budgetly.app.info());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await other.close();
  });
});
