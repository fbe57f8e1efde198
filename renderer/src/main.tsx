import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askFirstWindowsEarly } from './api/early-first-window';
import { askStartupEarly } from './api/use-app';
import { loadLikelyCatalogue } from './i18n/catalogues';
import './styles.css';

// Before React renders anything: the first rows of the view the app opens on are on their way meanwhile.
askFirstWindowsEarly();
// …and what the App needs to show them (app info, settings, connections), answered beside them.
askStartupEarly();
// …and the words of the language it showed last, if they are not English (in the bundle).
loadLikelyCatalogue();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
