import { z } from 'zod';

/** Every failure that crosses the IPC boundary is one of these codes plus a human message. */
export const errorCodes = [
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL',
  'CANCELLED',
  'TIMEOUT',
  'LOGIN_IN_PROGRESS',
  'LOGIN_FAILED',
  'ACCESS_DENIED',
  'NOT_CONNECTED',
  'RECONNECT_REQUIRED',
  'ENCRYPTION_UNAVAILABLE',
  'NETWORK',
  'SALESFORCE_LIMIT',
  'SALESFORCE_ERROR',
  'SYNC_IN_PROGRESS',
  'NO_INVOICE_OBJECT',
  'STORAGE',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type AppErrorValue = z.infer<typeof appErrorSchema>;

/** What every call through `window.budgetly` resolves to: never a thrown error, never a stack trace. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

/** Thrown inside the core; turned into `{ ok: false, error }` at the IPC boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toValue(): AppErrorValue {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
