import { AppError, isAppError } from '../../contract';

/**
 * The handlers with their AppErrors' messages said by `say` (same code, same cause): the one place a
 * core message thrown deep down (RECONNECT_REQUIRED from a sync, a refused address) becomes the
 * user's language before the window reads it.
 */
export function speakingErrors<H extends Record<string, (input: never) => unknown>>(handlers: H, say: (message: string) => string): H {
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      async (input: never) => {
        try {
          return await handler(input);
        } catch (error) {
          if (!isAppError(error)) throw error;
          const message = say(error.message);
          throw message === error.message ? error : new AppError(error.code, message, { cause: error });
        }
      },
    ]),
  );
  return wrapped as H;
}
