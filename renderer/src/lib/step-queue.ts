/** Steps of work run in order, one per task of the page (see `stepQueue`). */
export interface StepQueue {
  add(...steps: (() => unknown)[]): void;
  /** Runs every step not run yet, now, in order. */
  flush(): void;
}

/**
 * Steps run in order, one per task of the page: whatever arrives while they run — an answer the page waits for, a
 * keystroke — waits for one step, not for all of them. `flush` runs what is left at once (for a caller that needs every
 * step done now). `schedule` runs a function in a later task (the page's: a message to itself, `nextTask`).
 */
export function stepQueue(schedule: (run: () => void) => void = nextTask): StepQueue {
  const queue: (() => unknown)[] = [];
  let scheduled = false;
  const next = () => {
    scheduled = false;
    const step = queue.shift();
    if (queue.length > 0) {
      scheduled = true;
      schedule(next);
    }
    step?.();
  };
  return {
    add(...steps) {
      queue.push(...steps);
      if (scheduled || queue.length === 0) return;
      scheduled = true;
      schedule(next);
    },
    flush() {
      // A task already scheduled then finds nothing to run (or the steps added after this).
      while (queue.length > 0) queue.shift()!();
    },
  };
}

/** What `nextTask` has to run, one per message in flight on `channel` (open only while something is to run). */
const pending: (() => void)[] = [];
let channel: MessageChannel | null = null;

/**
 * Runs `run` in a task of its own, soon: a message to itself (timers nested deeper than 5 wait ≥ 4 ms each in a page).
 * One channel while anything is to run (a channel per task cost ~1.4 ms each in Node, load ~14), closed once nothing
 * is (an open port keeps a Node process alive).
 */
function nextTask(run: () => void): void {
  pending.push(run);
  if (!channel) {
    const opened = new MessageChannel();
    opened.port1.onmessage = () => {
      const next = pending.shift();
      if (pending.length === 0) {
        opened.port1.close();
        channel = null;
      }
      next?.();
    };
    channel = opened;
  }
  channel.port2.postMessage(null);
}
