import { page } from './dom-lite';

/**
 * The page's main-thread work while the list loads, for the bench's Electron model (lib/electron-estimate.ts): how long
 * the page worked on a window after asking the next one. JavaScript only — the tasks the app posts (MessageChannel:
 * React's renders and the loader's window parts, one per task; timers; animation frames), each timed from its start
 * to its end (microtasks included); not the page's style, layout and paint. Recorded until every invoice is loaded
 * (then `stopBusy`), as pairs start, end (ms since navigation).
 */
export const busy: number[] = [];
let recording = true;

export function stopBusy(): void {
  recording = false;
}

function timed<A extends unknown[]>(run: (...args: A) => unknown): (...args: A) => unknown {
  return function (this: unknown, ...args: A) {
    if (!recording) return run.apply(this, args);
    const started = page.performance.now();
    try {
      return run.apply(this, args);
    } finally {
      busy.push(started, page.performance.now());
    }
  };
}

interface TaskGlobals {
  MessagePort: { prototype: object };
  setTimeout: (run: unknown, ms?: number, ...args: unknown[]) => number;
  requestAnimationFrame: (run: (time: number) => void) => number;
}

/** Wraps the page's task sources before the app loads (the probe is an init script). */
export function watchBusy(): void {
  const globals = page as unknown as TaskGlobals;
  const onmessage = Object.getOwnPropertyDescriptor(globals.MessagePort.prototype, 'onmessage')!;
  Object.defineProperty(globals.MessagePort.prototype, 'onmessage', {
    ...onmessage,
    set(this: unknown, handler: unknown) {
      onmessage.set!.call(this, typeof handler === 'function' ? timed(handler as (...args: unknown[]) => unknown) : handler);
    },
  });
  const setTimeout = globals.setTimeout.bind(page);
  globals.setTimeout = (run, ms, ...args) => setTimeout(typeof run === 'function' ? timed(run as (...a: unknown[]) => unknown) : run, ms, ...args);
  const requestAnimationFrame = globals.requestAnimationFrame.bind(page);
  globals.requestAnimationFrame = (run) => requestAnimationFrame(timed(run) as (time: number) => void);
}

