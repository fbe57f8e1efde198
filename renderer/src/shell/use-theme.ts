import { useEffect } from 'react';

/** Applies the chosen theme; "system" leaves it to the OS (prefers-color-scheme). */
export function useTheme(theme: 'system' | 'light' | 'dark' | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!theme || theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
