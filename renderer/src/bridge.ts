import type { BudgetlyBridge } from '../../electron/contract';

declare global {
  interface Window {
    budgetly: BudgetlyBridge;
  }
}

/** The main process, as the renderer sees it: the contract's functions exposed by the preload. */
export function budgetly(): BudgetlyBridge {
  if (!window.budgetly) throw new Error('Budgetly must be opened as the desktop app (its connection to the main process is missing).');
  return window.budgetly;
}
