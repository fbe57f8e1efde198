import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The parts whose code failed to load, each with the way to ask for it again. */
const failed = new Set<() => void>();

/**
 * `React.lazy`, but a part whose code could not be loaded is not failed for good: React keeps a lazy component's
 * rejected load forever (until the window restarts), this one makes a new lazy component when `retryFailedParts` is
 * called, and the part's next render loads its code again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props, as React.lazy's own signature
export function retryableLazy<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): ComponentType<React.ComponentProps<T>> {
  let current: LazyExoticComponent<T>;
  const make = () => {
    current = lazy(() =>
      load().catch((error: unknown) => {
        failed.add(make);
        throw error;
      }),
    );
  };
  make();
  return function LazyPartOf(props: React.ComponentProps<T>) {
    return createElement(current, props);
  };
}

/** Asks again for the code of every part that failed to load (a "Try again" where one said it failed). */
export function retryFailedParts(): void {
  for (const make of failed) make();
  failed.clear();
}
