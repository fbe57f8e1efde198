import type { BudgetlyBridge } from '../../electron/contract';

declare global {
  interface Window {
    budgetly: BudgetlyBridge;
  }
}

/** The main process, as the renderer sees it: the contract's functions exposed by the preload. */
export const budgetly = (): BudgetlyBridge => window.budgetly;
