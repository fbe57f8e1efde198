import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** What a trace records: the renderer's tasks, events, style, layout, paint and compositing (DevTools' Performance panel). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8.execute'];

/**
 * BENCH_PAGE_PROFILE=<dir>: Chrome's CPU profile of the page during one measured phase (search keystrokes, sort
 * clicks, the scroll), written as `<dir>/<phase>-<pid>.cpuprofile` (open in Chrome DevTools' Performance panel). Sampling costs
 * a little time: the figures of a profiled run are for finding where the time goes, not for the table.
 * BENCH_PAGE_TRACE=<dir>: Chrome's trace of the phase instead, `<dir>/<phase>-<pid>.json` — where the time a CPU profile
 * calls "(program)" goes: each keystroke's events, style recalculation, layout (with its dirty objects), paint and commit.
 */
export async function profiled<T>(page: Page, phase: string, run: () => Promise<T>): Promise<T> {
  const traceDir = process.env.BENCH_PAGE_TRACE;
  if (traceDir) {
    mkdirSync(traceDir, { recursive: true });
    const browser = page.context().browser()!;
    await browser.startTracing(page, { path: join(traceDir, `${phase}-${process.pid}.json`), categories: TRACE_CATEGORIES });
    try {
      return await run();
    } finally {
      await browser.stopTracing();
    }
  }
  const dir = process.env.BENCH_PAGE_PROFILE;
  if (!dir) return run();
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    const result = await run();
    const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${phase}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    return result;
  } finally {
    await session.detach();
  }
}

/**
 * BENCH_PAGE_PROFILE=<dir> for the start-up: the profiler is started on the page before it navigates; the returned
 * function stops it and writes `<dir>/<phase>-<pid>.cpuprofile` (BENCH_PAGE_TRACE=<dir>: a trace, `<phase>-<pid>.json`).
 * Null when neither is asked for.
 */
export async function startProfile(page: Page): Promise<((phase: string) => Promise<void>) | null> {
  const traceDir = process.env.BENCH_PAGE_TRACE;
  if (traceDir) {
    // BENCH_PAGE_TRACE: Chrome's trace of the start-up (navigation, every script fetched and run, tasks, paint).
    mkdirSync(traceDir, { recursive: true });
    const browser = page.context().browser()!;
    await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'devtools.timeline.frame', 'loading', 'netlog', 'disabled-by-default-v8.cpu_profiler'] });
    return async (phase) => {
      writeFileSync(join(traceDir, `${phase}-${process.pid}.json`), await browser.stopTracing());
    };
  }
  const dir = process.env.BENCH_PAGE_PROFILE;
  if (!dir) return null;
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return async (phase) => {
    const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${phase}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    await session.detach();
  };
}
