import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLikelyCatalogue } from './i18n/catalogues';

// The words of the language the window showed last, if they are not English (in the bundle).
loadLikelyCatalogue();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
