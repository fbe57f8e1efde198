import { useEffect, useRef } from 'react';

interface Shortcuts {
  onFind: () => void;
  onSync: () => void;
  onEscape: () => boolean;
}

/** Ctrl/Cmd+F focuses search, Ctrl/Cmd+R syncs, Escape closes what is open. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && !event.altKey && key === 'f') {
        event.preventDefault();
        latest.current.onFind();
      } else if (mod && !event.shiftKey && !event.altKey && key === 'r') {
        event.preventDefault();
        latest.current.onSync();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        if (latest.current.onEscape()) event.preventDefault();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
