import { useState } from 'react';
import { useMediaQuery } from '../lib/use-media-query';

/**
 * Below this window height the per-currency cards (160–290 px each row of them, two rows of them beside the detail
 * panel) would leave the grid only a few rows — at 1,280 × 800 with the panel open, one: each currency then takes
 * one line (count, total, balance) and the aging opens on demand. 1,400 × 900 and larger keeps the full cards.
 */
export const SMALL_WINDOW = '(max-height: 899px)';

/**
 * Whether the summary shows one line per currency: by default on small windows; the user can open the full cards
 * (and fold them again) on a small window. On a large window the cards are always whole: there is room for them.
 */
export function useSummarySize() {
  const small = useMediaQuery(SMALL_WINDOW);
  const [expanded, setExpanded] = useState(false);
  return { small, compact: small && !expanded, expanded, toggle: () => setExpanded((open) => !open) };
}
