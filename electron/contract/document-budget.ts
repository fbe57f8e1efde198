/**
 * The disk budget for kept invoice PDFs (Settings), in MB (1 MB = 1,048,576 bytes), zod-free so the renderer's field
 * checks with the same bounds the contract enforces. 0 keeps no PDF: opening one still works online.
 */
export const PDF_BUDGET_DEFAULT_MB = 500;
export const PDF_BUDGET_MAX_MB = 100_000;
export const MB = 1024 * 1024;

/** Whether `mb` is a budget the core accepts: a whole number of MB from 0 to PDF_BUDGET_MAX_MB. */
export function pdfBudgetValid(mb: number): boolean {
  return Number.isInteger(mb) && mb >= 0 && mb <= PDF_BUDGET_MAX_MB;
}
