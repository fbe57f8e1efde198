import type { z } from 'zod';
import { appErrorSchema, channels, events, isChannelName, type EventName } from '../../electron/contract';
import type { Dispatch } from '../../electron/core/ipc/dispatcher';

/**
 * The contract, enforced on the core's way out, in tests only (the app pays nothing): every result a
 * test core answers and every event it emits is parsed with its contract schema. A mismatch is
 * recorded here, and `contract-setup.ts` fails the test it happened in (a result's mismatch also
 * makes `TestCore.call` throw at once).
 */
const mismatches: string[] = [];

/** Mismatches seen since the last call, emptied. */
export function takeContractMismatches(): string[] {
  return mismatches.splice(0);
}

/** Checks one answer of `dispatch`; returns the mismatch found (also recorded), or null. */
export function checkResult(channel: unknown, result: unknown): string | null {
  const answer = result as { ok?: unknown; value?: unknown; error?: unknown };
  if (answer?.ok === true && isChannelName(channel)) {
    return record(`result of ${channel}`, channels[channel].output.safeParse(answer.value));
  }
  if (answer?.ok === false) return record(`error of ${String(channel).slice(0, 60)}`, appErrorSchema.safeParse(answer.error));
  if (answer?.ok !== true) return record(`answer of ${String(channel).slice(0, 60)}`, null);
  return null;
}

/** Checks one event's payload; returns the mismatch found (also recorded), or null. */
export function checkEvent(event: EventName, payload: unknown): string | null {
  const schema = (events as Record<string, z.ZodType>)[event];
  return schema ? record(`event ${event}`, schema.safeParse(payload)) : record(`event ${String(event)} (not in the contract)`, null);
}

/** `dispatch` with each answer checked against the contract. */
export function checkedDispatch(dispatch: Dispatch): Dispatch {
  return async (channel, input, senderUrl) => {
    const result = await dispatch(channel, input, senderUrl);
    checkResult(channel, result);
    return result;
  };
}

function record(what: string, parsed: { success: true } | { success: false; error: z.ZodError } | null): string | null {
  if (parsed?.success) return null;
  const issues = parsed
    ? parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
    : 'not a { ok, value | error } answer';
  const mismatch = `${what} does not match the contract: ${issues}`;
  mismatches.push(mismatch);
  return mismatch;
}
