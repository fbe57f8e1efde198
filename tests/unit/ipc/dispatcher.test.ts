import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher';
import { createSenderCheck } from '../../../electron/core/ipc/sender-check';
import { MemoryLogger } from '../../support/test-ports';

const renderer = 'app://budgetly/index.html';
const trusted = createSenderCheck(renderer);

function dispatcherWith(calls: unknown[]) {
  const logger = new MemoryLogger();
  const dispatch = createDispatcher(
    {
      'connections.remove': (input) => {
        calls.push(input);
        return null;
      },
      'connections.disconnect': () => {
        throw new AppError('RECONNECT_REQUIRED', 'Salesforce asked you to sign in again.');
      },
      'connections.list': () => {
        throw new Error('secret 00Dxx!token in a stack trace');
      },
    },
    trusted,
    logger,
  );
  return { dispatch, logger };
}

describe('the IPC dispatcher', () => {
  it('runs the handler with validated input from the app renderer', async () => {
    const calls: unknown[] = [];
    const { dispatch } = dispatcherWith(calls);
    await expect(dispatch('connections.remove', { id: 'c1' }, 'app://budgetly/index.html#/x')).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ id: 'c1' }]);
  });

  it.each([
    ['a wrong type', { id: 7 }],
    ['a missing field', {}],
    ['an extra key', { id: 'c1', admin: true }],
    ['a prototype-pollution key', JSON.parse('{"id":"c1","__proto__":{"polluted":true}}')],
    ['a huge string', { id: 'x'.repeat(100_000) }],
    ['not an object', 'c1'],
  ])('refuses %s with INVALID_INPUT and never calls the handler', async (_name, input) => {
    const calls: unknown[] = [];
    const { dispatch } = dispatcherWith(calls);
    const result = await dispatch('connections.remove', input, renderer);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
    expect(JSON.stringify(result).length).toBeLessThan(600);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown channels, including inherited property names', async () => {
    const { dispatch } = dispatcherWith([]);
    for (const channel of ['system.exec', 'constructor', '__proto__', 'toString', 42, null]) {
      await expect(dispatch(channel, undefined, renderer)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it.each([undefined, '', 'about:blank', 'https://evil.example/index.html', 'app://evil/index.html', 'file:///index.html', 'not a url'])(
    'refuses calls from %s with FORBIDDEN',
    async (sender) => {
      const calls: unknown[] = [];
      const { dispatch } = dispatcherWith(calls);
      await expect(dispatch('connections.remove', { id: 'c1' }, sender)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(calls).toEqual([]);
    },
  );

  it('passes typed errors through and hides unexpected ones behind INTERNAL without their text', async () => {
    const { dispatch, logger } = dispatcherWith([]);
    await expect(dispatch('connections.disconnect', { id: 'c1' }, renderer)).resolves.toEqual({
      ok: false,
      error: { code: 'RECONNECT_REQUIRED', message: 'Salesforce asked you to sign in again.' },
    });
    const internal = await dispatch('connections.list', undefined, renderer);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('00Dxx');
    expect(logger.lines.join('\n')).not.toContain('00Dxx');
  });
});
