import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askFirstWindowsEarly } from './api/early-first-window';
import './styles.css';

// Before React renders anything: the first rows of the view the app opens on are on their way meanwhile.
askFirstWindowsEarly();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
