import type { z } from 'zod';
import { AppError, channels, isAppError, isChannelName, type ChannelName, type ChannelOutput, type Result } from '../../contract';
import { englishMessage, type CoreMessageKey } from '../../contract/i18n/spoken-messages';
import type { Logger } from '../ports';

/** A handler receives its input already validated by the channel's schema. */
export type Handler<C extends ChannelName> = (input: z.output<(typeof channels)[C]['input']>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export type Dispatch = (channel: unknown, input: unknown, senderUrl: string | undefined) => Promise<Result<unknown>>;

/**
 * The one door into the core, shared by the Electron main process and the test harness:
 * checks the sender, validates the input with the contract's schema, runs the handler and
 * turns every failure into a typed `{ code, message }` value. Nothing here throws. Its own refusals are
 * core messages said in the user's language by `say` (the core's message speaker; English without one).
 */
export function createDispatcher(
  handlers: Partial<Handlers>,
  isTrustedSender: (senderUrl: string | undefined) => boolean,
  logger?: Logger,
  say: (message: string) => string = (message) => message,
): Dispatch {
  const failure = (code: AppError['code'], key: CoreMessageKey, values?: Record<string, string>): Result<never> => ({
    ok: false,
    error: { code, message: say(englishMessage(key, values)) },
  });
  return async (channel, input, senderUrl) => {
    if (!isTrustedSender(senderUrl)) {
      logger?.warn('Refused an IPC call from an untrusted frame', { channel: String(channel).slice(0, 60) });
      return failure('FORBIDDEN', 'requestNotFromWindow');
    }
    if (!isChannelName(channel)) return failure('INVALID_INPUT', 'requestUnknown');
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) return failure('INVALID_INPUT', 'requestInvalid', { issues: describeIssues(parsed.error.issues) });
    const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
    if (!handler) return failure('INTERNAL', 'requestNotAvailable', { channel });
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toValue() };
      logger?.error('Unexpected failure in an IPC handler', { channel, error: error instanceof Error ? error.name : typeof error });
      return failure('INTERNAL', 'somethingWentWrong');
    }
  };
}

/**
 * A short description of what was wrong, without echoing the (possibly huge or hostile) value back. The details
 * are zod's English (a field's path and what it expected): only a window that does not follow the contract, a
 * bug, ever sends such a request, so they are for the log and a bug report; the sentence around them is said.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map((part) => String(part).slice(0, 40)).join('.');
    return `${path || 'input'}: ${issue.message.slice(0, 120)}`;
  });
  return `${first.join('; ')}${issues.length > 3 ? '; …' : ''}`;
}
