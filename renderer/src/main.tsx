import { askFirstWindowsEarly } from './api/early-first-window';
import { askStartupEarly } from './api/early-startup';
import { warmFormatsEarly } from './api/early-formats';
import './styles.css';

// Issue #19 (cold start): this first module is small on purpose — no React, no workspace — so the page asks for what
// its first screen needs while the bundle that shows it is still being loaded and parsed (boot.tsx). An async module
// script (index.html): it runs once it has arrived, not after the page's stylesheets (boot.tsx waits for those).
// The first rows of the view the app opens on (and its saved views) first: the core reads them from the copy's first
// screen, and answers the quick ones meanwhile…
askFirstWindowsEarly();
// …what the App needs to show them (app info, settings, connections)…
askStartupEarly();
// …and, while the answers and the start-up bundle are on their way, the formats the first rows are written with.
warmFormatsEarly();
void import('./boot');
