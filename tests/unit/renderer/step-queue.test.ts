import { describe, expect, it } from 'vitest';
import { stepQueue } from '../../../renderer/src/lib/step-queue';

/** The page's tasks, run when the test says (what `schedule` queued). */
function tasks() {
  const queued: (() => void)[] = [];
  return { schedule: (run: () => void) => void queued.push(run), runOne: () => queued.shift()?.(), count: () => queued.length };
}

describe('steps of work, one per task of the page (step-queue.ts)', () => {
  it('runs nothing at once, then one step per task, in order — what else the page has queued runs between two steps', () => {
    const ran: string[] = [];
    const page = tasks();
    const steps = stepQueue(page.schedule);
    steps.add(() => ran.push('a1'), () => ran.push('a2'), () => ran.push('a3'));
    expect(ran).toEqual([]);
    expect(page.count()).toBe(1);
    page.runOne();
    expect(ran).toEqual(['a1']);
    // An answer arrives: queued behind the next step's task only.
    page.schedule(() => ran.push('answer'));
    steps.add(() => ran.push('b1'));
    for (let k = 0; k < 10 && page.count() > 0; k++) page.runOne();
    expect(ran).toEqual(['a1', 'a2', 'answer', 'a3', 'b1']);
    expect(page.count()).toBe(0);
  });

  it('flush runs every step left at once, in order; nothing runs twice, and steps added after it still run', () => {
    const ran: string[] = [];
    const page = tasks();
    const steps = stepQueue(page.schedule);
    steps.add(() => ran.push('1'), () => ran.push('2'), () => ran.push('3'));
    page.runOne();
    steps.flush();
    expect(ran).toEqual(['1', '2', '3']);
    steps.add(() => ran.push('4'));
    for (let k = 0; k < 10 && page.count() > 0; k++) page.runOne();
    expect(ran).toEqual(['1', '2', '3', '4']);
  });

  it('runs its steps in tasks of its own by default', async () => {
    const ran: number[] = [];
    const steps = stepQueue();
    steps.add(() => ran.push(1), () => ran.push(2));
    expect(ran).toEqual([]);
    // Each message is a task of its own: wait for them (no time is asserted).
    for (let k = 0; k < 1_000 && ran.length < 2; k++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(ran).toEqual([1, 2]);
  });
});
