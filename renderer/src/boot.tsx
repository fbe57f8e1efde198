import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { earlyFirstAsks } from './api/early-first-window';
import { earlyAnswersIn } from './api/early-startup';
import { loadLikelyCatalogue } from './i18n/catalogues';
import { pageReady } from './shell/page-ready';

/**
 * How long the first render may wait for the answers the page asked for as it started (main.tsx). Issue #19: rendered
 * before they are in, the App showed its Loading screen first — a whole first render, commit, layout and paint of the
 * page — and then rendered again (an update of every component) with the workspace and its first rows; the trace of
 * the cold start had both on the page's one thread before the first row. Waiting for the answers (they are usually in
 * within ~100 ms on a quiet machine) renders the workspace once. Past this, the Loading screen shows as before (a slow
 * core, a copy without a first screen): never a blank window for longer than this.
 */
const WAIT_FOR_ANSWERS_MS = 400;
/**
 * How long the first render may wait for the page's stylesheets (page-ready.ts). Before the first module was async
 * (issue #19, page30) nothing ran at all until they were in; a stylesheet that never comes still lets the page show.
 */
const WAIT_FOR_STYLES_MS = 10_000;

// The words of the language the window showed last, if they are not English (in the bundle).
loadLikelyCatalogue();
// …and, the first module being an async script (index.html), for the page's parse and stylesheets (page-ready.ts).
void Promise.all([earlyAnswersIn(WAIT_FOR_ANSWERS_MS, earlyFirstAsks()), pageReady(WAIT_FOR_STYLES_MS)]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
