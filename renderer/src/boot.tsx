import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { earlyFirstAsks } from './api/early-first-window';
import { earlyAnswersIn } from './api/early-startup';
import { loadLikelyCatalogue } from './i18n/catalogues';

/**
 * How long the first render may wait for the answers the page asked for as it started (main.tsx). Issue #19: rendered
 * before they are in, the App showed its Loading screen first — a whole first render, commit, layout and paint of the
 * page — and then rendered again (an update of every component) with the workspace and its first rows; the trace of
 * the cold start had both on the page's one thread before the first row. Waiting for the answers (they are usually in
 * within ~100 ms on a quiet machine) renders the workspace once. Past this, the Loading screen shows as before (a slow
 * core, a copy without a first screen): never a blank window for longer than this.
 */
const WAIT_FOR_ANSWERS_MS = 400;

// The words of the language the window showed last, if they are not English (in the bundle).
loadLikelyCatalogue();
void earlyAnswersIn(WAIT_FOR_ANSWERS_MS, earlyFirstAsks()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
