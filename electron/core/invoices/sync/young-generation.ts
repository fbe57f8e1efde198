import { setFlagsFromString } from 'node:v8';

/**
 * While a full sync pages, V8's young generation keeps the size it has instead of growing (issue #19: the 1M full sync's
 * peak RSS).
 *
 * Why: V8 doubles the young generation (up to 64 MiB per semi-space here: 128 MiB of RSS with both) once the bytes that
 * survive its scavenges since the last growth exceed its size. A full sync keeps every page's columns (the text alone is
 * ~115 MiB at 1,000,000 invoices), and every byte of them survives once, so the young generation always grew to its
 * largest — with 21–56 MiB of it in use. Its committed 128 MiB, and the off-heap garbage of the pages fetched between two
 * of its scavenges (each page's body text, the socket's reads: ~2 MB a page, freed only at a scavenge), were the largest
 * part of the peak that is not the copy itself (BENCHMARKS.md, session 27, rss27; session 28, rss28: 1M peak 460–478 →
 * 398–405 MiB, 6 of 6 pairs; the sync's CPU lower in 5 of 6).
 *
 * How: V8 reads `--semi-space-growth-factor` each time it grows the young generation (default 2); 1 leaves the size as it
 * is. It is set for the time a full sync pages and put back when the last one ends. Electron keeps V8's flags writable in
 * its main process (electron/electron#42414: it passes --no-freeze-flags-after-init), where the core runs; so does Node.
 * Process-wide: other work in the process meanwhile keeps the young generation's size too. The size is not made smaller:
 * a process whose young generation has already grown (a large copy loaded just before) keeps that size.
 *
 * On Electron's own V8 this is NOT known (session 29, rss29, reading sources; no Electron binary on the build machine):
 * Electron 45 is Chromium 153–154 (electron/electron DEPS at v45.0.0-nightly.20260821: chromium_version 153.0.8001.0), so
 * V8 15.3–15.4, not the 13.6 of the Node 24 every figure was measured on. Electron's main process does keep flags
 * writable (shell/browser/javascript_environment.cc:254 there: "--no-freeze-flags-after-init"). Whether V8 15.x still
 * has the flag and reads it at each growth could not be read (V8's repository is too large to fetch here); an unknown
 * flag is ignored, so the sync still runs. tests/electron/young-generation-in-main.test.ts checks it wherever a binary
 * exists. The lever that rests on no V8 flag is the chunks' text kept outside V8's heap (snapshot/row-columns.ts
 * `EXTERNAL_TEXT_CHARS`); this hold adds to it.
 */
const HELD = '--semi-space-growth-factor=1';
/** V8's default (flag-definitions.h). */
const RELEASED = '--semi-space-growth-factor=2';

let holders = 0;

/** Holds the young generation's size until the returned function is called (once); holds nest. */
export function holdYoungGeneration(): () => void {
  if (holders++ === 0) setFlagsFromString(HELD);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) setFlagsFromString(RELEASED);
  };
}
