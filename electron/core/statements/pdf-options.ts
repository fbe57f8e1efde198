/**
 * The one set of PDF options both printers use, so the shell prints what the tests print: A4 portrait, backgrounds
 * (table heads) printed, the page's own `@page` size and margins, no browser header or footer (no URL, no date).
 * The Electron printer maps `format` to `pageSize`; Playwright's `page.pdf()` takes it as it is.
 */
export const statementPdfOptions = {
  format: 'A4',
  landscape: false,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
} as const;
