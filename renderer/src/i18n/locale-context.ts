import { createContext, useContext } from 'react';

/**
 * The locale numbers and dates are formatted in (`Intl`), e.g. 'de-DE'; it follows Settings → Language.
 * Read it with `useLocale()` instead of passing `locale` down through props.
 */
export const LocaleContext = createContext<string>('en-US');

export function useLocale(): string {
  return useContext(LocaleContext);
}
