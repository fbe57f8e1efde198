import type { ChannelOutput, Connection, Settings } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { unwrap } from './result';

type AppInfo = ChannelOutput<'app.info'>;

export const askInfoNow = () => unwrap(budgetly().app.info());
export const askSettingsNow = () => unwrap(budgetly().settings.get());
export const askConnectionsNow = () => unwrap(budgetly().connections.list());

export interface EarlyAnswers {
  info: AppInfo;
  settings: Settings;
  connections: Connection[];
}
export type EarlyKey = keyof EarlyAnswers;
type Answers = EarlyAnswers;
type Key = EarlyKey;

/** The answers asked for as the page starts (`askStartupEarly`), each taken once by the App's first load of it. */
const early: { [K in Key]?: Promise<Answers[K]> } = {};
/** …and those already here (the same values the promises resolve to), until taken. */
const arrived: { [K in Key]?: Answers[K] } = {};

function keep<K extends Key>(key: K, answer: Promise<Answers[K]>): void {
  early[key] = answer as (typeof early)[K];
  answer.then(
    (value) => {
      if (early[key] === answer) arrived[key] = value;
    },
    () => undefined,
  );
}

/**
 * Issue #19 (cold start): what the App needs before it shows the workspace — app info, settings, connections — is
 * asked for as the page starts, with the first rows (early-first-window.ts), instead of after React's first render:
 * the workspace mounts as soon as the page is free to take the answers. A `connections.changed` before the App
 * listens replaces the early answer. Never throws: a page opened without the bridge asks nothing. No React here: the
 * page's first module asks these before the bundle with React and the workspace is even loaded (main.tsx).
 */
export function askStartupEarly(): void {
  if (!window.budgetly) return;
  keep('info', askInfoNow());
  keep('settings', askSettingsNow());
  keep('connections', askConnectionsNow());
  budgetly().on('connections.changed', (list) => {
    if (early.connections) keep('connections', Promise.resolve(list));
  });
}

/**
 * Resolves once every answer asked as the page started — app info, settings, connections, and `more` (the first
 * rows and saved views: early-first-window.ts) — has arrived or failed, or after `ms`, whichever comes first. Never
 * rejects; resolves at once when nothing was asked (a page without the bridge).
 */
export function earlyAnswersIn(ms: number, more: readonly Promise<unknown>[] = []): Promise<void> {
  const asked = [...Object.values(early), ...more];
  if (asked.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void Promise.allSettled(asked).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The connections asked as the page started, not taken (All connections' early first windows wait for them too). */
export function earlyConnections(): Promise<Connection[]> | null {
  return early.connections ?? null;
}

/** The early answer once (then gone: a reload asks again), else a new ask. */
export function takeEarly<K extends Key>(key: K, ask: () => Promise<Answers[K]>): () => Promise<Answers[K]> {
  return () => {
    const answer = early[key] as Promise<Answers[K]> | undefined;
    delete early[key];
    delete arrived[key];
    return answer ?? ask();
  };
}

/**
 * The early answer if it is already here (not taken: see `dropEarly`): the App's first render starts from it, so it
 * shows the workspace at once instead of a Loading screen first.
 */
export function arrivedEarly<K extends Key>(key: K): Answers[K] | null {
  return (arrived[key] as Answers[K] | undefined) ?? null;
}

/** The App took the arrived answer as its value: a later load asks anew. */
export function dropEarly(key: Key): void {
  delete early[key];
  delete arrived[key];
}
