import { useEffect, useRef } from 'react';

/**
 * Ctrl+1…9 (Cmd on macOS) opens the n-th saved view. Not taken while a dialog is open; free of the app's other
 * shortcuts (Ctrl+F, Ctrl+R in the workspace) and of the menu's accelerators (Ctrl+0, Ctrl+Plus, Ctrl+Minus: zoom).
 */
export function useViewShortcuts(open: (position: number) => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (!/^Digit[1-9]$/.test(event.code)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current(Number(event.code.slice(5)) - 1);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
