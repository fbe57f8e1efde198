import type { ErrorCode, Result } from '../../../electron/contract';

/** A failed call through `window.budgetly`, with the contract's error code. */
export class BridgeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** The one place Results are unwrapped: resolves with the value or rejects with a BridgeError. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (error) {
    throw new BridgeError('INTERNAL', error instanceof Error ? error.message : String(error));
  }
  if (result.ok) return result.value;
  throw new BridgeError(result.error.code, result.error.message);
}

export function errorOf(error: unknown): BridgeError {
  return error instanceof BridgeError ? error : new BridgeError('INTERNAL', error instanceof Error ? error.message : String(error));
}
