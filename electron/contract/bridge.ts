import type { Result } from './errors';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './channels';

/**
 * `window.budgetly`: one function per channel, nested by the dots of its name
 * (`budgetly.connections.list()`, `budgetly.invoices.mapping.get({...})`), plus `on(event, listener)`.
 * Built by the preload in the app and by the test harness in Chromium from the same code.
 */

type Fn<C extends ChannelName> = undefined extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, ...Split<Tail>] : [S];
type Nest<Path extends string[], V> = Path extends [infer H extends string, ...infer R extends string[]]
  ? { [K in H]: R extends [] ? V : Nest<R, V> }
  : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Tree = UnionToIntersection<{ [C in ChannelName]: Nest<Split<C>, Fn<C>> }[ChannelName]>;

export type BudgetlyBridge = Tree & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

export function buildBridge(names: readonly string[], invoke: Invoke, subscribe: Subscribe): BudgetlyBridge {
  const root: Record<string, unknown> = Object.create(null);
  for (const name of names) {
    const parts = name.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= Object.create(null);
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = (input?: unknown) => invoke(name, input);
  }
  root.on = (event: string, listener: (payload: unknown) => void) => subscribe(event, listener);
  return deepFreeze(root) as unknown as BudgetlyBridge;
}

function deepFreeze(node: Record<string, unknown>): Record<string, unknown> {
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object') deepFreeze(value as Record<string, unknown>);
  }
  return Object.freeze(node);
}

/** Names of the Electron IPC channels that carry the contract. */
export const IPC_INVOKE = 'budgetly:invoke';
export const IPC_EVENT = 'budgetly:event';
