import { askFirstWindowsEarly } from './api/early-first-window';
import { askStartupEarly } from './api/early-startup';
import './styles.css';

// Issue #19 (cold start): this first module is small on purpose — no React, no workspace — so the page asks for what
// its first screen needs while the bundle that shows it is still being loaded and parsed (boot.tsx).
// What the App needs to show the rows (app info, settings, connections)…
askStartupEarly();
// …and the first rows of the view the app opens on, beside them.
askFirstWindowsEarly();
void import('./boot');
