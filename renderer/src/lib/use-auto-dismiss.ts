import { useEffect, useRef, useState, type FocusEvent } from 'react';

/**
 * A message that goes away by itself after `ms` — but not while the pointer is over it or the keyboard focus is in
 * it (the user is reading it or about to press one of its buttons): the wait starts again when they leave.
 * Returns the handlers to spread on the message's container.
 */
export function useAutoDismiss(active: boolean, onDismiss: () => void, ms = 10_000) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (!active || hovered || focused) return;
    const timer = setTimeout(() => dismiss.current(), ms);
    return () => clearTimeout(timer);
  }, [active, hovered, focused, ms]);
  return {
    onMouseEnter: () => setHovered(true),
    onMouseLeave: () => setHovered(false),
    onFocus: () => setFocused(true),
    // Focus moving between the message's own buttons does not count as leaving it.
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
    },
  };
}
