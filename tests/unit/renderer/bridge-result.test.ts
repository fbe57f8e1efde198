import { describe, expect, it } from 'vitest';
import { BridgeError, unwrap } from '../../../renderer/src/api/result';

describe('unwrapping what window.budgetly answers', () => {
  it('gives the value of an ok result', async () => {
    await expect(unwrap(Promise.resolve({ ok: true as const, value: 42 }))).resolves.toBe(42);
  });

  it('turns an error result into a BridgeError with its code and message', async () => {
    const failing = unwrap(Promise.resolve({ ok: false as const, error: { code: 'RECONNECT_REQUIRED' as const, message: 'Sign in again' } }));
    await expect(failing).rejects.toBeInstanceOf(BridgeError);
    await expect(failing).rejects.toMatchObject({ code: 'RECONNECT_REQUIRED', message: 'Sign in again' });
  });

  it('never lets a broken bridge throw anything but a BridgeError', async () => {
    await expect(unwrap(Promise.reject(new Error('gone')))).rejects.toMatchObject({ code: 'INTERNAL', message: 'gone' });
  });
});
