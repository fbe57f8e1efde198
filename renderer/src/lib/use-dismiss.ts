import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * For a <details> used as a menu: closes it on a click outside, and on Escape (focus goes back
 * to its summary). Returns the ref to put on the <details> and its keydown handler.
 */
export function useDismiss() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = ref.current;
    if (event.key === 'Escape' && details?.open) {
      event.preventDefault();
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  };
  const close = () => {
    if (ref.current) ref.current.open = false;
  };
  return { ref, onKeyDown, close };
}
