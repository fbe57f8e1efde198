/**
 * The one reader of what a thrown value says about itself (jsforce API and OAuth errors, fetch and
 * system errors, AppErrors wrapping them): the rest of the core decides on these facts, never on the
 * error objects' shapes.
 */
export interface ErrorFacts {
  /** The top error's `name`. */
  name?: string;
  /**
   * Salesforce's errorCode (`INVALID_SESSION_ID`) or OAuth's `error` (`invalid_grant`); jsforce names its
   * API errors after the errorCode, so a name other than Error / TypeError counts as one.
   */
  errorCode?: string;
  message?: string;
  /** System error codes (`code`, `errno`: ECONNRESET, UND_ERR_SOCKET …) anywhere along the `cause` chain. */
  systemCodes: string[];
  /** The errorCode (or else the name) of each error along the `cause` chain, top first (undefined where it has neither). */
  chainCodes: (string | undefined)[];
  /** The message of each error along the `cause` chain, top first ('' where it has none). */
  chainMessages: string[];
}

/** Reads the facts of `error`, following the `cause` chain (5 deep at most). */
export function errorFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { systemCodes: [], chainCodes: [], chainMessages: [] };
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const value = current as { name?: unknown; errorCode?: unknown; error?: unknown; message?: unknown; code?: unknown; errno?: unknown; cause?: unknown };
    const name = typeof value.name === 'string' ? value.name : undefined;
    if (depth === 0) {
      facts.name = name;
      const errorCode = typeof value.errorCode === 'string' ? value.errorCode : typeof value.error === 'string' ? value.error : undefined;
      facts.errorCode = errorCode ?? (name && name !== 'Error' && name !== 'TypeError' ? name : undefined);
      facts.message = typeof value.message === 'string' ? value.message : undefined;
    }
    facts.chainCodes.push(typeof value.errorCode === 'string' ? value.errorCode : name);
    facts.chainMessages.push(typeof value.message === 'string' ? value.message : '');
    if (typeof value.code === 'string') facts.systemCodes.push(value.code);
    if (typeof value.errno === 'string') facts.systemCodes.push(value.errno);
    current = value.cause;
  }
  return facts;
}
